import type { Session } from '@patchbay/shared';
import { SESSION_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { formatClock, formatWindow } from '@patchbay/shared/domain/time-zone';
import { useDraggable } from '@dnd-kit/core';
import type { CSSProperties, KeyboardEvent, MouseEvent } from 'react';
import { holdLabel, setupWords } from './session-words';

export const MOVE_PREFIX = 'move:';
export const RESIZE_PREFIX = 'resize:';

export interface DragData {
  sessionId: string;
  mode: 'move' | 'resize';
}

const holdClass = (session: Session) => `cal-block--hold-${session.hold.toLowerCase().replaceAll('_', '-')}`;

function classes(session: Session, extra: (string | false | null | undefined)[]): string {
  return ['cal-block', holdClass(session), `cal-block--${session.status.toLowerCase().replaceAll('_', '-')}`, ...extra].filter(Boolean).join(' ');
}

interface BlockProps {
  session: Session;
  all: readonly Session[];
  timeZone: string;
  /** Accessible name: everything the block shows. */
  label: string;
  describedBy: string;
  canMove: boolean;
  /** Being moved (drawn faded; the ghost shows where it goes). */
  lifted: boolean;
  saving: boolean;
  onOpen: (session: Session) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>, session: Session) => void;
}

/** dnd-kit handles for the block (move) and, in the day view, its bottom edge (resize). */
function useBlockDrag(session: Session, canMove: boolean) {
  const { setNodeRef: moveRef, listeners: moveListeners } = useDraggable({ id: `${MOVE_PREFIX}${session.id}`, data: { sessionId: session.id, mode: 'move' } satisfies DragData, disabled: !canMove });
  const { setNodeRef: resizeRef, listeners: resizeListeners } = useDraggable({ id: `${RESIZE_PREFIX}${session.id}`, data: { sessionId: session.id, mode: 'resize' } satisfies DragData, disabled: !canMove });
  return { moveRef, moveListeners, resizeRef, resizeListeners };
}

/** A click right after a drag is the drag's end, not a request to open the session. */
let lastDragEnd = 0;
export function noteDragEnd() {
  lastDragEnd = Date.now();
}
function openUnlessDragged(onOpen: () => void) {
  return (event: MouseEvent) => {
    event.stopPropagation();
    if (Date.now() - lastDragEnd < 250) return;
    onOpen();
  };
}

/** A session in a room column of the day view: prep and teardown as lighter bands around it. */
export function DayBlock({
  session,
  all,
  timeZone,
  label,
  describedBy,
  canMove,
  lifted,
  saving,
  onOpen,
  onKeyDown,
  style,
  prepPx,
  teardownPx,
  fromBefore,
  continues,
}: BlockProps & { style: CSSProperties; prepPx: number; teardownPx: number; fromBefore: boolean; continues: boolean }) {
  const { moveRef, moveListeners, resizeRef, resizeListeners } = useBlockDrag(session, canMove);
  const hold = holdLabel(session, all);
  const setup = setupWords(session);
  const start = new Date(session.startsAt);
  const end = new Date(session.endsAt);
  return (
    <div
      ref={moveRef}
      className={classes(session, [lifted && 'cal-block--lifted', saving && 'cal-block--saving', canMove && 'cal-block--movable'])}
      style={style}
      role="button"
      tabIndex={0}
      aria-describedby={describedBy}
      data-session-id={session.id}
      {...moveListeners}
      onClick={openUnlessDragged(() => onOpen(session))}
      onKeyDown={(e) => onKeyDown(e, session)}
    >
      {/* The name comes from this (what is drawn is hidden from it): no aria-label shorter or longer than the words shown. */}
      <span className="visually-hidden">{label}</span>
      {prepPx > 0 ? (
        <div className="cal-block__prep" style={{ height: prepPx }} aria-hidden="true">
          Call {formatClock(new Date(session.callAt), timeZone)}
        </div>
      ) : null}
      <div className="cal-block__body" aria-hidden="true">
        {fromBefore ? <span className="cal-block__continues">↑ from the day before</span> : null}
        <span className="cal-block__time">{formatWindow(start, end, timeZone)}</span>
        <span className="cal-block__title">{session.title}</span>
        <span className="cal-block__line">
          {session.project.artist} – {session.project.title}
        </span>
        <span className="cal-block__line cal-block__people">
          {[session.producer?.name, session.engineer?.name].filter(Boolean).join(' · ') || 'No one staffed'}
        </span>
        <span className="cal-block__tags">
          {hold ? <span className={`tag cal-hold ${holdClass(session)}`}>{hold}</span> : null}
          {session.status !== 'PLANNED' ? <span className="tag cal-state">{SESSION_STATUS_LABELS[session.status]}</span> : null}
          {setup ? <span className="tag cal-setup">{setup}</span> : null}
        </span>
        {continues ? <span className="cal-block__continues cal-block__continues--after">continues ↓</span> : null}
      </div>
      {teardownPx > 0 ? (
        <div className="cal-block__teardown" style={{ height: teardownPx }} aria-hidden="true">
          Clear {formatClock(new Date(session.clearAt), timeZone)}
        </div>
      ) : null}
      {canMove && !continues ? (
        <div ref={resizeRef} className="cal-block__resize" aria-hidden="true" style={{ bottom: teardownPx }} {...resizeListeners} onClick={(e) => e.stopPropagation()} />
      ) : null}
    </div>
  );
}

/** A session in a cell of the week view: time, title, hold. */
export function WeekBlock({ session, all, timeZone, label, describedBy, canMove, lifted, saving, onOpen, onKeyDown }: BlockProps) {
  const { moveRef, moveListeners } = useBlockDrag(session, canMove);
  const hold = holdLabel(session, all);
  return (
    <div
      ref={moveRef}
      className={classes(session, ['cal-block--compact', lifted && 'cal-block--lifted', saving && 'cal-block--saving', canMove && 'cal-block--movable'])}
      role="button"
      tabIndex={0}
      aria-describedby={describedBy}
      data-session-id={session.id}
      {...moveListeners}
      onClick={openUnlessDragged(() => onOpen(session))}
      onKeyDown={(e) => onKeyDown(e, session)}
    >
      <span className="visually-hidden">{label}</span>
      <span className="cal-block__time" aria-hidden="true">
        {formatWindow(new Date(session.startsAt), new Date(session.endsAt), timeZone)}
      </span>
      <span className="cal-block__title" aria-hidden="true">
        {session.title}
      </span>
      {hold ? (
        <span className={`tag cal-hold ${holdClass(session)}`} aria-hidden="true">
          {hold}
        </span>
      ) : null}
    </div>
  );
}
