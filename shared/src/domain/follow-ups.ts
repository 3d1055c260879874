/**
 * Tasks created by the completion of others. Product rule 7: when an engineer's mix task is
 * done, a mix review task for the session's producer is created.
 *
 * Decisions:
 * - "An engineer's mix task" is a task of kind 'mixing' filed under an engineer role
 *   (ENGINEER or ASSISTANT_ENGINEER), whatever kind of member did it.
 * - No review when the session's producer did the mix themself: they approved it by finishing.
 * - No second review while the session already has an open (not DONE) mix review, so moving a
 *   mix task back and forth does not pile up reviews. Pass the session's tasks as `existing`.
 * - Without a session producer the review is unassigned and should be routed.
 * Call it when a task moves to DONE.
 */
import type { MemberRole, TaskStatus } from './roles';
import { resolveTaskKind } from './task-kinds';

export interface CompletedTask {
  readonly id: string;
  readonly kind: string;
  readonly title?: string;
  readonly status: TaskStatus;
  readonly role: MemberRole;
  readonly assigneeId: string | null;
  readonly sessionId: string;
}

export interface FollowUpSession {
  readonly id: string;
  readonly title?: string;
  readonly producerId: string | null;
}

export interface FollowUpTaskSpec {
  readonly kind: string;
  readonly title: string;
  readonly sessionId: string;
  readonly role: MemberRole;
  readonly assigneeId: string | null;
  readonly estimateMinutes: number;
  /** The task whose completion created this one. */
  readonly sourceTaskId: string;
  /** For Task.routingReason. */
  readonly routingReason: string;
}

export const MIX_REVIEW_KIND = 'mix_review';
const MIXING_KIND = 'mixing';

export function followUpTasks(
  completedTask: CompletedTask,
  session: FollowUpSession,
  existing: readonly { readonly kind: string; readonly status: TaskStatus }[] = [],
): FollowUpTaskSpec[] {
  if (completedTask.sessionId !== session.id) {
    throw new Error(`Task belongs to session ${completedTask.sessionId}, not ${session.id}`);
  }
  if (completedTask.status !== 'DONE' || completedTask.kind !== MIXING_KIND) return [];
  if (completedTask.role !== 'ENGINEER' && completedTask.role !== 'ASSISTANT_ENGINEER') return [];
  if (session.producerId !== null && completedTask.assigneeId === session.producerId) return [];
  if (existing.some((task) => task.kind === MIX_REVIEW_KIND && task.status !== 'DONE')) return [];

  const review = resolveTaskKind(MIX_REVIEW_KIND);
  const subject = completedTask.title ?? session.title;
  const routingReason =
    session.producerId !== null
      ? "The mix is done → mix review for the session's producer (product rule 7)."
      : 'The mix is done → mix review; the session has no producer, so route it (product rule 7).';
  return [
    {
      kind: MIX_REVIEW_KIND,
      title: subject !== undefined ? `Review mix: ${subject}` : 'Review mix',
      sessionId: session.id,
      role: 'PRODUCER',
      assigneeId: session.producerId,
      estimateMinutes: review?.defaultEstimateMinutes ?? 60,
      sourceTaskId: completedTask.id,
      routingReason,
    },
  ];
}
