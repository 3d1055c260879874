import type { TaskStatus } from './roles';

/**
 * What a task's "why it is blocked" becomes after a change to `status`: empty once it is out of
 * Blocked; the reason given with the change when there is one (trimmed by the API); else the one
 * it had.
 */
export function blockedReasonAfter(status: TaskStatus, given: string | undefined, before: string): string {
  if (status !== 'BLOCKED') return '';
  return given ?? before;
}

/**
 * Why a reason given with a change is refused, or null: only a task that is (or goes) in Blocked
 * has one. An empty reason (clearing it) is always fine.
 */
export function blockedReasonRefusal(status: TaskStatus, given: string | undefined): string | null {
  return status !== 'BLOCKED' && given !== undefined && given !== '' ? 'only a task in Blocked has a reason: send it with the move to Blocked, or leave it out' : null;
}
