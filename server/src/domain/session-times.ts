// What the availability model needs of a session row (prep, teardown, hold), and the query window
// that finds every session whose call-to-clear span can touch a period.
import { MAX_PREP_MINUTES } from '@patchbay/shared';
import type { Tx } from '../db/database';
import type { Prisma } from '../generated/prisma/client';

/** Selected with a session's times wherever bookings are built from it. */
export const sessionTimesSelect = { prepMinutes: true, teardownMinutes: true, hold: true } satisfies Prisma.SessionSelect;

const MARGIN_MS = MAX_PREP_MINUTES * 60_000;

/**
 * Sessions that take time (not cancelled; confirmed or a first hold) whose span, call to clear,
 * may touch [from, to): the start/end columns are compared with the window widened by the
 * longest prep or teardown allowed (the rules then use the exact span).
 */
export function takingTimeAround(from: Date, to: Date): Prisma.SessionWhereInput {
  return {
    status: { not: 'CANCELLED' },
    hold: { in: ['CONFIRMED', 'FIRST_HOLD'] },
    startsAt: { lt: new Date(to.getTime() + MARGIN_MS) },
    endsAt: { gt: new Date(from.getTime() - MARGIN_MS) },
  };
}

/** Bookings of one studio are checked one at a time: two people booking the same room at the same moment cannot both pass the check. */
export async function lockBookings(tx: Tx, studioId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`bookings:${studioId}`}))`;
}
