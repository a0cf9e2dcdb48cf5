import { sessionRoutes } from '@permis/school-api/addresses';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, apiCall, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import type { CurrentUser } from './types.ts';

/** Where the login page sends a user once signed in. */
export const HOME_PATH = '/clients';
export const LOGIN_PATH = '/connexion';

type SessionStatus = 'loading' | 'ready' | 'unreachable';

type SessionValue = {
  status: SessionStatus;
  user: CurrentUser | null;
  /** The server ended the session (a 401 on a call): the login page says so. */
  expired: boolean;
  /** Throws ApiError with the server's message (wrong credentials, too many attempts...). */
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Asks the server again who is signed in (after "Le serveur ne répond pas"). */
  retry(): void;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [expired, setExpired] = useState(false);

  // Who is signed in, from the session cookie, once when the page opens.
  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    apiCall(sessionRoutes.session, {}, { ignoreUnauthorized: true, signal: controller.signal })
      .then((session) => {
        setCsrfToken(session.csrfToken);
        setUser(session.user);
        setStatus('ready');
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setCsrfToken(null);
        setUser(null);
        setStatus(error instanceof ApiError && error.status === 401 ? 'ready' : 'unreachable');
      });
    return () => controller.abort();
  }, [attempt]);

  // A 401 on any call means the session is over: RequireSession then shows the login page.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setExpired(true);
      setUser(null);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback(
    async (login: string, password: string) => {
      const session = await apiCall(sessionRoutes.login, { body: { login, password } }, { ignoreUnauthorized: true });
      setCsrfToken(session.csrfToken);
      setExpired(false);
      setUser(session.user);
      setStatus('ready');
      navigate(HOME_PATH, { replace: true });
    },
    [navigate],
  );

  const signOut = useCallback(async () => {
    try {
      await apiCall(sessionRoutes.logout);
    } catch (error) {
      // Already signed out on the server: nothing left to end.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    setExpired(false);
    navigate(LOGIN_PATH, { replace: true });
    setUser(null);
  }, [navigate]);

  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ status, user, expired, signIn, signOut, retry }),
    [status, user, expired, signIn, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The signed-in user, for pages rendered under RequireSession. */
export function useCurrentUser(): CurrentUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser must be used on a signed-in page');
  return user;
}
