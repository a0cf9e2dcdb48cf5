import { type ApiData, useApiData as useShared } from '@permis/web-client';

export type { ApiData };

/** Loads data from the API when `key` changes (and `enabled`); a failure becomes a message to show. */
export function useApiData<T>(key: string, load: () => Promise<T>, enabled = true): ApiData<T> {
  return useShared(enabled ? key : null, load);
}
