import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { ApiProvider } from './api/api-context';
import type { ApiClient } from './api/client';
import { ApiError } from './api/http';
import { AuthProvider, useAuth } from './auth/auth-context';
import { signInPath } from './auth/next';
import { AppHeader, Logo } from './components/app-header';
import { NoticesProvider } from './components/notices';
import { PageError, PageLoading } from './components/page-state';
import { useFocusHeadingOnNavigation } from './components/route-focus';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';
import type { RealtimeConnection } from './realtime/connection';
import { RealtimeProvider } from './realtime/realtime-context';
import { OutboxProvider } from './setup/outbox-context';
import type { SetupOutbox } from './setup/outbox';
import './pages/auth-pages.css';

// Every page but sign-in is its own chunk, loaded when first opened: the sign-in page and the
// sessions list do not wait for the board, the calendar or the charts.
const AccountPage = lazy(async () => ({ default: (await import('./pages/account-page')).AccountPage }));
const ArtistPage = lazy(async () => ({ default: (await import('./pages/artist-page')).ArtistPage }));
const AuditPage = lazy(async () => ({ default: (await import('./pages/audit-page')).AuditPage }));
const BoardPage = lazy(async () => ({ default: (await import('./pages/board-page')).BoardPage }));
const MyDayPage = lazy(async () => ({ default: (await import('./pages/my-day-page')).MyDayPage }));
const RunSheetPage = lazy(async () => ({ default: (await import('./pages/run-sheet-page')).RunSheetPage }));
const SessionLayout = lazy(async () => ({ default: (await import('./pages/session-layout')).SessionLayout }));
const SetupListPage = lazy(async () => ({ default: (await import('./pages/setup-list-page')).SetupListPage }));
const InvitePage = lazy(async () => ({ default: (await import('./pages/invite-page')).InvitePage }));
const SessionsPage = lazy(async () => ({ default: (await import('./pages/sessions-page')).SessionsPage }));
const SetupPage = lazy(async () => ({ default: (await import('./pages/setup-page')).SetupPage }));
const StudioPage = lazy(async () => ({ default: (await import('./pages/studio-page')).StudioPage }));
const MentionsPage = lazy(async () => ({ default: (await import('./pages/mentions-page')).MentionsPage }));
const MyWeekPage = lazy(async () => ({ default: (await import('./pages/my-week-page')).MyWeekPage }));
// The workload page brings the charting library: loaded when first opened, not with every page.
const WorkloadPage = lazy(async () => ({ default: (await import('./pages/workload-page')).WorkloadPage }));
// The calendar (drag and drop over the rooms' day and week) is loaded when first opened too.
const CalendarPage = lazy(async () => ({ default: (await import('./pages/calendar-page')).CalendarPage }));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (404, 400, 401, 403) will not get better by asking again.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}

/** Everything the pages need from outside: the API, the realtime connection, the query cache. */
export function AppProviders({
  api,
  realtime,
  queryClient,
  outbox,
  children,
}: {
  api: ApiClient;
  realtime: RealtimeConnection;
  queryClient: QueryClient;
  /** Setup changes waiting to be sent (default: kept in localStorage). */
  outbox?: SetupOutbox;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={api}>
        <RealtimeProvider connection={realtime}>
          <OutboxProvider outbox={outbox}>
            <NoticesProvider>
              <AuthProvider>{children}</AuthProvider>
            </NoticesProvider>
          </OutboxProvider>
        </RealtimeProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
}

function Layout() {
  useFocusHeadingOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<PageLoading label="Loading…" />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}

/** Sign-in, first run and invitations: no header, one card. */
function PublicLayout() {
  useFocusHeadingOnNavigation();
  return (
    <div className="public-layout">
      <header className="public-layout__brand">
        <Logo />
        <span>Patchbay</span>
      </header>
      <main id="main" className="public-layout__main" tabIndex={-1}>
        <Suspense fallback={<PageLoading label="Loading…" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

/**
 * The team's pages (sessions, boards, My day, My week): a guest is taken to their own page, which
 * holds what is made for them (call time, room, who, what to bring).
 */
function StaffPages() {
  const { me } = useAuth();
  if (me?.member.accessRole === 'GUEST') return <Navigate to="/artist" replace />;
  return <Outlet />;
}

/** The signed-in part of the app: anyone else goes to the sign-in page and comes back here after. */
function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status !== 'signedIn') return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}

/** Where "/" leads: guests (artists) to their page, engineers and assistants to their day, everyone else to the sessions. */
function Home() {
  const { me } = useAuth();
  const { search } = useLocation();
  const role = me?.member.accessRole;
  if (role === 'GUEST') return <Navigate to="/artist" replace />;
  // Old links to the sessions list ("/?when=past") keep their filters.
  if (search) return <Navigate to={`/sessions${search}`} replace />;
  return <Navigate to={role === 'ENGINEER' || role === 'ASSISTANT_ENGINEER' ? '/my-day' : '/sessions'} replace />;
}

export function AppRoutes() {
  const auth = useAuth();
  if (auth.status === 'loading') return <PageLoading label="Starting Patchbay…" />;
  if (auth.status === 'error') {
    return (
      <main className="app-main">
        <PageError
          title="Couldn't reach Patchbay"
          error={auth.error}
          action={
            <button type="button" className="button" onClick={auth.retry}>
              Try again
            </button>
          }
        />
      </main>
    );
  }
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="setup" element={<SetupPage />} />
        <Route path="invite/:token" element={<InvitePage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route path="artist" element={<ArtistPage />} />
          <Route element={<StaffPages />}>
            <Route path="sessions" element={<SessionsPage />} />
            <Route path="my-day" element={<MyDayPage />} />
            <Route path="my-week" element={<MyWeekPage />} />
            <Route path="mentions" element={<MentionsPage />} />
            <Route
              path="calendar"
              element={
                <Suspense fallback={<PageLoading label="Loading the calendar…" />}>
                  <CalendarPage />
                </Suspense>
              }
            />
            <Route path="sessions/:sessionId" element={<SessionLayout />}>
              <Route index element={<BoardPage />} />
              <Route path="setup" element={<SetupListPage />} />
              <Route path="run-sheet" element={<RunSheetPage />} />
            </Route>
          </Route>
          <Route
            path="workload"
            element={
              <Suspense fallback={<PageLoading label="Loading the workload…" />}>
                <WorkloadPage />
              </Suspense>
            }
          />
          <Route path="studio/audit" element={<AuditPage />} />
          <Route path="studio/:tab?" element={<StudioPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
