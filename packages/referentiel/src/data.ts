// Node only: the official lists (loaded once) and the checks that use them.
export * from './check.ts';
export { type Dataset, dataset } from './dataset.ts';
export * from './placeFields.ts';
export * from './places.ts';
export * from './prefectures.ts';
export * from './towns.ts';
