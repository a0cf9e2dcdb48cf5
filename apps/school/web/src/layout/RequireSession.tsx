import { Navigate, Outlet } from 'react-router';
import { LOGIN_PATH, useSession } from '../session.tsx';

/** Signed-in pages: anyone else goes to the login page. */
export function RequireSession() {
  const { user } = useSession();
  if (!user) return <Navigate to={LOGIN_PATH} replace />;
  return <Outlet />;
}
