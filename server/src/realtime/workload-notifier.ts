import { PROTOCOL_VERSION, workloadOwnRoom, workloadTeamRoom, type BoardEvent } from '@patchbay/shared';
import type { IoServer } from './broadcaster';

/** What changed a studio's workload: whose figures (as far as known) and which sessions. */
export interface WorkloadChange {
  readonly memberIds?: readonly string[];
  readonly sessionIds?: readonly string[];
}

export interface WorkloadNotifier {
  /** Tells the studio's workload viewers, gathered over a short window (a burst of changes is one message). */
  changed(studioId: string, change: WorkloadChange): void;
  /** The same for committed board events that count toward hours (tasks added, reassigned, re-estimated, re-timed, deleted; sessions changed). */
  fromEvents(events: readonly BoardEvent[]): Promise<void>;
  /** Stops: notices still gathering are dropped (the server is closing; viewers refetch when they reconnect). */
  close(): void;
}

/** How long changes of one studio are gathered before its workload viewers are told. */
export const WORKLOAD_DEBOUNCE_MS = 150;
const HOURS_FIELDS = new Set(['assigneeId', 'estimateMinutes', 'startsAt']);
const STUDIO_CACHE_LIMIT = 5000;

function affects(event: BoardEvent): boolean {
  switch (event.type) {
    case 'task.created':
    case 'task.deleted':
    case 'session.updated':
      return true;
    case 'task.updated':
      return event.changed.some((field) => HOURS_FIELDS.has(field));
    default:
      return false;
  }
}

function membersOf(event: BoardEvent): string[] {
  if (event.type === 'task.created' || event.type === 'task.updated') return event.task.assignee ? [event.task.assignee.id] : [];
  if (event.type === 'session.updated') return [event.session.producer?.id, event.session.engineer?.id].filter((id): id is string => id !== undefined);
  return [];
}

/**
 * Team viewers (workload.viewTeam) hear whose figures changed; own-figure viewers hear only that
 * something did, so nothing about colleagues leaves the server, and refetch their own figures.
 * Rooms span instances through the Redis adapter.
 */
export function createWorkloadNotifier(getIo: () => IoServer | undefined, studioOf: (sessionId: string) => Promise<string | undefined>): WorkloadNotifier {
  const pending = new Map<string, { members: Set<string>; sessions: Set<string> }>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const studios = new Map<string, string>();
  let closed = false;
  const send = (studioId: string) => {
    const change = pending.get(studioId);
    pending.delete(studioId);
    const io = getIo();
    // After close the Redis adapter's clients are gone: emitting would reject unhandled.
    if (!change || !io || closed) return;
    io.to(workloadTeamRoom(studioId)).emit('workload.changed', { v: PROTOCOL_VERSION, memberIds: [...change.members].sort(), sessionIds: [...change.sessions].sort() });
    io.to(workloadOwnRoom(studioId)).emit('workload.changed', { v: PROTOCOL_VERSION, memberIds: null, sessionIds: null });
  };
  const changed = (studioId: string, change: WorkloadChange) => {
    if (closed) return;
    let entry = pending.get(studioId);
    if (!entry) {
      entry = { members: new Set(), sessions: new Set() };
      pending.set(studioId, entry);
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(studioId);
      }, WORKLOAD_DEBOUNCE_MS);
      timer.unref();
      timers.add(timer);
    }
    for (const id of change.memberIds ?? []) entry.members.add(id);
    for (const id of change.sessionIds ?? []) entry.sessions.add(id);
  };
  const studioFor = async (sessionId: string) => {
    const known = studios.get(sessionId);
    if (known) return known;
    const found = await studioOf(sessionId);
    if (found) {
      if (studios.size >= STUDIO_CACHE_LIMIT) studios.clear();
      studios.set(sessionId, found); // a session never moves to another studio
    }
    return found;
  };
  return {
    changed,
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      pending.clear();
    },
    async fromEvents(events) {
      for (const event of events) {
        if (!affects(event)) continue;
        const studioId = await studioFor(event.sessionId);
        if (studioId) changed(studioId, { memberIds: membersOf(event), sessionIds: [event.sessionId] });
      }
    },
  };
}
