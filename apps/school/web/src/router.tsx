import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/AppLayout.tsx';
import { RequireSession } from './layout/RequireSession.tsx';
import { RootLayout } from './layout/RootLayout.tsx';
import { RouteError } from './layout/RouteError.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NewStudentPage } from './pages/NewStudentPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OfficesPage } from './pages/OfficesPage.tsx';
import { OnlineApplicationsPage } from './pages/OnlineApplicationsPage.tsx';
import { RightsPage } from './pages/RightsPage.tsx';
import { StudentPage } from './pages/StudentPage.tsx';
import { StudentsPage } from './pages/StudentsPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { HOME_PATH, LOGIN_PATH } from './session.tsx';

/** The page's addresses, in the product's words: Espace Clients, Espace Dirigeant. */
export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { path: LOGIN_PATH, element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              { path: '/', element: <Navigate to={HOME_PATH} replace /> },
              { path: '/clients', element: <StudentsPage /> },
              { path: '/clients/nouveau', element: <NewStudentPage /> },
              { path: '/clients/:id', element: <StudentPage /> },
              { path: '/administratif/demandes-en-ligne', element: <OnlineApplicationsPage /> },
              { path: '/dirigeant', element: <Navigate to="/dirigeant/bureaux" replace /> },
              { path: '/dirigeant/bureaux', element: <OfficesPage /> },
              { path: '/dirigeant/utilisateurs', element: <UsersPage /> },
              { path: '/dirigeant/droits', element: <RightsPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
