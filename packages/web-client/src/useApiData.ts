import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, asApiError } from './apiError.ts';

/** What a page shows of a load: `status` to switch on, or `data` / `error` / `loading` to read. */
export type ApiData<T> = (
  | { status: 'loading'; data: T | null; error: null; loading: true }
  | { status: 'error'; data: T | null; error: ApiError; loading: false }
  | { status: 'ready'; data: T; error: null; loading: false }
) & { reload(): void };

type State<T> = { data: T | null; error: ApiError | null; loading: boolean };

/**
 * Loads with `load` whenever `key` changes (`null` waits); stale answers are dropped, and a failed
 * reload of the same key keeps what is shown. With `refreshMs`, loads again at that pace.
 */
export function useApiData<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: { refreshMs?: number } = {},
): ApiData<T> {
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: key !== null });
  const [version, setVersion] = useState(0);
  const shownKey = useRef<string | null>(null);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    void version;
    if (key === null) {
      setState((previous) => ({ ...previous, loading: false }));
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: null, loading: true }));
    loader.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        shownKey.current = key;
        setState({ data, error: null, loading: false });
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          data: shownKey.current === key ? previous.data : null,
          error: asApiError(caught),
          loading: false,
        }));
      },
    );
    return () => controller.abort();
  }, [key, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  useEffect(() => {
    if (!options.refreshMs || key === null) return;
    const timer = setInterval(reload, options.refreshMs);
    return () => clearInterval(timer);
  }, [options.refreshMs, key, reload]);

  const status = state.loading ? 'loading' : state.error ? 'error' : state.data !== null ? 'ready' : 'loading';
  return { ...state, status, reload } as ApiData<T>;
}
