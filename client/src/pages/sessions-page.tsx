import type { ListSessionsQuery, Session, SessionStatus, Studio } from '@patchbay/shared';
import { SESSION_STATUS_LABELS, SESSION_STATUSES, isSessionStatus } from '@patchbay/shared/domain/roles';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/api-context';
import { queryKeys, useSessions, useStudio, useTemplates } from '../api/queries';
import { useMe, usePermissions, type Permissions } from '../auth/auth-context';
import { BookSessionForm } from '../components/book-session-form';
import { FilterChips, type ChipOption } from '../components/filter-chips';
import { useNotices } from '../components/notices';
import { PageError, PageLoading } from '../components/page-state';
import { SessionRow } from '../components/session-row';
import { dayHeading, dayKey, formatWindow, startOfDayIso, zoneAbbreviation } from '../lib/time';
import { plural } from '../lib/labels';
import './sessions-page.css';

const WHEN_OPTIONS = [
  { value: 'upcoming', label: 'Today & upcoming' },
  { value: 'past', label: 'Past 2 weeks' },
  { value: 'all', label: 'All' },
] as const;
type When = (typeof WHEN_OPTIONS)[number]['value'];
const isWhen = (v: string | null): v is When => WHEN_OPTIONS.some((o) => o.value === v);

function rangeQuery(when: When, timeZone: string): ListSessionsQuery {
  if (when === 'upcoming') return { from: startOfDayIso(timeZone) };
  if (when === 'past') return { from: startOfDayIso(timeZone, -14), to: startOfDayIso(timeZone) };
  return {};
}

interface DayGroup {
  key: string;
  heading: string;
  sessions: Session[];
}

function groupByDay(sessions: readonly Session[], timeZone: string, newestFirst: boolean, now: Date): DayGroup[] {
  const groups = new Map<string, DayGroup>();
  for (const session of sessions) {
    const key = dayKey(session.startsAt, timeZone);
    let group = groups.get(key);
    if (!group) {
      group = { key, heading: dayHeading(session.startsAt, timeZone, now), sessions: [] };
      groups.set(key, group);
    }
    group.sessions.push(session);
  }
  const list = [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  for (const group of list) group.sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return newestFirst ? list.reverse() : list;
}

/** The current minute, refreshed every 30 s (for "Now" and "Today"). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Projects the member may book sessions for: all of them, or (producers) the ones they lead. */
export function bookableProjectIds(studio: Studio, memberId: string, permissions: Permissions): string[] {
  if (!permissions.can('sessions.create')) return [];
  return studio.projects.filter((p) => permissions.can('sessions.create', { leadsProject: p.leadProducerId === memberId })).map((p) => p.id);
}

export function SessionsPage() {
  const me = useMe();
  const permissions = usePermissions();
  // The studio (rooms, people, projects) is for booking and the room order; guests do without.
  const studio = useStudio({ enabled: permissions.can('studio.view') });
  return <SessionsView name={me.studio.name} timeZone={me.studio.timezone} studio={studio.data} />;
}

function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" className="button" onClick={onRetry}>
      Try again
    </button>
  );
}

function SessionsView({ name, timeZone, studio }: { name: string; timeZone: string; studio: Studio | undefined }) {
  const me = useMe();
  const permissions = usePermissions();
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [booking, setBooking] = useState(false);
  const bookButton = useRef<HTMLButtonElement>(null);
  const [params, setParams] = useSearchParams();
  const whenParam = params.get('when');
  const when: When = isWhen(whenParam) ? whenParam : 'upcoming';
  const statusParam = params.get('status');
  const status: SessionStatus | 'all' = isSessionStatus(statusParam) ? statusParam : 'all';
  const room = params.get('room') ?? 'all';
  const now = useNow();

  const query = useMemo(() => rangeQuery(when, timeZone), [when, timeZone]);
  const sessions = useSessions(query);

  const setParam = (key: string, value: string, fallback: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === fallback) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };

  const all = sessions.data ?? [];
  const inRoom = room === 'all' ? all : all.filter((s) => s.room.id === room);
  const visible = status === 'all' ? inRoom : inRoom.filter((s) => s.status === status);
  const groups = groupByDay(visible, timeZone, when === 'past', new Date(now));

  const statusOptions: ChipOption<SessionStatus | 'all'>[] = [
    { value: 'all', label: 'All', count: inRoom.length },
    ...SESSION_STATUSES.map((s) => ({ value: s, label: SESSION_STATUS_LABELS[s], count: inRoom.filter((x) => x.status === s).length })),
  ];
  // Rooms in the studio's order when it is known, else as the sessions name them.
  const knownRooms = studio?.rooms ?? [...new Map(all.map((s) => [s.room.id, s.room])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const roomsInUse = knownRooms.filter((r) => all.some((s) => s.room.id === r.id) || r.id === room);
  const roomOptions: ChipOption<string>[] = [
    { value: 'all', label: 'All rooms' },
    ...roomsInUse.map((r) => ({ value: r.id, label: r.name, count: all.filter((s) => s.room.id === r.id).length })),
  ];
  const filtered = status !== 'all' || room !== 'all';
  const bookable = studio ? bookableProjectIds(studio, me.member.id, permissions) : [];
  const templates = useTemplates({ enabled: booking });
  const closeBooking = () => {
    setBooking(false);
    bookButton.current?.focus();
  };

  return (
    <div className="sessions-page">
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">Sessions</h1>
          <p className="page-heading__sub">
            {name} · times in {timeZone.replaceAll('_', ' ')} ({zoneAbbreviation(timeZone, new Date(now))})
          </p>
        </div>
        <div className="sessions-page__actions">
          <FilterChips label="Show" options={WHEN_OPTIONS} value={when} onChange={(v) => setParam('when', v, 'upcoming')} />
          {bookable.length > 0 ? (
            <button ref={bookButton} type="button" className="button button--primary" aria-expanded={booking} onClick={() => (booking ? closeBooking() : setBooking(true))}>
              <span aria-hidden="true">+</span> Book session
            </button>
          ) : null}
        </div>
      </div>

      {booking && studio ? (
        <BookSessionForm
          studio={studio}
          projectIds={bookable}
          templates={templates.data ?? []}
          onCreate={(input) => api.createSession(input)}
          onSaved={(session) => {
            setBooking(false);
            void queryClient.invalidateQueries({ queryKey: queryKeys.allSessions });
            void queryClient.invalidateQueries({ queryKey: queryKeys.allWorkload });
            void queryClient.invalidateQueries({ queryKey: queryKeys.allAgenda });
            notify({ tone: 'success', title: `Booked “${session.title}”.`, message: `${session.room.name}, ${formatWindow(new Date(session.startsAt), new Date(session.endsAt), timeZone)}.` });
          }}
          onCancel={closeBooking}
        />
      ) : null}

      <div className="sessions-page__filters">
        <FilterChips label="Status" options={statusOptions} value={status} onChange={(v) => setParam('status', v, 'all')} />
        {roomsInUse.length > 1 || room !== 'all' ? (
          <FilterChips label="Room" options={roomOptions} value={room} onChange={(v) => setParam('room', v, 'all')} />
        ) : null}
      </div>

      {sessions.isPending ? (
        <PageLoading label="Loading sessions…" />
      ) : sessions.isError && !sessions.data ? (
        <PageError title="Couldn't load sessions" error={sessions.error} action={<RetryButton onRetry={() => void sessions.refetch()} />} />
      ) : groups.length === 0 ? (
        <div className="sessions-page__empty">
          <p>{filtered ? 'No sessions match these filters.' : when === 'past' ? 'No sessions in the past two weeks.' : 'No sessions booked from today on.'}</p>
          {filtered ? (
            <button type="button" className="button button--small" onClick={() => setParams(when === 'upcoming' ? {} : { when }, { replace: true })}>
              Clear filters
            </button>
          ) : null}
        </div>
      ) : (
        <div className="sessions-page__days" aria-busy={sessions.isFetching}>
          {groups.map((group) => (
            <section key={group.key} className="day-group" aria-labelledby={`day-${group.key}`}>
              <h2 className="day-group__heading" id={`day-${group.key}`}>
                {group.heading}
                <span className="day-group__count">{plural(group.sessions.length, 'session')}</span>
              </h2>
              <ul className="session-list">
                {group.sessions.map((session) => (
                  <SessionRow key={session.id} session={session} timeZone={timeZone} now={now} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
