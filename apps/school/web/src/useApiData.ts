import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, api, asApiError } from './api.ts';

export type ApiData<T> = {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
};

/**
 * GETs `path` (again whenever it changes); `null` waits. Stale answers are dropped. With
 * `refreshMs`, asks again at that pace (changes pushed by the national service show up by themselves).
 */
export function useApiData<T>(path: string | null, options: { refreshMs?: number } = {}): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);
  // The path the current data answers: a failed reload of the same path keeps what is shown.
  const shownPath = useRef<string | null>(null);

  useEffect(() => {
    void version;
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api
      .get<T>(path, controller.signal)
      .then((result) => {
        shownPath.current = path;
        setData(result);
        setLoading(false);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        if (shownPath.current !== path) setData(null);
        setError(asApiError(caught));
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  useEffect(() => {
    if (!options.refreshMs || path === null) return;
    const timer = setInterval(reload, options.refreshMs);
    return () => clearInterval(timer);
  }, [options.refreshMs, path, reload]);
  return { data, error, loading, reload };
}
