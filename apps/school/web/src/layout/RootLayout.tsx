import { Outlet } from 'react-router';
import { SessionProvider } from '../session.tsx';
import { SessionGate } from './SessionGate.tsx';

/** Every page: the session, known before anything is shown. */
export function RootLayout() {
  return (
    <SessionProvider>
      <SessionGate>
        <Outlet />
      </SessionGate>
    </SessionProvider>
  );
}
