export * from './apiError.ts';
export * from './useApiData.ts';
export * from './webClient.ts';
