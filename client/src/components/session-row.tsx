import type { Session } from '@patchbay/shared';
import { Link } from 'react-router';
import { formatWindow } from '../lib/time';
import { ProgressMeter } from './progress-meter';
import { formatClock } from '@patchbay/shared/domain/time-zone';
import { HoldTag } from './hold-control';
import { SessionStatusBadge } from './status-badge';
import './session-row.css';

export function SessionRow({ session, timeZone, now }: { session: Session; timeZone: string; now: number }) {
  const done = session.taskCounts.DONE ?? 0;
  const total = Object.values(session.taskCounts).reduce((sum, n) => sum + (n ?? 0), 0);
  const isNow = session.status !== 'CANCELLED' && Date.parse(session.startsAt) <= now && now < Date.parse(session.endsAt);
  const classes = ['session-row', session.status === 'CANCELLED' ? 'session-row--cancelled' : '', isNow ? 'session-row--now' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes}>
      <div className="session-row__time">
        <span>{formatWindow(new Date(session.startsAt), new Date(session.endsAt), timeZone)}</span>
        {session.prepMinutes > 0 ? <span className="session-row__call">Call {formatClock(new Date(session.callAt), timeZone)}</span> : null}
        {isNow ? <span className="session-row__now">Now</span> : null}
      </div>
      <div className="session-row__main">
        <h3 className="session-row__title">
          {/* The link covers the whole row (see CSS), so a click anywhere or Enter opens the board. */}
          <Link to={`/sessions/${session.id}`} className="session-row__link">
            {session.title}
          </Link>
        </h3>
        <p className="session-row__project">
          {session.project.artist} – {session.project.title}
        </p>
      </div>
      <p className="session-row__room">
        <span className="visually-hidden">Room: </span>
        {session.room.name}
      </p>
      <dl className="session-row__people">
        <div>
          <dt>Producer</dt>
          <dd className={session.producer ? undefined : 'session-row__nobody'}>{session.producer?.name ?? 'None'}</dd>
        </div>
        <div>
          <dt>Engineer</dt>
          <dd className={session.engineer ? undefined : 'session-row__nobody'}>{session.engineer?.name ?? 'None'}</dd>
        </div>
      </dl>
      <div className="session-row__state">
        <SessionStatusBadge status={session.status} />
        <HoldTag session={session} timeZone={timeZone} />
        <ProgressMeter done={done} total={total} unit="tasks done" label="Tasks" />
        {session.setup && session.setup.total > 0 ? (
          <ProgressMeter done={session.setup.done} total={session.setup.total} unit="setup checked" empty="" label="Setup list" />
        ) : null}
      </div>
    </li>
  );
}
