import { type ApiData, type ApiDataOptions, useApiData as useShared } from '@permis/web-client';
import { api } from './api.ts';

export type { ApiData };

/**
 * GETs `path` (again whenever it changes); `null` waits. What `path` answered is never shown
 * under another path (see the shared hook for `refreshMs`, `version` and `keepPrevious`).
 */
export function useApiData<T>(path: string | null, options: ApiDataOptions = {}): ApiData<T> {
  return useShared(path, (signal) => api.get<T>(path ?? '', signal), options);
}
