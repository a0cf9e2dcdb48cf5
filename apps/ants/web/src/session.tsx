import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Agent, ApiError, api, type Candidate, type ProAccount, type SessionInfo, setCsrfToken } from './api.ts';

export type SessionState =
  | { status: 'loading' }
  /** `byUser`: the user has just signed out with the button (the login page says so). */
  | { status: 'signedOut'; byUser?: boolean }
  | { status: 'pro'; account: ProAccount }
  | { status: 'agent'; agent: Agent }
  | { status: 'candidate'; candidate: Candidate };

type SessionContextValue = {
  session: SessionState;
  /** Asks the server who is signed in; returns the new state. */
  refresh: () => Promise<SessionState>;
  loginPro: (credentials: { agrementNumber: string; login: string; password: string }) => Promise<void>;
  loginAgent: (credentials: { login: string; password: string }) => Promise<void>;
  loginCandidate: (credentials: { loginId: string; password: string }) => Promise<void>;
  /** Takes the session the activation of a candidate account opened. */
  signedIn: (csrfToken: string) => Promise<void>;
  /** Ends the session on the server, then the page is signed out. */
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

function toState(info: SessionInfo): SessionState {
  switch (info.kind) {
    case 'pro':
      return { status: 'pro', account: info.account };
    case 'agent':
      return { status: 'agent', agent: info.agent };
    case 'candidate':
      return { status: 'candidate', candidate: info.candidate };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async (): Promise<SessionState> => {
    try {
      const info = await api.session();
      setCsrfToken(info.csrfToken);
      const next = toState(info);
      setSession(next);
      return next;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        const next: SessionState = { status: 'signedOut' };
        setSession(next);
        return next;
      }
      throw error;
    }
  }, []);

  useEffect(() => {
    // A failure here (service down) leaves the page signed out: the login pages show the error on submit.
    refresh().catch(() => setSession({ status: 'signedOut' }));
  }, [refresh]);

  const loginPro = useCallback<SessionContextValue['loginPro']>(
    async (credentials) => {
      const result = await api.proLogin(credentials);
      setCsrfToken(result.csrfToken);
      await refresh();
    },
    [refresh],
  );

  const loginAgent = useCallback<SessionContextValue['loginAgent']>(
    async (credentials) => {
      const result = await api.agentLogin(credentials);
      setCsrfToken(result.csrfToken);
      await refresh();
    },
    [refresh],
  );

  const signedIn = useCallback<SessionContextValue['signedIn']>(
    async (csrfToken) => {
      setCsrfToken(csrfToken);
      await refresh();
    },
    [refresh],
  );

  const loginCandidate = useCallback<SessionContextValue['loginCandidate']>(
    async (credentials) => {
      const result = await api.candidateLogin(credentials);
      await signedIn(result.csrfToken);
    },
    [signedIn],
  );

  const logout = useCallback(async () => {
    let ended: { redirect?: string } | undefined;
    try {
      ended = await api.logout();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 403)) throw error;
      // A stale CSRF token (session renewed in another tab): take the current one and try once more.
      const current = await refresh();
      if (current.status !== 'signedOut') ended = await api.logout();
    }
    setCsrfToken(null);
    // Signed in through FranceConnect: signed out there too, which brings the browser back here.
    if (ended?.redirect) {
      window.location.assign(ended.redirect);
      return;
    }
    setSession({ status: 'signedOut', byUser: true });
  }, [refresh]);

  const value = useMemo(
    () => ({ session, refresh, loginPro, loginAgent, loginCandidate, signedIn, logout }),
    [session, refresh, loginPro, loginAgent, loginCandidate, signedIn, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}
