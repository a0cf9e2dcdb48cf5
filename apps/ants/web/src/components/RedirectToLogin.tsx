import { Navigate } from 'react-router';
import type { SessionState } from '../session.tsx';

/** Where a page reserved to signed-in users sends the others: the login page, which says if they just signed out. */
export function RedirectToLogin({ to, session }: { to: string; session: SessionState }) {
  const signedOut = session.status === 'signedOut' && session.byUser === true;
  return <Navigate to={to} replace state={signedOut ? { signedOut: true } : undefined} />;
}
