/**
 * How a session's status follows the work done in it. Pure: the server decides with it, the
 * client uses it to show the right button and explain a refusal before asking.
 *
 * - Work promotes: a PLANNED session becomes IN_PROGRESS when one of its tasks moves to
 *   IN_PROGRESS or DONE (or is created there), or a line of its setup list is checked off.
 *   Nothing else changes a status by itself: a wrapped or cancelled session stays so.
 * - Explicit commands: start (PLANNED → IN_PROGRESS), wrap (PLANNED or IN_PROGRESS → WRAPPED),
 *   reopen (WRAPPED → IN_PROGRESS). Cancelling and un-cancelling are a session edit.
 */
import { TASK_STATUSES, isSessionStatus, type SessionStatus, type TaskStatus } from './roles';

/** Something done in a session that may show it has started. */
export type SessionWork =
  /** A task changed status (`from` null: created with `to`). */
  | { readonly kind: 'task'; readonly from: TaskStatus | null; readonly to: TaskStatus }
  /** A setup line was checked off (`checked` true) or unchecked. */
  | { readonly kind: 'setup'; readonly checked: boolean };

/** Task statuses that mean someone is working (or has worked) on it. */
const WORKING: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['IN_PROGRESS', 'DONE']);

/** Whether this work shows the session has started. */
export function isSessionWork(work: SessionWork): boolean {
  if (work.kind === 'setup') return work.checked;
  return work.from !== work.to && WORKING.has(work.to);
}

/** The status a session moves to when `work` happens in it (the same status when it does not move). */
export function statusAfterWork(status: SessionStatus, work: SessionWork): SessionStatus {
  return status === 'PLANNED' && isSessionWork(work) ? 'IN_PROGRESS' : status;
}

export const SESSION_COMMANDS = ['start', 'wrap', 'reopen'] as const;
export type SessionCommand = (typeof SESSION_COMMANDS)[number];

/** The button that gives the command, in studio words. */
export const SESSION_COMMAND_LABELS: Readonly<Record<SessionCommand, string>> = {
  start: 'Start session',
  wrap: 'Wrap session',
  reopen: 'Reopen session',
};

export type SessionTransition = { readonly ok: true; readonly status: SessionStatus } | { readonly ok: false; readonly message: string };

/** What each command does from each status: the new status, or why it cannot be given. */
const TRANSITIONS: Readonly<Record<SessionCommand, Readonly<Record<SessionStatus, SessionStatus | string>>>> = {
  start: {
    PLANNED: 'IN_PROGRESS',
    IN_PROGRESS: 'This session is already in progress',
    WRAPPED: 'This session is wrapped: reopen it to carry on',
    CANCELLED: 'This session is cancelled: un-cancel it before starting',
  },
  wrap: {
    PLANNED: 'WRAPPED',
    IN_PROGRESS: 'WRAPPED',
    WRAPPED: 'This session is already wrapped',
    CANCELLED: 'This session is cancelled: un-cancel it before wrapping',
  },
  reopen: {
    PLANNED: 'This session has not been wrapped: there is nothing to reopen',
    IN_PROGRESS: 'This session is already in progress',
    WRAPPED: 'IN_PROGRESS',
    CANCELLED: 'This session is cancelled: un-cancel it before reopening',
  },
};


/** Where `command` takes a session that is `status` now, or the sentence that says why it cannot. */
export function sessionTransition(status: SessionStatus, command: SessionCommand): SessionTransition {
  const to = TRANSITIONS[command][status];
  return isSessionStatus(to) ? { ok: true, status: to } : { ok: false, message: to };
}

/** The commands that can be given to a session that is `status` now, in the order a session runs. */
export function sessionCommandsFor(status: SessionStatus): SessionCommand[] {
  return SESSION_COMMANDS.filter((c) => sessionTransition(status, c).ok);
}

/** Tasks of a session that are not done yet, from its task counts. */
export function tasksNotDone(taskCounts: Readonly<Partial<Record<TaskStatus, number>>>): number {
  return TASK_STATUSES.filter((s) => s !== 'DONE').reduce((sum, s) => sum + (taskCounts[s] ?? 0), 0);
}

/** "1 task not done", "3 tasks not done"; null when everything is done. */
export function notDoneWarning(notDone: number): string | null {
  if (notDone <= 0) return null;
  return `${notDone} ${notDone === 1 ? 'task' : 'tasks'} not done`;
}
