import type { AgendaSession, Task } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { useTaskKinds } from '../api/queries';
import { kindLabel } from '../lib/labels';
import { dayKey, formatMinutes, formatWindow } from '../lib/time';
import { ProgressMeter } from './progress-meter';
import { formatClock } from '@patchbay/shared/domain/time-zone';
import { HoldTag } from './hold-control';
import { SessionStatusBadge } from './status-badge';
import './agenda-session.css';

// The parts of a member's agenda My day and My week share: a session they work on, with their
// own tasks in it and its setup progress.

const INVOLVEMENT: Record<AgendaSession['involvement'][number], string> = {
  producer: 'You’re producing',
  engineer: 'You’re engineering',
  lead: 'Your project',
  tasks: 'You have tasks',
};

/** The current minute, refreshed every 30 s. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function TaskLine({ task, kinds }: { task: Task; kinds: ReturnType<typeof useTaskKinds>['data'] }) {
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

export function SessionCard({ session, tasks, timeZone, now, kinds }: { session: AgendaSession; tasks: readonly Task[]; timeZone: string; now: number; kinds: ReturnType<typeof useTaskKinds>['data'] }) {
  const start = Date.parse(session.startsAt);
  const end = Date.parse(session.endsAt);
  const isNow = session.status !== 'CANCELLED' && start <= now && now < end;
  const today = dayKey(start, timeZone) === dayKey(now, timeZone);
  const setup = session.setup;
  const hasSetup = setup !== null && setup.total > 0;
  return (
    <li className={`my-session${isNow ? ' my-session--now' : ''}${session.status === 'CANCELLED' ? ' my-session--cancelled' : ''}`}>
      <div className="my-session__time">
        {session.prepMinutes > 0 ? <span className="my-session__call">Call {formatClock(new Date(session.callAt), timeZone)}</span> : null}
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
          <HoldTag session={session} timeZone={timeZone} />
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
