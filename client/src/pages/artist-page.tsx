import type { GuestSession } from '@patchbay/shared';
import { formatClock } from '@patchbay/shared/domain/time-zone';
import { useMemo } from 'react';
import { useArtistSessions } from '../api/queries';
import { useMe } from '../auth/auth-context';
import { useNow } from '../components/agenda-session';
import { PageError, PageLoading } from '../components/page-state';
import { SessionStatusBadge } from '../components/status-badge';
import { dayHeading, dayKey, zoneAbbreviation } from '../lib/time';
import './artist-page.css';

/** "You'll work with Maya Okafor (producer) and Sam Reyes (engineer)". */
export function workingWith(session: Pick<GuestSession, 'producer' | 'engineer'>): string | null {
  const people = [session.producer ? `${session.producer.name} (producer)` : null, session.engineer ? `${session.engineer.name} (engineer)` : null].filter(
    (p): p is string => p !== null,
  );
  if (people.length === 0) return null;
  return `You’ll work with ${people.join(' and ')}`;
}

function ArtistSession({ session, timeZone }: { session: GuestSession; timeZone: string }) {
  const cancelled = session.status === 'CANCELLED';
  const pencilled = !cancelled && session.booking === 'PENCILLED';
  const clock = (iso: string) => formatClock(new Date(iso), timeZone);
  const people = workingWith(session);
  const titleId = `artist-session-${session.id}`;
  return (
    <li className={`artist-session${cancelled ? ' artist-session--cancelled' : ''}${pencilled ? ' artist-session--pencilled' : ''}`} aria-labelledby={titleId}>
      <div className="artist-session__call">
        <span className="artist-session__call-label">Call time</span>
        <time className="artist-session__call-time" dateTime={session.callAt}>
          {clock(session.callAt)}
        </time>
      </div>
      <div className="artist-session__body">
        <div className="artist-session__head">
          <h3 className="artist-session__title" id={titleId}>
            {session.title}
          </h3>
          {cancelled ? (
            <SessionStatusBadge status="CANCELLED" />
          ) : pencilled ? (
            <span className="badge artist-session__pencilled">Pencilled in</span>
          ) : session.status !== 'PLANNED' ? (
            <SessionStatusBadge status={session.status} />
          ) : null}
        </div>
        <p className="artist-session__where">
          <span className="artist-session__room">{session.room.name}</span>
          <span aria-hidden="true"> · </span>
          <span>
            Session <time dateTime={session.startsAt}>{clock(session.startsAt)}</time>–<time dateTime={session.endsAt}>{clock(session.endsAt)}</time>
          </span>
          <span aria-hidden="true"> · </span>
          <span>
            {session.project.title} ({session.project.artist})
          </span>
        </p>
        {people ? <p className="artist-session__people">{people}</p> : null}
        {cancelled ? (
          <p className="artist-session__hint">This session is cancelled: no need to come in.</p>
        ) : pencilled ? (
          <p className="artist-session__hint">Pencilled in: the studio will confirm it with you.</p>
        ) : null}
        {session.guestNote && !cancelled ? (
          <div className="artist-session__note">
            <p className="artist-session__note-label">What to bring</p>
            <p className="artist-session__note-text">{session.guestNote}</p>
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** "Your sessions": where a guest (the artist) lands — when to be there, where, with whom, what to bring. */
export function ArtistPage() {
  const me = useMe();
  const query = useArtistSessions();
  const now = useNow();
  const timeZone = query.data?.timeZone ?? me.studio.timezone;
  const days = useMemo(() => {
    const groups = new Map<string, { key: string; heading: string; sessions: GuestSession[] }>();
    for (const session of query.data?.sessions ?? []) {
      const key = dayKey(session.callAt, timeZone);
      const group = groups.get(key) ?? { key, heading: dayHeading(session.callAt, timeZone, new Date(now)), sessions: [] };
      group.sessions.push(session);
      groups.set(key, group);
    }
    return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  }, [query.data, timeZone, now]);

  return (
    <div className="artist-page">
      <title>Your sessions · Patchbay</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">Your sessions</h1>
          <p className="page-heading__sub">
            {me.member.name} at {me.studio.name} · times in {timeZone.replaceAll('_', ' ')} ({zoneAbbreviation(timeZone, new Date(now))})
          </p>
        </div>
      </div>
      {query.isPending ? (
        <PageLoading label="Loading your sessions…" />
      ) : query.isError && !query.data ? (
        <PageError
          title="Couldn't load your sessions"
          error={query.error}
          action={
            <button type="button" className="button" onClick={() => void query.refetch()}>
              Try again
            </button>
          }
        />
      ) : days.length === 0 ? (
        <div className="artist-page__empty">
          <p>No sessions booked for you yet. The studio will add them here.</p>
        </div>
      ) : (
        <div className="artist-page__days">
          {days.map((day) => (
            <section key={day.key} className="artist-day" aria-labelledby={`artist-day-${day.key}`}>
              <h2 className="artist-day__heading" id={`artist-day-${day.key}`}>
                {day.heading}
              </h2>
              <ul className="artist-day__sessions">
                {day.sessions.map((session) => (
                  <ArtistSession key={session.id} session={session} timeZone={timeZone} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
