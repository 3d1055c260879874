import type { Booking, BusyWith, RoutingPreview, RoutingResult, ScoreBreakdown } from '@patchbay/shared';
import { routingReasonText } from '@patchbay/shared';

export function presentBusyWith(booking: Booking): BusyWith {
  return {
    kind: booking.kind === 'task' ? 'task' : 'session',
    sessionId: booking.sessionId,
    title: booking.title ?? 'another session',
    taskTitle: booking.taskTitle ?? null,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
  };
}

/** A person's figures around the work; `estimate` is what the task adds unless they staff the session. */
function figures(score: ScoreBreakdown, estimate: number) {
  return {
    bookedMinutes: score.bookedMinutes,
    capacityMinutes: score.capacityMinutes,
    dayBookedMinutes: score.dayBookedMinutes,
    dayCapacityMinutes: score.dayCapacityMinutes,
    addsMinutes: score.sessionStaff === 'none' ? estimate : 0,
  };
}

export function presentRouting(kind: string, result: RoutingResult, work: { startsAt: Date; endsAt: Date; estimateMinutes: number | null }): RoutingPreview {
  const first = result.candidates.find((c) => c.memberId === result.assigneeId);
  const estimate = Math.max(0, work.estimateMinutes ?? result.kind?.defaultEstimateMinutes ?? 0);
  return {
    kind,
    role: result.role,
    assignee: first ? { id: first.memberId, name: first.name } : null,
    rule: result.rule,
    reason: routingReasonText(result),
    reasons: [...result.reasons],
    candidates: result.candidates.map((c) => ({
      member: { id: c.memberId, name: c.name },
      rank: c.rank,
      ...figures(c.score, estimate),
      knowsRoom: c.score.knowsRoom,
      reasons: [...c.reasons],
    })),
    ineligible: result.ineligible.map((m) => ({
      member: { id: m.memberId, name: m.name },
      blockers: m.blockers.map((b) => b.code),
      ...figures(m.score, estimate),
      busyWith: m.busyWith ? presentBusyWith(m.busyWith) : null,
      reasons: [...m.reasons],
    })),
    window: { startsAt: work.startsAt.toISOString(), endsAt: work.endsAt.toISOString() },
    week: { start: result.week.start.toISOString(), end: result.week.end.toISOString() },
  };
}
