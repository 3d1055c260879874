import type { TaskStatus } from './roles';

/**
 * What a task's "why it is blocked" becomes after a change: empty once it is out of Blocked;
 * the reason given with the change when there is one; else the one it had.
 */
export function blockedReasonAfter(status: TaskStatus, given: string | undefined, before: string): string {
  if (status !== 'BLOCKED') return '';
  return given === undefined ? before : given.trim();
}
