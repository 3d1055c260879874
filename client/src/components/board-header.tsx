import type { Session } from '@patchbay/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LiveStatus } from '../board/use-live-board';
import { formatClock } from '@patchbay/shared/domain/time-zone';
import { dayKey, formatDay, formatWindow, zoneAbbreviation } from '../lib/time';
import { HoldTag } from './hold-control';
import { ConnectionIndicator } from './connection-indicator';
import { ProgressMeter } from './progress-meter';
import { SessionStatusBadge } from './status-badge';
import './board-header.css';

/** "Tue 24 Nov · 09:00–21:00", or both days when the session runs past midnight. */
function sessionWhen(session: Session, timeZone: string): string {
  const start = new Date(session.startsAt);
  const end = new Date(session.endsAt);
  const window = formatWindow(start, end, timeZone);
  const sameDay = dayKey(start, timeZone) === dayKey(end.getTime() - 1, timeZone);
  const when = sameDay ? `${formatDay(start, timeZone)} · ${window}` : window;
  // Staff arrive at the call time: prep starts then.
  return session.prepMinutes > 0 ? `${when} · call ${formatClock(new Date(session.callAt), timeZone)}` : when;
}

export interface BoardHeaderProps {
  session: Session;
  timeZone: string;
  live: LiveStatus;
  liveDetail: string | null;
  done: number;
  total: number;
  /** Setup list lines checked off (null: not shown to this viewer). */
  setup?: { done: number; total: number } | null;
  /** The session's views (board, setup list, run sheet). */
  tabs?: ReactNode;
  /** Who else is viewing the board. */
  presence?: ReactNode;
  /** Buttons for the board (e.g. "New task"), at the right of the title. */
  actions?: ReactNode;
  /** Start / wrap / reopen the session, next to its status. */
  statusControl?: ReactNode;
  /** The producer's note to the artist, for people who may edit the session (under the facts). */
  artistNote?: ReactNode;
  /** A held session's confirm / release controls (the hold's tag shows without them). */
  holdControl?: ReactNode;
}

export function BoardHeader({ session, timeZone, live, liveDetail, done, total, setup = null, tabs, presence, actions, statusControl, artistNote, holdControl }: BoardHeaderProps) {
  return (
    <header className="board-header">
      <nav className="board-header__crumbs" aria-label="Breadcrumb">
        <Link to="/sessions">Sessions</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{session.title}</span>
      </nav>
      <div className="board-header__top">
        <div className="board-header__titles">
          <div className="board-header__title-row">
            <h1 className="board-header__title">{session.title}</h1>
            <SessionStatusBadge status={session.status} />
            {statusControl}
            {holdControl ?? <HoldTag session={session} timeZone={timeZone} />}
          </div>
          <p className="board-header__project">
            {session.project.artist} – {session.project.title}
          </p>
        </div>
        <div className="board-header__state">
          {presence}
          <ConnectionIndicator status={live} detail={liveDetail} />
          {actions ? <div className="board-header__actions">{actions}</div> : null}
        </div>
      </div>
      <dl className={`board-header__facts${setup ? ' board-header__facts--setup' : ''}`}>
        <div className="board-header__fact">
          <dt>When</dt>
          <dd>
            {sessionWhen(session, timeZone)} <span className="board-header__zone">{zoneAbbreviation(timeZone, new Date(session.startsAt))}</span>
          </dd>
        </div>
        <div className="board-header__fact">
          <dt>Room</dt>
          <dd>{session.room.name}</dd>
        </div>
        <div className="board-header__fact">
          <dt>Producer</dt>
          <dd className={session.producer ? undefined : 'board-header__nobody'}>{session.producer?.name ?? 'None'}</dd>
        </div>
        <div className="board-header__fact">
          <dt>Engineer</dt>
          <dd className={session.engineer ? undefined : 'board-header__nobody'}>{session.engineer?.name ?? 'None'}</dd>
        </div>
        <div className="board-header__fact board-header__fact--progress">
          <dt>Tasks</dt>
          <dd>
            <ProgressMeter done={done} total={total} />
          </dd>
        </div>
        {setup ? (
          <div className="board-header__fact board-header__fact--progress">
            <dt>Setup</dt>
            <dd>
              <ProgressMeter done={setup.done} total={setup.total} unit="checked" empty="No setup list" />
            </dd>
          </div>
        ) : null}
      </dl>
      {artistNote}
      {tabs}
    </header>
  );
}
