// Who is signed in. The server is the source of truth: /auth/me on start, and the sign-in
// response after signing in. Permissions shape navigation only; the server checks each request.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, request, setCsrfToken } from './api';
import type { Permission, Role, SessionInfo, SignInAnswer, TwoStepChallenge, User, WorkerRole } from './api-schema';

export type { Permission, Role, SessionInfo, User, WorkerRole };
export type Org = SessionInfo['org'];

/** The password was right; the account asks for a code too. */
export type TwoStepTicket = TwoStepChallenge;

interface SessionState {
  session: SessionInfo | null;
  loading: boolean;
  /** Resolves to a ticket when a second step is needed, else signs in. */
  signIn: (email: string, password: string) => Promise<TwoStepTicket | null>;
  verifyTwoStep: (ticket: string, code: string) => Promise<void>;
  signOut: () => Promise<void>;
  adopt: (s: SessionInfo) => void;
  can: (p: Permission) => boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [loading, setLoading] = useState(true);
  const queryClient = useQueryClient();

  const adopt = useCallback((s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? '');
    setSession(s);
  }, []);

  useEffect(() => {
    request<SessionInfo>('/auth/me')
      .then(adopt)
      .catch((e) => {
        if (!(e instanceof ApiError) || e.status !== 401) console.warn(e);
        adopt(null);
      })
      .finally(() => setLoading(false));
  }, [adopt]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const r = await request<SignInAnswer>('/auth/login', {
        method: 'POST',
        body: { email, password },
      });
      if ('twoStepRequired' in r) return r;
      adopt(r);
      return null;
    },
    [adopt],
  );

  const verifyTwoStep = useCallback(
    async (ticket: string, code: string) => {
      adopt(await request<SessionInfo>('/auth/two-step/verify', { method: 'POST', body: { ticket, code } }));
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await request('/auth/logout', { method: 'POST' });
    } finally {
      queryClient.clear();
      adopt(null);
    }
  }, [adopt, queryClient]);

  const can = useCallback((p: Permission) => session?.permissions.includes(p) ?? false, [session]);

  return (
    <SessionContext.Provider value={{ session, loading, signIn, verifyTwoStep, signOut, adopt, can }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in session; only for pages behind the sign-in gate. */
export function useSignedIn(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn on a page shown while signed out');
  return session;
}

const roleLabels: Record<Role, string> = {
  administrator: 'Administrator',
  manager: 'Manager',
  team_leader: 'Team leader',
  practitioner: 'Practitioner',
  peer_worker: 'Peer worker',
  student: 'Student on placement',
  partner: 'Partner agency',
  person: 'Person using the service',
  supporter: 'Supporter',
};
export const roles = Object.keys(roleLabels) as Role[];
/** The roles an administrator gives directly; people, supporters and partners get theirs another way. */
export const workerRoles: WorkerRole[] = [
  'administrator',
  'manager',
  'team_leader',
  'practitioner',
  'peer_worker',
  'student',
];
export function isWorkerRole(role: Role): role is WorkerRole {
  return (workerRoles as Role[]).includes(role);
}
export function roleLabel(role: Role): string {
  return roleLabels[role] ?? role;
}

/** Formats a stored UTC time in the organisation's time zone, the way people there read it. */
export function useFormatTime(): (iso: string) => string {
  const { session } = useSession();
  const timeZone = session?.org.timeZone ?? 'UTC';
  return (iso: string) => new Date(iso).toLocaleString('en-AU', { dateStyle: 'medium', timeStyle: 'short', timeZone });
}
