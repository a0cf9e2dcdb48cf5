import { type ApiData, type ApiDataOptions, useApiData as useShared } from '@permis/web-client';

export type { ApiData };

/**
 * Loads data from the API when `key` changes (and `enabled`); a failure becomes a message to show.
 * What one key answered is never shown under another (see the shared hook for the options).
 */
export function useApiData<T>(
  key: string,
  load: () => Promise<T>,
  options: ApiDataOptions & { enabled?: boolean } = {},
): ApiData<T> {
  const { enabled = true, ...shared } = options;
  return useShared(enabled ? key : null, load, shared);
}
