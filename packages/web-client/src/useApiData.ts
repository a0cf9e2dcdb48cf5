import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, asApiError } from './apiError.ts';

/**
 * What a page shows of a load: `status` to switch on, or `data` / `error` / `loading` to read; `Code`
 * is the service's union of error codes.
 */
export type ApiData<T, Code extends string = string> = (
  | { status: 'loading'; data: T | null; error: null; loading: true }
  | { status: 'error'; data: T | null; error: ApiError<Code>; loading: false }
  | { status: 'ready'; data: T; error: null; loading: false }
) & { reload(): void };

export type ApiDataOptions = {
  /** Loads again at this pace (what the server changed meanwhile shows up by itself). */
  refreshMs?: number;
  /** Loads again whenever this changes, keeping what is shown until the answer (after an action). */
  version?: number | string;
  /**
   * A list whose query changed keeps showing the previous rows until the new ones arrive (no
   * flicker while typing a search): every one of those rows is still a valid target.
   */
  keepPrevious?: boolean;
};

/** The last answer, with the key it answered: shown under that key only. */
type State<T> = { key: string | null; data: T | null; error: ApiError | null; loading: boolean };

/**
 * Loads with `load` whenever `key` changes (`null` waits); stale answers are dropped. What was
 * loaded for one key is never shown under another (another user's rights, another application's
 * pièces), unless `keepPrevious`; a reload of the same key (`reload`, `version`, `refreshMs`)
 * keeps what is shown, even when it fails.
 */
export function useApiData<T, Code extends string = string>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: ApiDataOptions = {},
): ApiData<T, Code> {
  const [state, setState] = useState<State<T>>({ key: null, data: null, error: null, loading: false });
  const [reloads, setReloads] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    void reloads;
    void options.version;
    if (key === null) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    loader.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, error: null, loading: false });
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          key,
          data: previous.key === key ? previous.data : null,
          error: asApiError(caught),
          loading: false,
        }));
      },
    );
    return () => controller.abort();
  }, [key, reloads, options.version]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  useEffect(() => {
    if (!options.refreshMs || key === null) return;
    const timer = setInterval(reload, options.refreshMs);
    return () => clearInterval(timer);
  }, [options.refreshMs, key, reload]);

  // Worked out at render, not reset by an effect: not even one frame shows another key's answer.
  const answered = state.key === key;
  const data = answered || (options.keepPrevious && key !== null) ? state.data : null;
  const error = answered ? state.error : null;
  const loading = key !== null && (!answered || state.loading);
  const status = loading ? 'loading' : error ? 'error' : data !== null ? 'ready' : 'loading';
  return { data, error, loading, status, reload } as ApiData<T, Code>;
}
