import { useRef, useState } from 'react';
import { type ApiError, asApiError } from '../../api.ts';

/** What the page says while the national service takes long (seed 002, "La page ne répond pas"). */
export const SLOW_NOTE =
  "Le transfert des données vers le site de l'ANTS peut être long : veuillez patienter, la page reste utilisable et rien de ce que vous avez saisi n'est perdu.";

/** After this, the page says the national service is slow (seed 002, "La page ne répond pas"). */
const SLOW_AFTER_MS = 3000;

/**
 * A call that goes to the national service: what is running (for the progress indicator), whether
 * it is taking long, and the error to show. The page never freezes; the form keeps what was typed.
 */
export function useAntsCall() {
  const [busy, setBusy] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);

  async function run<T>(label: string, call: () => Promise<T>): Promise<T | undefined> {
    if (running.current) return undefined;
    running.current = true;
    setBusy(label);
    setError(null);
    setSlow(false);
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    try {
      return await call();
    } catch (caught) {
      setError(asApiError(caught));
      return undefined;
    } finally {
      clearTimeout(timer);
      running.current = false;
      setBusy(null);
      setSlow(false);
    }
  }

  return { busy, slow, error, setError, run };
}

export type AntsCall = ReturnType<typeof useAntsCall>;
