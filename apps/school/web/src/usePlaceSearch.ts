import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { type ApiError, api, asApiError } from './api.ts';
import { type PlaceKind, searchKey } from './places.ts';
import type { PlaceSuggestion } from './types.ts';
import { useApiData } from './useApiData.ts';

export type PlaceSearch = { results: PlaceSuggestion[]; loading: boolean; error: ApiError | null };

type Answer = { query: string; results: PlaceSuggestion[]; error: ApiError | null };

const DEBOUNCE_MS = 250;
const MIN_CHARACTERS = 2;

function searchPath(kind: Exclude<PlaceKind, 'department'>, query: string): string {
  const q = encodeURIComponent(query);
  if (kind === 'country') return `/api/referentiel/countries?q=${q}`;
  return `/api/referentiel/towns?q=${q}&limit=10${kind === 'birthTown' ? '&purpose=birth' : ''}`;
}

/**
 * What the reference lists offer for `query`: towns and countries are asked to the server as the
 * user types (debounced, from 2 characters); the départements are loaded once and filtered here.
 */
export function usePlaceSearch(kind: PlaceKind, query: string): PlaceSearch {
  const departments = useApiData<{ departments: PlaceSuggestion[] }>(
    kind === 'department' ? '/api/referentiel/departments' : null,
  );
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const remoteQuery = kind !== 'department' && debounced.length >= MIN_CHARACTERS ? debounced : '';
  const [remote, setRemote] = useState<Answer>({ query: '', results: [], error: null });

  useEffect(() => {
    if (kind === 'department' || !remoteQuery) return;
    const controller = new AbortController();
    api
      .get<{ towns?: PlaceSuggestion[]; countries?: PlaceSuggestion[] }>(
        searchPath(kind, remoteQuery),
        controller.signal,
      )
      .then((answer) => setRemote({ query: remoteQuery, results: answer.towns ?? answer.countries ?? [], error: null }))
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setRemote({ query: remoteQuery, results: [], error: asApiError(caught) });
      });
    return () => controller.abort();
  }, [kind, remoteQuery]);

  const departmentResults = useMemo(() => {
    const all = departments.data?.departments ?? [];
    const key = searchKey(query);
    return key ? all.filter((d) => searchKey(d.label).includes(key)) : all;
  }, [departments.data, query]);

  if (kind === 'department') {
    return { results: departmentResults, loading: departments.loading, error: departments.error };
  }
  const wanted = query.trim().length >= MIN_CHARACTERS ? query.trim() : '';
  const current = wanted !== '' && remote.query === wanted;
  return {
    results: current ? remote.results : [],
    loading: wanted !== '' && !current,
    error: current ? remote.error : null,
  };
}
