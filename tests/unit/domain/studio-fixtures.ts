// Small builders for domain tests: a studio with rooms, members, a session and bookings.
import type { Booking, MemberRole, RoutingContext, RoutingMember, RoutingSession } from '../../../shared/src/domain/index';

export const at = (iso: string): Date => new Date(iso);

/** Wednesday 5 March 2025, 10:00–14:00 UTC, in Studio A (ISO week 2025-W10: 3–10 March). */
export function session(overrides: Partial<RoutingSession> = {}): RoutingSession {
  return {
    id: 'session-1',
    title: 'Vocal overdubs',
    roomId: 'room-a',
    roomName: 'Studio A',
    startsAt: at('2025-03-05T10:00:00Z'),
    endsAt: at('2025-03-05T14:00:00Z'),
    producerId: null,
    engineerId: null,
    ...overrides,
  };
}

export function member(id: string, name: string, roles: MemberRole[], overrides: Partial<RoutingMember> = {}): RoutingMember {
  return { id, name, roles, skills: [], weeklyCapacityHours: 40, knownRoomIds: [], ...overrides };
}

export function booking(memberId: string, startIso: string, endIso: string, overrides: Partial<Booking> = {}): Booking {
  const startsAt = at(startIso);
  const endsAt = at(endIso);
  return { memberId, sessionId: `other-${memberId}-${startIso}`, startsAt, endsAt, minutes: (endsAt.getTime() - startsAt.getTime()) / 60_000, ...overrides };
}

/** Books `hours` for a member on Monday of the session's week (no overlap with the session). */
export function load(memberId: string, hours: number): Booking {
  return booking(memberId, '2025-03-03T08:00:00Z', '2025-03-03T09:00:00Z', { minutes: hours * 60, sessionId: `load-${memberId}` });
}

export function context(members: RoutingMember[], bookings: Booking[] = [], overrides: Partial<RoutingContext> = {}): RoutingContext {
  return { session: session(), members, bookings, ...overrides };
}

export const task = (kind: string, sessionId = 'session-1') => ({ kind, sessionId });
