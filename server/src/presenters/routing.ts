import type { RoutingPreview, RoutingResult } from '@patchbay/shared';
import { routingReasonText } from '@patchbay/shared';

export function presentRouting(kind: string, result: RoutingResult): RoutingPreview {
  const first = result.candidates.find((c) => c.memberId === result.assigneeId);
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
      bookedMinutes: c.score.bookedMinutes,
      capacityMinutes: c.score.capacityMinutes,
      knowsRoom: c.score.knowsRoom,
      reasons: [...c.reasons],
    })),
    ineligible: result.ineligible.map((m) => ({ member: { id: m.memberId, name: m.name }, blockers: m.blockers.map((b) => b.code), reasons: [...m.reasons] })),
    week: { start: result.week.start.toISOString(), end: result.week.end.toISOString() },
  };
}
