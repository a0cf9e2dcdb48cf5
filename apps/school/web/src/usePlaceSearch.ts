import { useDebouncedValue } from '@mantine/hooks';
import { referentielContract } from '@permis/referentiel';
import { useEffect, useMemo, useState } from 'react';
import { type ApiError, apiCall, asApiError } from './api.ts';
import { type PlaceKind, searchKey } from './places.ts';
import type { PlaceSuggestion } from './types.ts';
import { useApiCall } from './useApiData.ts';

export type PlaceSearch = { results: PlaceSuggestion[]; loading: boolean; error: ApiError | null };

type Answer = { query: string; results: PlaceSuggestion[]; error: ApiError | null };

const DEBOUNCE_MS = 250;
const MIN_CHARACTERS = 2;

async function search(kind: Exclude<PlaceKind, 'department'>, q: string, signal: AbortSignal) {
  if (kind === 'country') return (await apiCall(referentielContract.countries, { query: { q } }, { signal })).countries;
  const purpose = kind === 'birthTown' ? 'birth' : undefined;
  return (await apiCall(referentielContract.towns, { query: { q, limit: 10, purpose } }, { signal })).towns;
}

/**
 * What the reference lists offer for `query`: towns and countries are asked to the server as the
 * user types (debounced, from 2 characters); the départements are loaded once and filtered here.
 */
export function usePlaceSearch(kind: PlaceKind, query: string): PlaceSearch {
  const departments = useApiCall(referentielContract.departments, kind === 'department' ? {} : null);
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const remoteQuery = kind !== 'department' && debounced.length >= MIN_CHARACTERS ? debounced : '';
  const [remote, setRemote] = useState<Answer>({ query: '', results: [], error: null });

  useEffect(() => {
    if (kind === 'department' || !remoteQuery) return;
    const controller = new AbortController();
    search(kind, remoteQuery, controller.signal)
      .then((results) => setRemote({ query: remoteQuery, results, error: null }))
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
