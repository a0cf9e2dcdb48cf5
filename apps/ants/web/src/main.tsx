import './dsfr.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Link } from 'react-router';
// The DOM build of the provider: it flushes React DOM updates synchronously where the router needs it.
import { RouterProvider } from 'react-router/dom';
import { addFavicons } from './favicons.ts';
import { router } from './router.tsx';
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

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
