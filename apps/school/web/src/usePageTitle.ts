import { useEffect } from 'react';

const APP_TITLE = 'Auto-école — Gestion';

/** The browser tab names the page first, then the product. */
export function usePageTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} — ${APP_TITLE}` : APP_TITLE;
  }, [title]);
}
