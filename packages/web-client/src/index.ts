export * from './apiError.ts';
export * from './lazyPage.ts';
export * from './PerAddress.tsx';
export * from './useApiData.ts';
export * from './webClient.ts';
