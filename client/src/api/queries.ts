import type { ListSessionsQuery } from '@patchbay/shared';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-context';

/** Query keys in one place, so invalidation and tests agree on them. */
export const queryKeys = {
  studio: ['studio'] as const,
  taskKinds: ['task-kinds'] as const,
  sessions: (query: ListSessionsQuery) => ['sessions', query] as const,
  allSessions: ['sessions'] as const,
  board: (sessionId: string) => ['board', sessionId] as const,
};

export function useStudio() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.studio, queryFn: ({ signal }) => api.getStudio(signal), staleTime: 5 * 60_000 });
}

export function useTaskKinds() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.taskKinds,
    queryFn: async ({ signal }) => (await api.getTaskKinds(signal)).kinds,
    staleTime: 10 * 60_000,
  });
}

export function useSessions(query: ListSessionsQuery, options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.sessions(query),
    queryFn: ({ signal }) => api.listSessions(query, signal),
    enabled: options.enabled ?? true,
    // The list has no live channel: refresh it now and then, and when the tab comes back.
    refetchInterval: 60_000,
    placeholderData: (previous) => previous,
  });
}
