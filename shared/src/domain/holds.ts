/**
 * Holds: how firm a booking is, and what confirming, releasing and expiring do to the other
 * bookings on the same slot (the same room at overlapping times, call to clear). Pure rules; the
 * server applies the changes they return in one transaction.
 *
 * - CONFIRMED: the session is on. FIRST_HOLD: the slot is pencilled in for this client and takes
 *   time like a confirmed session (availability.ts). SECOND_HOLD: queued behind a first hold on
 *   the slot; it takes no time (nobody is busy for it yet) and may only be booked where a first
 *   hold is, never over a confirmed session.
 * - Every hold has a release deadline (`holdUntil`); past it the hold EXPIRES.
 * - Confirming a first hold releases the second holds behind it.
 * - Confirming a second hold while the first is still live *challenges* the first: the first hold
 *   must confirm or let go within CHALLENGE_HOURS (its deadline is brought forward to then).
 *   Without a live first hold, the second hold confirms at once and releases any other second holds.
 * - When a first hold is released or expires, the earliest-booked second hold behind it becomes
 *   the first hold (if taking time then double-books nobody; the server checks that).
 */
import { sessionSpan, type SessionTimes } from './availability';
import { overlaps } from './conflicts';
import type { BookingHold, SessionStatus } from './roles';

export const CHALLENGE_HOURS = 24;
/** Default release deadline of a new hold, in days (never later than the session's call time). */
export const DEFAULT_HOLD_DAYS = 7;

export const HOLD_LABELS: Readonly<Record<BookingHold, string>> = {
  CONFIRMED: 'Confirmed',
  FIRST_HOLD: '1st hold',
  SECOND_HOLD: '2nd hold',
  RELEASED: 'Hold released',
  EXPIRED: 'Hold expired',
};

export interface HoldSession extends SessionTimes {
  readonly id: string;
  readonly roomId: string;
  readonly status: SessionStatus;
  readonly hold: BookingHold;
  readonly holdUntil: Date | null;
  readonly createdAt: Date;
}

export type HoldChangeReason = 'confirmed' | 'released' | 'expired' | 'released_by_confirm' | 'promoted' | 'challenged';

export interface HoldChange {
  readonly id: string;
  readonly hold: BookingHold;
  readonly holdUntil: Date | null;
  /** Set when the change is a challenge (the first hold's deadline brought forward). */
  readonly challengedAt?: Date;
  readonly reason: HoldChangeReason;
}

export function isLiveHold(hold: BookingHold): boolean {
  return hold === 'FIRST_HOLD' || hold === 'SECOND_HOLD';
}

/** Other bookings on the same slot as `target`: same room, overlapping call-to-clear spans, not cancelled, still live or confirmed. */
export function slotRivals<S extends HoldSession>(target: HoldSession, sessions: readonly S[]): S[] {
  const span = sessionSpan(target);
  return sessions.filter(
    (s) => s.id !== target.id && s.roomId === target.roomId && s.status !== 'CANCELLED' && (s.hold === 'CONFIRMED' || isLiveHold(s.hold)) && overlaps(span, sessionSpan(s)),
  );
}

/** The first holds a new second hold on this slot would queue behind (empty: a second hold is not possible). */
export function firstHoldsOnSlot<S extends HoldSession>(target: HoldSession, sessions: readonly S[]): S[] {
  return slotRivals(target, sessions).filter((s) => s.hold === 'FIRST_HOLD');
}

/** The default release deadline of a hold booked at `now`: DEFAULT_HOLD_DAYS ahead, but not after the call time. */
export function defaultHoldUntil(session: SessionTimes, now: Date): Date {
  const call = sessionSpan(session).startsAt.getTime();
  return new Date(Math.max(now.getTime(), Math.min(call, now.getTime() + DEFAULT_HOLD_DAYS * 86_400_000)));
}

export class HoldError extends Error {
  constructor(readonly code: 'not_a_hold' | 'hold_ended' | 'cancelled', message: string) {
    super(message);
  }
}

/** What confirming `target` changes (its own row first). Throws HoldError when it cannot be confirmed. */
export function planConfirm(target: HoldSession, sessions: readonly HoldSession[], now: Date): { changes: HoldChange[]; challenged: boolean } {
  if (target.status === 'CANCELLED') throw new HoldError('cancelled', 'This session is cancelled: un-cancel it before confirming.');
  if (target.hold === 'CONFIRMED') throw new HoldError('not_a_hold', 'This session is already confirmed.');
  if (!isLiveHold(target.hold)) throw new HoldError('hold_ended', 'This hold has ended (released or expired): book the slot again.');
  const rivals = slotRivals(target, sessions);
  if (target.hold === 'SECOND_HOLD') {
    const firsts = rivals.filter((s) => s.hold === 'FIRST_HOLD');
    if (firsts.length > 0) {
      const deadline = now.getTime() + CHALLENGE_HOURS * 3_600_000;
      return {
        challenged: true,
        changes: firsts.map((f) => ({ id: f.id, hold: 'FIRST_HOLD', holdUntil: new Date(Math.min(deadline, f.holdUntil?.getTime() ?? deadline)), challengedAt: now, reason: 'challenged' })),
      };
    }
  }
  const released: HoldChange[] = rivals
    .filter((s) => s.hold === 'SECOND_HOLD')
    .map((s) => ({ id: s.id, hold: 'RELEASED', holdUntil: null, reason: 'released_by_confirm' }));
  return { challenged: false, changes: [{ id: target.id, hold: 'CONFIRMED', holdUntil: null, reason: 'confirmed' }, ...released] };
}

/**
 * What releasing (or expiring) `target` changes: it ends, and when it was the first hold, the
 * second holds behind it are proposed, earliest booked first, as the new first hold (the caller
 * promotes the first of them that double-books nobody).
 */
export function planRelease(target: HoldSession, sessions: readonly HoldSession[], reason: 'released' | 'expired'): { changes: HoldChange[]; promote: HoldSession[] } {
  if (target.hold === 'CONFIRMED') throw new HoldError('not_a_hold', 'This session is confirmed: cancel it instead.');
  if (!isLiveHold(target.hold)) throw new HoldError('hold_ended', 'This hold has already ended.');
  const changes: HoldChange[] = [{ id: target.id, hold: reason === 'expired' ? 'EXPIRED' : 'RELEASED', holdUntil: null, reason }];
  if (target.hold !== 'FIRST_HOLD') return { changes, promote: [] };
  return { changes, promote: queueBehind(target, sessions.filter((s) => s.id !== target.id)) };
}

/**
 * The second holds that may move up once the first hold `left` no longer holds its slot (released,
 * expired, cancelled or moved away), earliest booked first: those no other first hold or confirmed
 * session still covers. `sessions` must not hold `left` as it was.
 */
export function queueBehind<S extends HoldSession>(left: HoldSession, sessions: readonly S[]): S[] {
  return slotRivals(left, sessions)
    .filter((s) => s.hold === 'SECOND_HOLD' && s.status !== 'CANCELLED')
    .filter((s) => !slotRivals(s, sessions).some((o) => o.hold === 'FIRST_HOLD' || o.hold === 'CONFIRMED'))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}

/** Live holds whose release deadline has passed at `now`. */
export function dueHolds<S extends HoldSession>(sessions: readonly S[], now: Date): S[] {
  return sessions.filter((s) => isLiveHold(s.hold) && s.status !== 'CANCELLED' && s.holdUntil !== null && s.holdUntil.getTime() <= now.getTime());
}
