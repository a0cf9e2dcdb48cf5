import { useEffect, useState } from 'react';
import { type ApiError, asApiError } from './api.ts';

export type ApiData<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/** Loads data from the API when `key` changes (and `enabled`); a failure becomes a message to show. */
export function useApiData<T>(key: string, load: () => Promise<T>, enabled = true): ApiData<T> {
  const [state, setState] = useState<ApiData<T>>({ status: 'loading' });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches.
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'error', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, enabled]);

  return state;
}
