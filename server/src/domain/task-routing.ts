import {
  checkManualAssignment,
  routeTask,
  routingReasonText,
  type RoutingResult,
  type RuleWarning,
} from '@patchbay/shared';
import type { Tx } from '../db/database';
import { loadRoutingContext, type RoutingSessionRow } from './routing-loader';

export interface RouteRequest {
  studioId: string;
  session: RoutingSessionRow;
  kind: string;
  estimateMinutes?: number | null;
  /** The task's own time, when it has one: then only that slot must be free. */
  startsAt?: Date | null;
  /** An existing task: its own booking is left out (its hours move with it). */
  taskId?: string;
}

function routingTask(request: RouteRequest) {
  return {
    kind: request.kind,
    sessionId: request.session.id,
    estimateMinutes: request.estimateMinutes ?? null,
    startsAt: request.startsAt ?? null,
    ...(request.taskId !== undefined ? { id: request.taskId } : {}),
  };
}

/** Runs the shared routing rules for a task of `kind` in `session`. */
export async function routeForSession(tx: Tx, request: RouteRequest): Promise<RoutingResult> {
  const context = await loadRoutingContext(tx, request.studioId, request.session, request.taskId !== undefined ? { excludeTaskId: request.taskId } : {});
  return routeTask(routingTask(request), context);
}

/** Proposes an assignee for a task, with the readable reason and the deciding rule. */
export async function routeNewTask(tx: Tx, request: RouteRequest): Promise<{ assigneeId: string | null; reason: string; rule: string }> {
  const result = await routeForSession(tx, request);
  return { assigneeId: result.assigneeId, reason: routingReasonText(result), rule: result.rule };
}

/** The rules a manual assignment would break (it is allowed anyway; the UI warns). */
export async function manualAssignmentWarnings(tx: Tx, request: RouteRequest & { memberId: string }): Promise<RuleWarning[]> {
  const context = await loadRoutingContext(tx, request.studioId, request.session, {
    includeMemberId: request.memberId,
    ...(request.taskId !== undefined ? { excludeTaskId: request.taskId } : {}),
  });
  return checkManualAssignment(routingTask(request), request.memberId, context);
}
