import type { BookingCheck, BookingCheckInput } from '@patchbay/shared';
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';

/** How long typing a slot waits before asking the server about it. */
export const BOOKING_CHECK_DEBOUNCE_MS = 300;

/** The slot and choices to check; null while the form has no valid window (or may not check). */
export interface BookingQuestion {
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  producerId: string | null;
  engineerId: string | null;
  /** The session being edited: its own time is left out. */
  sessionId: string | null;
  /** Prep and teardown as typed (absent: the room's defaults, or the edited session's own). */
  prepMinutes?: number;
  teardownMinutes?: number;
  /** A new booking's hold: a second hold is checked against confirmed sessions only. */
  hold?: 'CONFIRMED' | 'FIRST_HOLD' | 'SECOND_HOLD';
}

export type BookingCheckState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'ready'; check: BookingCheck }
  | { phase: 'failed'; error: unknown };

/** The answer to one question, keyed by it, so an answer is only ever shown for the question it answers. */
type Answer = { key: string } & ({ phase: 'ready'; check: BookingCheck } | { phase: 'failed'; error: unknown });

const keyOf = (q: BookingQuestion) =>
  [q.startsAt, q.endsAt, q.roomId ?? '', q.producerId ?? '', q.engineerId ?? '', q.sessionId ?? '', q.prepMinutes ?? '', q.teardownMinutes ?? '', q.hold ?? ''].join('|');

/**
 * Asks POST /bookings/check about the slot being typed: debounced, the previous request aborted
 * when the question changes, and answers to older questions dropped. While `paused` (the form is
 * saving) nothing is asked; afterwards the slot is asked about again (the server may have changed).
 */
export function useBookingCheck(question: BookingQuestion | null, { paused = false }: { paused?: boolean } = {}): BookingCheckState {
  const api = useApi();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = question ? keyOf(question) : null;
  const { startsAt = '', endsAt = '', roomId = null, producerId = null, engineerId = null, sessionId = null, prepMinutes, teardownMinutes, hold } = question ?? {};

  useEffect(() => {
    if (key === null || paused) return;
    const controller = new AbortController();
    const input: BookingCheckInput = {
      startsAt, endsAt, roomId, producerId, engineerId,
      ...(sessionId ? { sessionId } : {}),
      ...(prepMinutes !== undefined ? { prepMinutes } : {}),
      ...(teardownMinutes !== undefined ? { teardownMinutes } : {}),
      ...(hold ? { hold } : {}),
    };
    const timer = setTimeout(() => {
      api.checkBooking(input, controller.signal).then(
        (check) => {
          if (!controller.signal.aborted) setAnswer({ key, phase: 'ready', check });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setAnswer({ key, phase: 'failed', error });
        },
      );
    }, BOOKING_CHECK_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key, paused, startsAt, endsAt, roomId, producerId, engineerId, sessionId, prepMinutes, teardownMinutes, hold]);

  if (key === null) return { phase: 'idle' };
  if (answer?.key !== key) return { phase: 'checking' };
  return answer.phase === 'ready' ? { phase: 'ready', check: answer.check } : { phase: 'failed', error: answer.error };
}
