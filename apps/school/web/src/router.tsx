import { lazyPage } from '@permis/web-client';
import { createBrowserRouter, Navigate } from 'react-router';
import { ACCESSIBILITY_PATH } from './accessibility.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { RequireSession } from './layout/RequireSession.tsx';
import { RootLayout } from './layout/RootLayout.tsx';
import { RouteError } from './layout/RouteError.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { HOME_PATH, LOGIN_PATH } from './session.tsx';

/**
 * The page's addresses, in the product's words: Espace Clients, Espace Dirigeant. Each page but the
 * login is downloaded when first visited (lazyPage).
 */
export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { path: LOGIN_PATH, element: <LoginPage /> },
      // The statement is open without signing in (every footer, the login page's too, links to it).
      {
        path: ACCESSIBILITY_PATH,
        lazy: lazyPage(() => import('./pages/AccessibilityPage.tsx'), 'AccessibilityPage'),
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              { path: '/', element: <Navigate to={HOME_PATH} replace /> },
              { path: '/clients', lazy: lazyPage(() => import('./pages/StudentsPage.tsx'), 'StudentsPage') },
              {
                path: '/clients/nouveau',
                lazy: lazyPage(() => import('./pages/NewStudentPage.tsx'), 'NewStudentPage'),
              },
              { path: '/clients/:id', lazy: lazyPage(() => import('./pages/StudentPage.tsx'), 'StudentPage') },
              {
                path: '/administratif/demandes-en-ligne',
                lazy: lazyPage(() => import('./pages/OnlineApplicationsPage.tsx'), 'OnlineApplicationsPage'),
              },
              { path: '/dirigeant', element: <Navigate to="/dirigeant/bureaux" replace /> },
              { path: '/dirigeant/bureaux', lazy: lazyPage(() => import('./pages/OfficesPage.tsx'), 'OfficesPage') },
              { path: '/dirigeant/utilisateurs', lazy: lazyPage(() => import('./pages/UsersPage.tsx'), 'UsersPage') },
              { path: '/dirigeant/droits', lazy: lazyPage(() => import('./pages/RightsPage.tsx'), 'RightsPage') },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
