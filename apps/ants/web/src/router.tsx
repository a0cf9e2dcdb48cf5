import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { AgentHomePage } from './pages/AgentHomePage.tsx';
import { AgentLoginPage } from './pages/AgentLoginPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProHomePage } from './pages/ProHomePage.tsx';
import { ProLoginPage } from './pages/ProLoginPage.tsx';

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
          { path: 'agent/connexion', element: <AgentLoginPage /> },
          { path: 'agent', element: <AgentHomePage /> },
          { path: 'accessibilite', element: <AccessibilityPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
