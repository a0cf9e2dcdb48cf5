import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { AgentApplicationPage } from './pages/AgentApplicationPage.tsx';
import { AgentDeliveriesPage } from './pages/AgentDeliveriesPage.tsx';
import { AgentHomePage } from './pages/AgentHomePage.tsx';
import { AgentLoginPage } from './pages/AgentLoginPage.tsx';
import { CandidateActivationPage } from './pages/CandidateActivationPage.tsx';
import { CandidateApplicationPage } from './pages/CandidateApplicationPage.tsx';
import { CandidateApplicationsPage } from './pages/CandidateApplicationsPage.tsx';
import { CandidateAttachPage } from './pages/CandidateAttachPage.tsx';
import { CandidateConfirmationPage } from './pages/CandidateConfirmationPage.tsx';
import { CandidateDocumentsPage } from './pages/CandidateDocumentsPage.tsx';
import { CandidateEmailChangePage } from './pages/CandidateEmailChangePage.tsx';
import { CandidateForgottenIdentifierPage } from './pages/CandidateForgottenIdentifierPage.tsx';
import { CandidateForgottenPasswordPage } from './pages/CandidateForgottenPasswordPage.tsx';
import { CandidateHomePage } from './pages/CandidateHomePage.tsx';
import { CandidateLoginPage } from './pages/CandidateLoginPage.tsx';
import { CandidateMessagesPage } from './pages/CandidateMessagesPage.tsx';
import { CandidateNewApplicationPage } from './pages/CandidateNewApplicationPage.tsx';
import { CandidatePasswordResetPage } from './pages/CandidatePasswordResetPage.tsx';
import { CandidatePersonalDataPage } from './pages/CandidatePersonalDataPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProAccountPage } from './pages/ProAccountPage.tsx';
import { ProApplicationPage } from './pages/ProApplicationPage.tsx';
import { ProEditApplicationPage } from './pages/ProEditApplicationPage.tsx';
import { ProHomePage } from './pages/ProHomePage.tsx';
import { ProInvitationPage } from './pages/ProInvitationPage.tsx';
import { ProLoginPage } from './pages/ProLoginPage.tsx';
import { ProNewApplicationPage } from './pages/ProNewApplicationPage.tsx';
import { ProTransferPage } from './pages/ProTransferPage.tsx';
import { ProUsersPage } from './pages/ProUsersPage.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        // An error in a page keeps the header and footer around the error message.
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'pro/connexion', element: <ProLoginPage /> },
          { path: 'pro', element: <ProHomePage /> },
          { path: 'pro/demandes/:number', element: <ProApplicationPage /> },
          { path: 'pro/demandes/:number/modifier', element: <ProEditApplicationPage /> },
          { path: 'pro/compte', element: <ProUsersPage /> },
          { path: 'pro/compte/mot-de-passe', element: <ProAccountPage /> },
          { path: 'pro/invitation/:token', element: <ProInvitationPage /> },
          { path: 'pro/transfert', element: <ProTransferPage /> },
          { path: 'pro/nouvelle-demande', element: <ProNewApplicationPage /> },
          { path: 'pro/nouvelle-demande/:id', element: <ProNewApplicationPage /> },
          { path: 'agent/connexion', element: <AgentLoginPage /> },
          { path: 'agent', element: <AgentHomePage /> },
          { path: 'agent/demandes/:number', element: <AgentApplicationPage /> },
          { path: 'agent/envois', element: <AgentDeliveriesPage /> },
          { path: 'monespace/activer/:token', element: <CandidateActivationPage /> },
          { path: 'monespace', element: <CandidateHomePage /> },
          { path: 'monespace/donnees', element: <CandidatePersonalDataPage /> },
          { path: 'monespace/nouvelle-demande', element: <CandidateNewApplicationPage /> },
          { path: 'monespace/nouvelle-demande/:number', element: <CandidateNewApplicationPage /> },
          { path: 'monespace/courriel/:token', element: <CandidateEmailChangePage /> },
          { path: 'monespace/rattacher/:token', element: <CandidateAttachPage /> },
          { path: 'monespace/documents', element: <CandidateDocumentsPage /> },
          { path: 'monespace/connexion', element: <CandidateLoginPage /> },
          { path: 'monespace/identifiant-oublie', element: <CandidateForgottenIdentifierPage /> },
          { path: 'monespace/mot-de-passe-oublie', element: <CandidateForgottenPasswordPage /> },
          { path: 'monespace/nouveau-mot-de-passe/:token', element: <CandidatePasswordResetPage /> },
          { path: 'monespace/demarches', element: <CandidateApplicationsPage /> },
          { path: 'monespace/messages', element: <CandidateMessagesPage /> },
          { path: 'monespace/demarches/:number', element: <CandidateApplicationPage /> },
          { path: 'monespace/demarches/:number/confirmation', element: <CandidateConfirmationPage /> },
          { path: 'accessibilite', element: <AccessibilityPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
