import { setLink } from '@codegouvfr/react-dsfr/link';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, Link, StaticRouterProvider } from 'react-router';
import { routes } from './router.tsx';
import { SessionProvider } from './session.tsx';
import { pageTitle } from './usePageTitle.ts';

/**
 * The pages drawn at build, as a visitor with no session first sees them: the three login pages,
 * where every space is entered. A phone shows them as soon as the HTML and the stylesheet arrive,
 * before the scripts have run; the scripts then take over the same markup (hydrateRoot in main.tsx).
 */
export const PRERENDERED_PATHS = ['/monespace/connexion', '/pro/connexion', '/agent/connexion'] as const;

// The registration startReactDsfr makes in the browser (main.tsx), which takes any component: the
// design system's links are then the router's, the same markup on both sides.
setLink({ Link: Link as never });

/**
 * The markup of `#root` for one address, as the page's first render draws it in the browser, and
 * the document's title (which the page sets once its scripts run: usePageTitle), from its heading.
 */
export async function renderPage(pathname: string): Promise<{ markup: string; title: string }> {
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(new URL(pathname, 'http://localhost')));
  if (context instanceof Response) throw new Error(`${pathname} redirige au lieu d’être dessinée.`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const markup = renderToString(
    <StrictMode>
      <SessionProvider>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </SessionProvider>
    </StrictMode>,
  );
  const heading = markup.match(/<main[\s\S]*?<h1[^>]*>([^<]+)<\/h1>/)?.[1];
  if (!heading) throw new Error(`${pathname} n’a pas de titre de niveau 1.`);
  // The title goes back into HTML: the heading's text stays escaped as React wrote it.
  return { markup, title: pageTitle(heading) };
}
