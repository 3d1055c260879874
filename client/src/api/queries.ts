import type { ListSessionsQuery } from '@patchbay/shared';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-context';
import type { AuditQuery } from './types';

/** Query keys in one place, so invalidation and tests agree on them. */
export const queryKeys = {
  me: ['me'] as const,
  setup: ['setup'] as const,
  studio: ['studio'] as const,
  taskKinds: ['task-kinds'] as const,
  sessions: (query: ListSessionsQuery) => ['sessions', query] as const,
  allSessions: ['sessions'] as const,
  board: (sessionId: string) => ['board', sessionId] as const,
  workload: (from: string, to: string) => ['workload', from, to] as const,
  workloadItems: (memberId: string, from: string, to: string) => ['workload', 'items', memberId, from, to] as const,
  /** Everything that shows hours: the report, the items behind it, task candidates. */
  allWorkload: ['workload'] as const,
  taskCandidates: (taskId: string, version: number) => ['workload', 'candidates', taskId, version] as const,
  authSessions: ['auth-sessions'] as const,
  invitations: ['invitations'] as const,
  audit: (query: AuditQuery) => ['audit', query] as const,
  gear: ['gear'] as const,
  templates: ['templates'] as const,
  setupContext: (sessionId: string) => ['setup-context', sessionId] as const,
  agenda: (from: string, to: string) => ['agenda', from, to] as const,
  allAgenda: ['agenda'] as const,
  artistSessions: ['artist-sessions'] as const,
  mentions: ['mentions'] as const,
  /** The history of a task at a version: a newer version (another assignment) fetches again. */
  assignments: (taskId: string, version: number) => ['assignments', taskId, version] as const,
  /** A calendar feed: 'me', or a room's id. */
  calendarFeed: (owner: 'me' | { roomId: string }) => ['calendar-feed', owner === 'me' ? 'me' : owner.roomId] as const,
};

export function useStudio(options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.studio,
    queryFn: ({ signal }) => api.getStudio(signal),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
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

export function useWorkload(from: string, to: string, options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workload(from, to),
    queryFn: ({ signal }) => api.getWorkload({ from, to }, signal),
    enabled: options.enabled ?? true,
    refetchInterval: 120_000,
    placeholderData: (previous) => previous,
  });
}

export function useWorkloadItems(memberId: string | null, from: string, to: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workloadItems(memberId ?? '', from, to),
    queryFn: ({ signal }) => api.getWorkloadItems(memberId ?? '', { from, to }, signal),
    enabled: memberId !== null,
    placeholderData: (previous) => previous,
  });
}

export function useTaskCandidates(taskId: string, version: number) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.taskCandidates(taskId, version), queryFn: ({ signal }) => api.getTaskCandidates(taskId, signal) });
}

export function useGear(options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.gear, queryFn: ({ signal }) => api.listGear(signal), staleTime: 60_000, enabled: options.enabled ?? true });
}

export function useTemplates(options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.templates, queryFn: ({ signal }) => api.listTemplates(signal), staleTime: 60_000, enabled: options.enabled ?? true });
}

/**
 * What the setup rules need besides the list itself (the inventory, what overlapping sessions
 * plan). Other sessions' plans are not live here: asked again every minute and on focus.
 */
export function useSetupContext(sessionId: string, options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.setupContext(sessionId),
    queryFn: ({ signal }) => api.getSetupContext(sessionId, signal),
    enabled: options.enabled ?? true,
    refetchInterval: 60_000,
    staleTime: 15_000,
    placeholderData: (previous) => previous,
  });
}

/** The artist's sessions; no live channel for guests, so it refreshes now and then and on focus. */
export function useArtistSessions() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.artistSessions,
    queryFn: ({ signal }) => api.getArtistSessions(signal),
    refetchInterval: 60_000,
    placeholderData: (previous) => previous,
  });
}

export function useAgenda(from: string, to: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.agenda(from, to),
    queryFn: ({ signal }) => api.getAgenda({ from, to }, signal),
    // Across many boards: no live channel for it yet, so it refreshes often and on focus.
    refetchInterval: 30_000,
    placeholderData: (previous) => previous,
  });
}

/** The signed-in member's mentions; fetched again whenever the server says they changed. */
export function useMentions({ enabled }: { enabled: boolean }) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.mentions,
    queryFn: () => api.mentions(),
    enabled,
    // The socket tells of new ones at once; this only covers a connection that was down.
    refetchInterval: 120_000,
    placeholderData: (previous) => previous,
  });
}
