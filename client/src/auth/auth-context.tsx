import type { AccessRole, AccessScope, Action, Me } from '@patchbay/shared';
import { can as canDo } from '@patchbay/shared/domain/permissions';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import type { SignInInput } from '../api/types';
import { useRealtime } from '../realtime/realtime-context';

export type AuthStatus = 'loading' | 'error' | 'signedIn' | 'signedOut';

export interface AuthApi {
  status: AuthStatus;
  /** The signed-in member, null when signed out (or not known yet). */
  me: Me | null;
  /** Why /auth/me could not be asked (status 'error'). */
  error: unknown;
  retry(): void;
  /** Signs in; rejects with the ApiError (the form shows it). */
  signIn(input: SignInInput): Promise<Me>;
  /** After an answer that signed us in (setup, accepting an invitation). */
  signedIn(me: Me): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthApi | null>(null);

/** After a refused socket, wait this long (doubling up to the max) before checking again. */
const REFUSED_BACKOFF_MS = 1_000;
const REFUSED_BACKOFF_MAX_MS = 30_000;

/**
 * Who is signed in: GET /api/auth/me once at start (react-query keeps it), set by sign-in,
 * cleared by sign-out or by any API answer 401. The socket connects only while signed in;
 * when the server refuses or drops it, the sign-in is checked again before reconnecting.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const realtime = useRealtime();
  const queryClient = useQueryClient();

  const meQuery = useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => api.getMe(signal),
    staleTime: Infinity,
    retry: 1,
    refetchOnWindowFocus: false,
  });
  const me = meQuery.data ?? null;

  const signedOut = useCallback(() => {
    queryClient.setQueryData(queryKeys.me, null);
  }, [queryClient]);

  const signedIn = useCallback(
    (next: Me) => {
      // Nothing cached for whoever was here before may leak into this sign-in.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, next);
    },
    [queryClient],
  );

  // Any 401 means the sign-in ended (expired, revoked, signed out in another tab).
  useEffect(() => api.onUnauthenticated(signedOut), [api, signedOut]);

  // The socket follows the sign-in: a new sign-in gets a new connection with the new cookie.
  const signInId = me?.session.id ?? null;
  useEffect(() => {
    if (!signInId) {
      realtime.disconnect();
      return;
    }
    realtime.connect();
    return () => realtime.disconnect();
  }, [realtime, signInId]);

  // The server refused or dropped the socket: still signed in? Then reconnect (with backoff if it
  // keeps happening), else go to the sign-in page.
  const refusals = useRef(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const offConnect = realtime.onConnect(() => {
      refusals.current = 0;
    });
    const offRefused = realtime.onRefused(() => {
      const attempt = refusals.current++;
      const delay = attempt === 0 ? 0 : Math.min(REFUSED_BACKOFF_MAX_MS, REFUSED_BACKOFF_MS * 2 ** (attempt - 1));
      clearTimeout(timer);
      timer = setTimeout(() => {
        void queryClient
          .fetchQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => api.getMe(signal), staleTime: 0 })
          .then(
            (current) => (current ? realtime.connect() : signedOut()),
            // The server may be restarting: keep trying to connect.
            () => realtime.connect(),
          );
      }, delay);
    });
    return () => {
      clearTimeout(timer);
      offConnect();
      offRefused();
    };
  }, [api, queryClient, realtime, signedOut]);

  const signIn = useCallback(
    async (input: SignInInput) => {
      const next = await api.signIn(input);
      signedIn(next);
      return next;
    },
    [api, signedIn],
  );

  // Signed out here even when the server could not be told (the cookie may be gone already).
  const signOut = useCallback(() => api.signOut().finally(signedOut), [api, signedOut]);

  const { refetch } = meQuery;
  const status: AuthStatus = meQuery.isPending ? 'loading' : meQuery.isError && !meQuery.data ? 'error' : me ? 'signedIn' : 'signedOut';
  const value = useMemo<AuthApi>(
    () => ({ status, me, error: meQuery.error, retry: () => void refetch(), signIn, signedIn, signOut }),
    [status, me, meQuery.error, refetch, signIn, signedIn, signOut],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthApi {
  const auth = use(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}

/** The signed-in member, inside the signed-in part of the app. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe is only for pages behind the sign-in');
  return me;
}

export interface Permissions {
  role: AccessRole;
  /** What the permission matrix says; without a scope, 'own' grants count as "maybe". */
  can(action: Action, scope?: AccessScope): boolean;
}

export function usePermissions(): Permissions {
  const { me } = useAuth();
  const role: AccessRole = me?.member.accessRole ?? 'GUEST';
  return useMemo(() => ({ role, can: (action: Action, scope?: AccessScope) => (me ? canDo(role, action, scope) : false) }), [role, me]);
}
