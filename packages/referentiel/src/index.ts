// Pure parts, safe in a browser bundle. The official lists and the checks are in `@permis/referentiel/data`.
export * from './catalogue.ts';
export * from './contract.ts';
export * from './normalize.ts';
export * from './placeFields.ts';
export type * from './types.ts';
