import { referentielContract } from '@permis/referentiel';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, apiCall, asApiError } from './api.ts';
import type { PlaceField, PlaceRecord, PlaceSuggestion, PlacesCheck } from './types.ts';

export type PlacesCheckState = {
  /** The latest answer of the server, and the record it is about. */
  result: PlacesCheck | null;
  checkedRecord: PlaceRecord | null;
  checking: boolean;
  error: ApiError | null;
  /** Fields found wrong at least once: they keep their choice list even once corrected. */
  flagged: ReadonlySet<PlaceField>;
  /** Each field's last non-empty suggestions, so a picked choice stays in its list. */
  suggestions: Partial<Record<PlaceField, PlaceSuggestion[]>>;
  retry(): void;
};

type Checked = Pick<PlacesCheckState, 'result' | 'checkedRecord' | 'flagged' | 'suggestions'>;

const EMPTY: Checked = { result: null, checkedRecord: null, flagged: new Set(), suggestions: {} };

/** Checks `record` against the reference lists each time it changes; stale answers are dropped. */
export function usePlacesCheck(record: PlaceRecord): PlacesCheckState {
  const [checked, setChecked] = useState<Checked>(EMPTY);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Réinitialiser goes back to a record already checked: no need to ask again.
  const cache = useRef(new Map<string, PlacesCheck>());

  useEffect(() => {
    void attempt;
    const key = JSON.stringify(record);
    const accept = (result: PlacesCheck) => {
      cache.current.set(key, result);
      setChecked((current) => {
        const flagged = new Set(current.flagged);
        const suggestions = { ...current.suggestions };
        for (const field of result.fields) {
          if (!field.ok) flagged.add(field.field);
          if (field.suggestions.length > 0) suggestions[field.field] = field.suggestions;
        }
        return { result, checkedRecord: record, flagged, suggestions };
      });
      setError(null);
      setChecking(false);
    };
    const known = cache.current.get(key);
    if (known) {
      accept(known);
      return;
    }
    const controller = new AbortController();
    setChecking(true);
    setError(null);
    apiCall(referentielContract.checkPlaces, { body: record }, { signal: controller.signal })
      .then(accept)
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(asApiError(caught));
        setChecking(false);
      });
    return () => controller.abort();
  }, [record, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...checked, checking, error, retry };
}
