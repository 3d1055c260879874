// "Your sessions": what a guest (the artist) needs of the sessions of their projects — when to be
// there, where, with whom and the producer's note — in the guest shape (presenters/guest.ts).
import type { ArtistSessions } from '@patchbay/shared';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { presentGuestSession } from '../presenters/guest';
import { sessionInclude } from '../presenters/session';

/** How far back the list starts by default: yesterday's session is still worth seeing. */
export const ARTIST_LOOKBACK_MS = 24 * 3_600_000;
/** At most this many sessions (a long album campaign still fits). */
const MAX_SESSIONS = 200;

/**
 * The sessions of every project the member is a guest of that end after `from`, by call time.
 * Cancelled sessions stay listed (as cancelled); holds that were released or expired are left out.
 */
export async function artistSessions(ctx: AppContext, auth: AuthContext, from: string | undefined, now = new Date()): Promise<ArtistSessions> {
  const since = from ? new Date(from) : new Date(now.getTime() - ARTIST_LOOKBACK_MS);
  const db = ctx.db.prisma;
  const [studio, rows] = await Promise.all([
    db.studio.findUniqueOrThrow({ where: { id: auth.studioId }, select: { timezone: true } }),
    db.session.findMany({
      where: {
        studioId: auth.studioId,
        project: { guests: { some: { id: auth.memberId } } },
        endsAt: { gt: since },
        hold: { notIn: ['RELEASED', 'EXPIRED'] },
      },
      include: sessionInclude,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: MAX_SESSIONS,
    }),
  ]);
  const sessions = rows.map(presentGuestSession).sort((a, b) => a.callAt.localeCompare(b.callAt) || a.id.localeCompare(b.id));
  return { timeZone: studio.timezone, from: since.toISOString(), sessions };
}
