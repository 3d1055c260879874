import type { AgendaSession, Task } from '@patchbay/shared';
import { addDays, formatDay, localDateKey, startOfLocalDay } from '@patchbay/shared/domain/time-zone';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useAgenda, useTaskKinds, useWorkload } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { SessionCard, useNow } from '../components/agenda-session';
import { AgendaTabs } from '../components/agenda-tabs';
import { ConnectionIndicator } from '../components/connection-indicator';
import { PageError, PageLoading } from '../components/page-state';
import { hours } from '../lib/format';
import { dayKey, zoneAbbreviation } from '../lib/time';
import { rangeLabel, workloadRange } from '../workload/range';
import { useWorkloadLive } from '../workload/use-workload-live';
// Day headings as on the sessions list (before this page's own rules, as in one stylesheet).
import './sessions-page.css';
import './my-day-page.css';
import './my-week-page.css';
// The week picker as on the workload page.
import './workload-page.css';

/** "6 of 8 h" against a day's share, flagged when over. */
function DayLoad({ booked, capacity, over }: { booked: number; capacity: number; over: boolean }) {
  const pct = capacity > 0 ? Math.min(100, (booked / capacity) * 100) : booked > 0 ? 100 : 0;
  return (
    <span className={`week-day__load${over ? ' week-day__load--over' : ''}`}>
      <span className="week-day__meter" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
      {hours(booked)} of {hours(capacity)}
      {over ? <span className="tag tag--danger">over a day’s share</span> : null}
    </span>
  );
}

/**
 * My week: any member's sessions and tasks day by day with their hours against capacity, live.
 * The session cards are My day's; the hours are the workload report's (the same rules).
 */
export function MyWeekPage() {
  const me = useMe();
  const permissions = usePermissions();
  const timeZone = me.studio.timezone;
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const range = workloadRange(params.get('week'), 1, timeZone, new Date(now));
  const thisWeek = workloadRange(null, 1, timeZone, new Date(now));
  const from = range.start.toISOString();
  const to = range.end.toISOString();
  const agenda = useAgenda(from, to);
  const canSeeHours = permissions.can('workload.viewOwn');
  const workload = useWorkload(from, to, { enabled: canSeeHours });
  const live = useWorkloadLive(canSeeHours);
  const kinds = useTaskKinds();
  const mine = workload.data?.members.find((m) => m.member.id === me.member.id);
  const week = mine?.weeks.find((w) => w.week === range.key);

  const tasksBySession = useMemo(() => {
    const map = new Map<string, Task[]>();
    for (const task of agenda.data?.tasks ?? []) map.set(task.sessionId, [...(map.get(task.sessionId) ?? []), task]);
    return map;
  }, [agenda.data]);
  const sessionsByDay = useMemo(() => {
    const map = new Map<string, AgendaSession[]>();
    for (const session of agenda.data?.sessions ?? []) {
      const key = dayKey(session.startsAt, timeZone);
      map.set(key, [...(map.get(key) ?? []), session]);
    }
    return map;
  }, [agenda.data, timeZone]);
  const go = (weeks: number | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (weeks === null) next.delete('week');
        else next.set('week', localDateKey(addDays(range.monday, weeks * 7)));
        return next;
      },
      { replace: true },
    );
  const today = dayKey(now, timeZone);

  return (
    <div className="my-day my-week">
      <title>My week · Patchbay</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">My week</h1>
          <p className="page-heading__sub">
            {me.member.name} · {rangeLabel(range.start, range.end, timeZone)} · times in {timeZone.replaceAll('_', ' ')} ({zoneAbbreviation(timeZone, new Date(now))})
          </p>
        </div>
        <AgendaTabs />
        {canSeeHours ? <ConnectionIndicator status={live} subject="your week" /> : null}
      </div>
      <div className="my-week__bar">
        <nav className="week-picker" aria-label="Week">
          <button type="button" className="button button--small" onClick={() => go(-1)}>
            <span aria-hidden="true">←</span> Previous week
          </button>
          <button type="button" className="button button--ghost button--small" disabled={range.key === thisWeek.key} onClick={() => go(null)}>
            This week
          </button>
          <button type="button" className="button button--small" onClick={() => go(1)}>
            Next week <span aria-hidden="true">→</span>
          </button>
        </nav>
        {week ? (
          <p className={`my-week__total${week.overCapacity ? ' my-week__total--over' : ''}`} role="status">
            <strong>{hours(week.bookedMinutes)}</strong> of {hours(week.capacityMinutes)} booked this week
            {week.overCapacity ? ` — over by ${hours(week.bookedMinutes - week.capacityMinutes)}` : ` — ${hours(Math.max(0, week.capacityMinutes - week.bookedMinutes))} free`}
          </p>
        ) : canSeeHours && workload.data ? (
          <p className="my-week__total">No capacity set for you: ask a studio admin.</p>
        ) : null}
      </div>
      {agenda.isPending ? (
        <PageLoading label="Loading your week…" />
      ) : agenda.isError && !agenda.data ? (
        <PageError
          title="Couldn't load your week"
          error={agenda.error}
          action={
            <button type="button" className="button" onClick={() => void agenda.refetch()}>
              Try again
            </button>
          }
        />
      ) : (
        <div className="my-day__days">
          {range.days.map((date) => {
            const key = localDateKey(date);
            const day = mine?.days.find((d) => d.date === key);
            const sessions = sessionsByDay.get(key) ?? [];
            const heading = `${key === today ? 'Today — ' : ''}${formatDay(startOfLocalDay(date, timeZone), timeZone)}`;
            return (
              <section key={key} className={`day-group week-day${key === today ? ' week-day--today' : ''}${sessions.length === 0 ? ' week-day--empty' : ''}`} aria-labelledby={`my-week-${key}`}>
                <div className="week-day__head">
                  <h2 className="day-group__heading" id={`my-week-${key}`}>
                    {heading}
                  </h2>
                  {day ? <DayLoad booked={day.bookedMinutes} capacity={day.capacityMinutes} over={day.overCapacity} /> : null}
                </div>
                {sessions.length === 0 ? (
                  <p className="week-day__nothing">Nothing booked.</p>
                ) : (
                  <ul className="my-sessions">
                    {sessions.map((session) => (
                      <SessionCard key={session.id} session={session} tasks={tasksBySession.get(session.id) ?? []} timeZone={timeZone} now={now} kinds={kinds.data} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
