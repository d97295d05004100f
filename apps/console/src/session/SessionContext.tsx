import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { onSession, setApiToken } from '../api/client';
import { type Session, sessionOf, storedSession, storeSession } from './session';

/** Why the sign-in screen is shown again: the message it carries. */
export type SignInNotice = 'expired' | 'changed' | undefined;

interface SessionState {
  session: Session | undefined;
  notice: SignInNotice;
  signIn(token: string): Session;
  signOut(notice?: SignInNotice): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [session, setSession] = useState<Session | undefined>(() => {
    const stored = storedSession();
    setApiToken(stored?.token);
    return stored;
  });
  const [notice, setNotice] = useState<SignInNotice>();

  const signIn = useCallback((token: string) => {
    const next = sessionOf(token);
    storeSession(next);
    setApiToken(token);
    setSession(next);
    setNotice(undefined);
    return next;
  }, []);

  const signOut = useCallback(
    (why?: SignInNotice) => {
      storeSession(undefined);
      setApiToken(undefined);
      setSession(undefined);
      setNotice(why);
      navigate('/sign-in');
    },
    [navigate],
  );

  useEffect(() => {
    onSession((event) => {
      if (event === 'expired') signOut('expired');
      else navigate('/password');
    });
  }, [navigate, signOut]);

  const value = useMemo(
    () => ({ session, notice, signIn, signOut }),
    [session, notice, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
