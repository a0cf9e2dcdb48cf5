import { useEffect } from 'react';

export const SITE_NAME = 'Permis de conduire — ANTS';

/** Sets the document title: "<page> — Permis de conduire — ANTS". */
export function usePageTitle(page: string) {
  useEffect(() => {
    document.title = `${page} — ${SITE_NAME}`;
  }, [page]);
}
