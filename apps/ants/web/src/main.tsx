import './dsfr.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, Link } from 'react-router';
// The DOM build of the provider: it flushes React DOM updates synchronously where the router needs it.
import { RouterProvider } from 'react-router/dom';
import { addFavicons } from './favicons.ts';
import { routes } from './router.tsx';
import { SessionProvider } from './session.tsx';

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

startReactDsfr({ defaultColorScheme: 'system', Link });
addFavicons();

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root absent de la page.');

const page = (
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={createBrowserRouter(routes)} />
    </SessionProvider>
  </StrictMode>
);
// A login page comes drawn at build (prerender.tsx): the scripts take over its markup instead of
// drawing it again. Every other address comes with an empty root. As a transition, the first render
// yields to the browser every few milliseconds: a tap or a keystroke during it is not held up
// behind one long task of the phone's processor.
startTransition(() => {
  if (root.firstElementChild) hydrateRoot(root, page);
  else createRoot(root).render(page);
});
