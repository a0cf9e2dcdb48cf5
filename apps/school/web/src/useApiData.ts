import { type ApiData, useApiData as useShared } from '@permis/web-client';
import { api } from './api.ts';

export type { ApiData };

/**
 * GETs `path` (again whenever it changes); `null` waits. Stale answers are dropped. With
 * `refreshMs`, asks again at that pace (changes pushed by the national service show up by themselves).
 */
export function useApiData<T>(path: string | null, options: { refreshMs?: number } = {}): ApiData<T> {
  return useShared(path, (signal) => api.get<T>(path ?? '', signal), options);
}
