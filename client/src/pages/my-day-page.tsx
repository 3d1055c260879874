import type { AgendaSession, Task } from '@patchbay/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useAgenda, useTaskKinds } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { SessionCard, useNow } from '../components/agenda-session';
import { AgendaTabs } from '../components/agenda-tabs';
import { PageError, PageLoading } from '../components/page-state';
import { dayHeading, dayKey, startOfDayIso, zoneAbbreviation } from '../lib/time';
import './my-day-page.css';
// Day headings look as on the sessions list.
import './sessions-page.css';

const DAYS = 7;

/**
 * My day: the sessions someone works on today and in the coming days, with their own tasks and
 * the setup progress; where engineers and assistants land.
 */
export function MyDayPage() {
  const me = useMe();
  const permissions = usePermissions();
  const timeZone = me.studio.timezone;
  const now = useNow();
  // The window moves at midnight (studio time), not every tick.
  const today = dayKey(now, timeZone);
  const { from, to } = useMemo(() => ({ from: startOfDayIso(timeZone, 0, new Date(`${today}T12:00:00Z`)), to: startOfDayIso(timeZone, DAYS, new Date(`${today}T12:00:00Z`)) }), [timeZone, today]);
  const agenda = useAgenda(from, to);
  const kinds = useTaskKinds();

  const days = useMemo(() => {
    const groups = new Map<string, { key: string; heading: string; sessions: AgendaSession[] }>();
    for (const session of agenda.data?.sessions ?? []) {
      const key = dayKey(session.startsAt, timeZone);
      const group = groups.get(key) ?? { key, heading: dayHeading(session.startsAt, timeZone, new Date(now)), sessions: [] };
      group.sessions.push(session);
      groups.set(key, group);
    }
    return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  }, [agenda.data, timeZone, now]);
  const tasksBySession = useMemo(() => {
    const map = new Map<string, Task[]>();
    for (const task of agenda.data?.tasks ?? []) map.set(task.sessionId, [...(map.get(task.sessionId) ?? []), task]);
    return map;
  }, [agenda.data]);
  const openTasks = (agenda.data?.tasks ?? []).filter((t) => t.status !== 'DONE').length;

  return (
    <div className="my-day">
      <title>My day · Patchbay</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">My day</h1>
          <p className="page-heading__sub">
            {me.member.name} · today and the next {DAYS - 1} days · times in {timeZone.replaceAll('_', ' ')} ({zoneAbbreviation(timeZone, new Date(now))})
          </p>
        </div>
        <AgendaTabs />
        {agenda.data ? (
          <p className="my-day__summary">
            {agenda.data.sessions.length === 1 ? '1 session' : `${agenda.data.sessions.length} sessions`} · {openTasks === 1 ? '1 open task' : `${openTasks} open tasks`}
          </p>
        ) : null}
      </div>
      {agenda.isPending ? (
        <PageLoading label="Loading your day…" />
      ) : agenda.isError && !agenda.data ? (
        <PageError
          title="Couldn't load your day"
          error={agenda.error}
          action={
            <button type="button" className="button" onClick={() => void agenda.refetch()}>
              Try again
            </button>
          }
        />
      ) : days.length === 0 ? (
        <div className="my-day__empty">
          <p>Nothing booked for you in the next {DAYS} days.</p>
          {permissions.can('sessions.viewAll') || permissions.can('board.view') ? (
            <Link to="/sessions" className="button">
              See all sessions
            </Link>
          ) : null}
        </div>
      ) : (
        <div className="my-day__days">
          {days.map((day) => (
            <section key={day.key} className="day-group" aria-labelledby={`my-day-${day.key}`}>
              <h2 className="day-group__heading" id={`my-day-${day.key}`}>
                {day.heading}
              </h2>
              <ul className="my-sessions">
                {day.sessions.map((session) => (
                  <SessionCard key={session.id} session={session} tasks={tasksBySession.get(session.id) ?? []} timeZone={timeZone} now={now} kinds={kinds.data} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
