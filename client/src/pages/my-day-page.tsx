import type { AgendaSession, Task } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAgenda, useTaskKinds } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { PageError, PageLoading } from '../components/page-state';
import { ProgressMeter } from '../components/progress-meter';
import { SessionStatusBadge } from '../components/status-badge';
import { kindLabel } from '../lib/labels';
import { dayHeading, dayKey, formatMinutes, formatWindow, startOfDayIso, zoneAbbreviation } from '../lib/time';
import './my-day-page.css';

const DAYS = 7;

const INVOLVEMENT: Record<AgendaSession['involvement'][number], string> = {
  producer: 'You’re producing',
  engineer: 'You’re engineering',
  lead: 'Your project',
  tasks: 'You have tasks',
};

/** The current minute, refreshed every 30 s. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function TaskLine({ task, kinds }: { task: Task; kinds: ReturnType<typeof useTaskKinds>['data'] }) {
  return (
    <li className={`my-task my-task--${task.status.toLowerCase().replaceAll('_', '-')}`}>
      <span className={`status-dot status-dot--${task.status.toLowerCase().replaceAll('_', '-')}`} aria-hidden="true" />
      <span className="my-task__title">{task.title}</span>
      <span className="my-task__meta">
        {kindLabel(task.kind, kinds)}
        {task.estimateMinutes ? ` · ${formatMinutes(task.estimateMinutes)}` : ''}
      </span>
      <span className="my-task__status">{TASK_STATUS_LABELS[task.status]}</span>
    </li>
  );
}

function SessionCard({ session, tasks, timeZone, now, kinds }: { session: AgendaSession; tasks: readonly Task[]; timeZone: string; now: number; kinds: ReturnType<typeof useTaskKinds>['data'] }) {
  const start = Date.parse(session.startsAt);
  const end = Date.parse(session.endsAt);
  const isNow = session.status !== 'CANCELLED' && start <= now && now < end;
  const today = dayKey(start, timeZone) === dayKey(now, timeZone);
  const setup = session.setup;
  const hasSetup = setup !== null && setup.total > 0;
  return (
    <li className={`my-session${isNow ? ' my-session--now' : ''}${session.status === 'CANCELLED' ? ' my-session--cancelled' : ''}`}>
      <div className="my-session__time">
        <span>{formatWindow(new Date(start), new Date(end), timeZone)}</span>
        {isNow ? <span className="my-session__now">Now</span> : null}
      </div>
      <div className="my-session__main">
        <h3 className="my-session__title">
          <Link to={`/sessions/${session.id}`}>{session.title}</Link>
        </h3>
        <p className="my-session__meta">
          {session.room.name} · {session.project.artist} – {session.project.title}
        </p>
        <p className="my-session__roles">
          {session.involvement.map((i) => (
            <span key={i} className="tag">
              {INVOLVEMENT[i]}
            </span>
          ))}
          <SessionStatusBadge status={session.status} />
        </p>
        {tasks.length > 0 ? (
          <ul className="my-session__tasks" aria-label={`Your tasks in ${session.title}`}>
            {tasks.map((task) => (
              <TaskLine key={task.id} task={task} kinds={kinds} />
            ))}
          </ul>
        ) : null}
      </div>
      <div className="my-session__side">
        {setup !== null ? (
          <>
            <ProgressMeter done={setup.done} total={setup.total} unit="checked" empty="No setup list" label="Setup" />
            {session.setupIssues && session.setupIssues.errors + session.setupIssues.warnings > 0 ? (
              <Link to={`/sessions/${session.id}/setup`} className={`my-session__issues${session.setupIssues.errors ? ' my-session__issues--error' : ''}`}>
                {[
                  session.setupIssues.errors ? `${session.setupIssues.errors} setup problem${session.setupIssues.errors > 1 ? 's' : ''}` : null,
                  session.setupIssues.warnings ? `${session.setupIssues.warnings} warning${session.setupIssues.warnings > 1 ? 's' : ''}` : null,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </Link>
            ) : null}
            <div className="my-session__actions">
              {hasSetup ? (
                <Link to={`/sessions/${session.id}/run-sheet`} className={`button${today ? ' button--primary' : ''}`}>
                  Run sheet
                </Link>
              ) : null}
              <Link to={`/sessions/${session.id}/setup`} className="button">
                Setup list
              </Link>
            </div>
          </>
        ) : (
          <Link to={`/sessions/${session.id}`} className="button">
            Open
          </Link>
        )}
      </div>
    </li>
  );
}

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
