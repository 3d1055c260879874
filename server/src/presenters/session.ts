import { TASK_STATUSES, type Session, type SetupProgress, type TaskStatus } from '@patchbay/shared';
import type { Prisma } from '../generated/prisma/client';

export const sessionInclude = {
  room: { select: { id: true, name: true } },
  project: { select: { id: true, artist: true, title: true } },
  producer: { select: { id: true, name: true } },
  engineer: { select: { id: true, name: true } },
} satisfies Prisma.SessionInclude;
export type SessionRow = Prisma.SessionGetPayload<{ include: typeof sessionInclude }>;

export function emptyTaskCounts(): Record<TaskStatus, number> {
  return Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
}

/**
 * `setup`: the setup list's progress for people who may see it, null for the others (guests).
 */
export function presentSession(row: SessionRow, taskCounts: Record<TaskStatus, number> = emptyTaskCounts(), setup: SetupProgress | null = null): Session {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    callAt: new Date(row.startsAt.getTime() - row.prepMinutes * 60_000).toISOString(),
    clearAt: new Date(row.endsAt.getTime() + row.teardownMinutes * 60_000).toISOString(),
    prepMinutes: row.prepMinutes,
    teardownMinutes: row.teardownMinutes,
    hold: row.hold,
    holdUntil: row.holdUntil?.toISOString() ?? null,
    challengedAt: row.challengedAt?.toISOString() ?? null,
    guestNote: row.guestNote,
    room: row.room,
    project: row.project,
    producer: row.producer,
    engineer: row.engineer,
    taskCounts,
    setup,
    seq: row.boardSeq,
  };
}
