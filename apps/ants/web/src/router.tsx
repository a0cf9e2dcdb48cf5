import { lazyPage } from '@permis/web-client';
import type { RouteObject } from 'react-router';
import { Layout } from './Layout.tsx';
import { AgentLoginPage } from './pages/AgentLoginPage.tsx';
import { CandidateHomePage } from './pages/CandidateHomePage.tsx';
import { CandidateLoginPage } from './pages/CandidateLoginPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProLoginPage } from './pages/ProLoginPage.tsx';

// Each page is downloaded when first visited (lazyPage): a candidate's phone loads no agent page.
// The pages where each space is entered (the three login pages and the candidate's « Mon espace »,
// the address of every mail) come with the entry, about 12 KB of brotli: the first page a visitor
// sees is drawn without waiting for a second download.
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        // An error in a page keeps the header and footer around the error message.
        errorElement: <ErrorPage />,
        children: [
          { index: true, lazy: lazyPage(() => import('./pages/HomePage.tsx'), 'HomePage') },
          { path: 'pro/connexion', Component: ProLoginPage },
          { path: 'pro', lazy: lazyPage(() => import('./pages/ProHomePage.tsx'), 'ProHomePage') },
          {
            path: 'pro/demandes/:number',
            lazy: lazyPage(() => import('./pages/ProApplicationPage.tsx'), 'ProApplicationPage'),
          },
          {
            path: 'pro/demandes/:number/modifier',
            lazy: lazyPage(() => import('./pages/ProEditApplicationPage.tsx'), 'ProEditApplicationPage'),
          },
          { path: 'pro/compte', lazy: lazyPage(() => import('./pages/ProUsersPage.tsx'), 'ProUsersPage') },
          {
            path: 'pro/compte/mot-de-passe',
            lazy: lazyPage(() => import('./pages/ProAccountPage.tsx'), 'ProAccountPage'),
          },
          {
            path: 'pro/invitation/:token',
            lazy: lazyPage(() => import('./pages/ProInvitationPage.tsx'), 'ProInvitationPage'),
          },
          { path: 'pro/transfert', lazy: lazyPage(() => import('./pages/ProTransferPage.tsx'), 'ProTransferPage') },
          {
            path: 'pro/nouvelle-demande',
            lazy: lazyPage(() => import('./pages/ProNewApplicationPage.tsx'), 'ProNewApplicationPage'),
          },
          {
            path: 'pro/nouvelle-demande/:id',
            lazy: lazyPage(() => import('./pages/ProNewApplicationPage.tsx'), 'ProNewApplicationPage'),
          },
          { path: 'agent/connexion', Component: AgentLoginPage },
          { path: 'agent', lazy: lazyPage(() => import('./pages/AgentHomePage.tsx'), 'AgentHomePage') },
          {
            path: 'agent/demandes/:number',
            lazy: lazyPage(() => import('./pages/AgentApplicationPage.tsx'), 'AgentApplicationPage'),
          },
          {
            path: 'agent/envois',
            lazy: lazyPage(() => import('./pages/AgentDeliveriesPage.tsx'), 'AgentDeliveriesPage'),
          },
          {
            path: 'monespace/activer/:token',
            lazy: lazyPage(() => import('./pages/CandidateActivationPage.tsx'), 'CandidateActivationPage'),
          },
          { path: 'monespace', Component: CandidateHomePage },
          {
            path: 'monespace/donnees',
            lazy: lazyPage(() => import('./pages/CandidatePersonalDataPage.tsx'), 'CandidatePersonalDataPage'),
          },
          {
            path: 'monespace/nouvelle-demande',
            lazy: lazyPage(() => import('./pages/CandidateNewApplicationPage.tsx'), 'CandidateNewApplicationPage'),
          },
          {
            path: 'monespace/nouvelle-demande/:number',
            lazy: lazyPage(() => import('./pages/CandidateNewApplicationPage.tsx'), 'CandidateNewApplicationPage'),
          },
          {
            path: 'monespace/courriel/:token',
            lazy: lazyPage(() => import('./pages/CandidateEmailChangePage.tsx'), 'CandidateEmailChangePage'),
          },
          {
            path: 'monespace/rattacher/:token',
            lazy: lazyPage(() => import('./pages/CandidateAttachPage.tsx'), 'CandidateAttachPage'),
          },
          {
            path: 'monespace/documents',
            lazy: lazyPage(() => import('./pages/CandidateDocumentsPage.tsx'), 'CandidateDocumentsPage'),
          },
          { path: 'monespace/connexion', Component: CandidateLoginPage },
          {
            path: 'monespace/identifiant-oublie',
            lazy: lazyPage(
              () => import('./pages/CandidateForgottenIdentifierPage.tsx'),
              'CandidateForgottenIdentifierPage',
            ),
          },
          {
            path: 'monespace/mot-de-passe-oublie',
            lazy: lazyPage(
              () => import('./pages/CandidateForgottenPasswordPage.tsx'),
              'CandidateForgottenPasswordPage',
            ),
          },
          {
            path: 'monespace/nouveau-mot-de-passe/:token',
            lazy: lazyPage(() => import('./pages/CandidatePasswordResetPage.tsx'), 'CandidatePasswordResetPage'),
          },
          {
            path: 'monespace/demarches',
            lazy: lazyPage(() => import('./pages/CandidateApplicationsPage.tsx'), 'CandidateApplicationsPage'),
          },
          {
            path: 'monespace/messages',
            lazy: lazyPage(() => import('./pages/CandidateMessagesPage.tsx'), 'CandidateMessagesPage'),
          },
          {
            path: 'monespace/demarches/:number',
            lazy: lazyPage(() => import('./pages/CandidateApplicationPage.tsx'), 'CandidateApplicationPage'),
          },
          {
            path: 'monespace/demarches/:number/confirmation',
            lazy: lazyPage(() => import('./pages/CandidateConfirmationPage.tsx'), 'CandidateConfirmationPage'),
          },
          { path: 'accessibilite', lazy: lazyPage(() => import('./pages/AccessibilityPage.tsx'), 'AccessibilityPage') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
