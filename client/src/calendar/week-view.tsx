import type { Session } from '@patchbay/shared';
import { useDroppable } from '@dnd-kit/core';
import { localDateKey, localDateOf, type LocalDate } from '@patchbay/shared/domain/time-zone';
import type { KeyboardEvent, ReactNode } from 'react';
import { dayLabel, sameDate, viewRange } from './calendar-range';
import { WeekBlock } from './session-block';
import { sessionDescription } from './session-words';
import type { MoveDraft } from './use-calendar-move';

export const CELL_PREFIX = 'cell:';
export const cellId = (roomId: string, date: LocalDate) => `${CELL_PREFIX}${roomId}:${localDateKey(date)}`;

interface RoomRef {
  id: string;
  name: string;
}

function Cell({ roomId, date, today, target, children }: { roomId: string; date: LocalDate; today: boolean; target: boolean; children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: cellId(roomId, date), data: { roomId, date } });
  return (
    <div ref={setNodeRef} className={`cal-week__cell${today ? ' cal-week__cell--today' : ''}${target ? ' cal-week__cell--target' : ''}`} data-date={localDateKey(date)} data-room-id={roomId}>
      {children}
    </div>
  );
}

/** Rooms as rows against the seven days of an ISO week; a day's heading opens that day. */
export function WeekView({
  days,
  today,
  timeZone,
  rooms,
  sessions,
  draft,
  ghostState,
  ghostNote,
  savingIds,
  canMove,
  onOpenDay,
  onOpen,
  onBlockKeyDown,
  describedBy,
}: {
  days: readonly LocalDate[];
  today: LocalDate;
  timeZone: string;
  rooms: readonly RoomRef[];
  sessions: readonly Session[];
  draft: MoveDraft | null;
  ghostState: 'free' | 'conflict' | 'checking';
  ghostNote: string | null;
  savingIds: ReadonlySet<string>;
  canMove: (session: Session) => boolean;
  onOpenDay: (date: LocalDate) => void;
  onOpen: (session: Session) => void;
  onBlockKeyDown: (event: KeyboardEvent<HTMLElement>, session: Session) => void;
  describedBy: string;
}) {
  const weekStart = days[0] ? viewRange('day', days[0], timeZone).from.getTime() : 0;
  // Each session once: on the day it starts (or the week's Monday when it began before).
  const dayOf = (s: Session) => (Date.parse(s.startsAt) < weekStart ? days[0]! : localDateOf(new Date(s.startsAt), timeZone));
  const draftDay = draft ? localDateOf(draft.startsAt, timeZone) : null;
  return (
    <div className="cal-week" style={{ ['--cal-days' as string]: days.length }}>
      <div className="cal-week__head">
        <div className="cal-week__corner">Room</div>
        {days.map((d) => (
          <button key={localDateKey(d)} type="button" className={`cal-week__day${sameDate(d, today) ? ' cal-week__day--today' : ''}`} onClick={() => onOpenDay(d)} aria-label={`${dayLabel(d)}${sameDate(d, today) ? ' (today)' : ''}: open the day`}>
            {dayLabel(d)}
          </button>
        ))}
      </div>
      {rooms.map((room) => (
        <div key={room.id} className="cal-week__row" role="group" aria-label={room.name}>
          <div className="cal-week__room">{room.name}</div>
          {days.map((d) => {
            const here = sessions.filter((s) => s.room.id === room.id && sameDate(dayOf(s), d)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
            const target = Boolean(draft && draftDay && draft.roomId === room.id && sameDate(draftDay, d));
            return (
              <Cell key={localDateKey(d)} roomId={room.id} date={d} today={sameDate(d, today)} target={target}>
                {here.map((s) => (
                  <WeekBlock
                    key={s.id}
                    session={s}
                    all={sessions}
                    timeZone={timeZone}
                    label={sessionDescription(s, sessions, timeZone)}
                    describedBy={describedBy}
                    canMove={canMove(s)}
                    lifted={draft?.session.id === s.id}
                    saving={savingIds.has(s.id)}
                    onOpen={onOpen}
                    onKeyDown={onBlockKeyDown}
                  />
                ))}
                {target && draft ? (
                  <div className={`cal-ghost cal-ghost--inline cal-ghost--${ghostState}`} aria-hidden="true">
                    <span className="cal-ghost__time">{draft.session.title}</span>
                    {ghostNote ? <span className="cal-ghost__note">{ghostNote}</span> : null}
                  </div>
                ) : null}
              </Cell>
            );
          })}
        </div>
      ))}
    </div>
  );
}
