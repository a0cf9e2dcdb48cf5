import { useEffect } from 'react';

export const SITE_NAME = 'Permis de conduire — ANTS';

/** A page's document title: "<page> — Permis de conduire — ANTS". */
export function pageTitle(page: string): string {
  return `${page} — ${SITE_NAME}`;
}

/** Sets the document title (pageTitle). */
export function usePageTitle(page: string) {
  useEffect(() => {
    document.title = pageTitle(page);
  }, [page]);
}
