import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { ApiProvider } from './api/api-context';
import type { ApiClient } from './api/client';
import { ApiError } from './api/http';
import { AppHeader } from './components/app-header';
import { NoticesProvider } from './components/notices';
import { BoardPage } from './pages/board-page';
import { NotFoundPage } from './pages/not-found-page';
import { SessionsPage } from './pages/sessions-page';
import type { RealtimeConnection } from './realtime/connection';
import { RealtimeProvider } from './realtime/realtime-context';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (404, 400) will not get better by asking again.
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
  children,
}: {
  api: ApiClient;
  realtime: RealtimeConnection;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={api}>
        <RealtimeProvider connection={realtime}>
          <NoticesProvider>{children}</NoticesProvider>
        </RealtimeProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
}

function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<SessionsPage />} />
        <Route path="sessions/:sessionId" element={<BoardPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
