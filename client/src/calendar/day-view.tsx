import type { Session } from '@patchbay/shared';
import { useDroppable } from '@dnd-kit/core';
import type { LocalDate } from '@patchbay/shared/domain/time-zone';
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { assignLanes, clockOf, CLICK_SELECTION_MINUTES, DAY_MINUTES, daySpan, SLOT_MINUTES, visibleHours, type DaySpan } from './calendar-range';
import { DayBlock } from './session-block';
import { sessionDescription } from './session-words';
import type { MoveDraft } from './use-calendar-move';

/** Pixels per minute of the day grid: an hour is 48 px, a 15-minute slot 12 px. */
export const PX_PER_MINUTE = 0.8;
export const ROOM_PREFIX = 'room:';

export interface SlotSelection {
  roomId: string;
  start: number;
  end: number;
}

interface RoomRef {
  id: string;
  name: string;
}

const RANK = { CONFIRMED: 0, FIRST_HOLD: 0, EXPIRED: 1, RELEASED: 1, SECOND_HOLD: 2 } as const;

export interface DayViewProps {
  date: LocalDate;
  timeZone: string;
  rooms: readonly RoomRef[];
  sessions: readonly Session[];
  /** The current minute of the day when the day is today, else null. */
  nowMinute: number | null;
  draft: MoveDraft | null;
  /** The draft has conflicts (the ghost is red) / is being checked. */
  ghostState: 'free' | 'conflict' | 'checking';
  ghostNote: string | null;
  savingIds: ReadonlySet<string>;
  canBook: boolean;
  canMove: (session: Session) => boolean;
  selection: SlotSelection | null;
  onSelect: (selection: SlotSelection) => void;
  onOpen: (session: Session) => void;
  onBlockKeyDown: (event: KeyboardEvent<HTMLElement>, session: Session) => void;
  describedBy: string;
}

/** One room's column: a droppable for moves, and the surface slots are selected on. */
function RoomColumn({
  room,
  first,
  last,
  children,
  canBook,
  onSelect,
  selection,
}: {
  room: RoomRef;
  first: number;
  last: number;
  children: ReactNode;
  canBook: boolean;
  onSelect: (selection: SlotSelection) => void;
  selection: SlotSelection | null;
}) {
  const { setNodeRef } = useDroppable({ id: `${ROOM_PREFIX}${room.id}`, data: { roomId: room.id } });
  const surface = useRef<HTMLDivElement | null>(null);
  const [pressing, setPressing] = useState<{ anchor: number; current: number; touch: boolean; pointerId: number } | null>(null);
  const minuteAt = (clientY: number) => {
    const top = surface.current?.getBoundingClientRect().top ?? 0;
    const raw = first + (clientY - top) / PX_PER_MINUTE;
    return Math.min(last - SLOT_MINUTES, Math.max(first, Math.floor(raw / SLOT_MINUTES) * SLOT_MINUTES));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!canBook || e.button !== 0 || e.target !== e.currentTarget) return;
    const minute = minuteAt(e.clientY);
    const touch = e.pointerType === 'touch';
    // A finger scrolls the calendar; a tap (no scroll) selects an hour. A mouse or pen drags out a slot.
    if (!touch) {
      e.preventDefault();
      e.currentTarget.setPointerCapture?.(e.pointerId);
    }
    setPressing({ anchor: minute, current: minute, touch, pointerId: e.pointerId });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!pressing || pressing.touch || e.pointerId !== pressing.pointerId) return;
    const minute = minuteAt(e.clientY);
    if (minute !== pressing.current) setPressing({ ...pressing, current: minute });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!pressing || e.pointerId !== pressing.pointerId) return;
    setPressing(null);
    const { anchor, current } = pressing;
    if (anchor === current) onSelect({ roomId: room.id, start: anchor, end: Math.min(last, anchor + CLICK_SELECTION_MINUTES) });
    else onSelect({ roomId: room.id, start: Math.min(anchor, current), end: Math.max(anchor, current) + SLOT_MINUTES });
  };
  const shown = pressing && !pressing.touch ? { start: Math.min(pressing.anchor, pressing.current), end: Math.max(pressing.anchor, pressing.current) + SLOT_MINUTES } : selection?.roomId === room.id ? selection : null;
  return (
    <div
      ref={(node) => {
        setNodeRef(node);
        surface.current = node;
      }}
      className={`cal-day__column${canBook ? ' cal-day__column--bookable' : ''}`}
      style={{ height: (last - first) * PX_PER_MINUTE }}
      data-room-id={room.id}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setPressing(null)}
    >
      {shown ? (
        <div className="cal-selection" style={{ top: (shown.start - first) * PX_PER_MINUTE, height: (shown.end - shown.start) * PX_PER_MINUTE }} aria-hidden="true">
          {clockOf(shown.start)}–{clockOf(shown.end)}
        </div>
      ) : null}
      {children}
    </div>
  );
}

function ghostSpan(draft: MoveDraft, date: LocalDate, timeZone: string): DaySpan | null {
  const prep = draft.session.prepMinutes * 60_000;
  const teardown = draft.session.teardownMinutes * 60_000;
  return daySpan(
    {
      startsAt: draft.startsAt.toISOString(),
      endsAt: draft.endsAt.toISOString(),
      callAt: new Date(draft.startsAt.getTime() - prep).toISOString(),
      clearAt: new Date(draft.endsAt.getTime() + teardown).toISOString(),
    },
    date,
    timeZone,
  );
}

/** Rooms as columns against the day's hours (studio time), 15-minute grid. */
export function DayView(props: DayViewProps) {
  const { date, timeZone, rooms, sessions, nowMinute, draft, ghostState, ghostNote, savingIds, canBook, canMove, selection, onSelect, onOpen, onBlockKeyDown, describedBy } = props;
  const spans = new Map<string, DaySpan>();
  for (const s of sessions) {
    const span = daySpan(s, date, timeZone);
    if (span) spans.set(s.id, span);
  }
  const ghost = draft ? ghostSpan(draft, date, timeZone) : null;
  const { first, last } = visibleHours([...spans.values(), ...(ghost ? [ghost] : [])]);
  const hours = Array.from({ length: (last - first) / 60 }, (_, i) => first + i * 60);
  const y = (minute: number) => (minute - first) * PX_PER_MINUTE;

  return (
    <div className="cal-day" style={{ ['--cal-rooms' as string]: rooms.length }}>
      <div className="cal-day__head">
        <div className="cal-day__corner" aria-hidden="true" />
        {rooms.map((room) => (
          <div key={room.id} className="cal-day__room">
            <span className="cal-day__room-name">{room.name}</span>
            {canBook ? (
              <button type="button" className="cal-day__book" aria-label={`Book in ${room.name}`} title={`Book in ${room.name}`} onClick={() => onSelect({ roomId: room.id, start: 10 * 60, end: 11 * 60 })}>
                <span aria-hidden="true">+</span>
              </button>
            ) : null}
          </div>
        ))}
      </div>
      <div className="cal-day__body">
        <div className="cal-day__gutter" style={{ height: (last - first) * PX_PER_MINUTE }} aria-hidden="true">
          {hours.map((h) => (
            <span key={h} className="cal-day__hour" style={{ top: y(h) }}>
              {clockOf(h)}
            </span>
          ))}
        </div>
        {rooms.map((room) => {
          const inRoom = sessions.filter((s) => s.room.id === room.id && spans.has(s.id));
          const lanes = assignLanes(inRoom.map((s) => ({ id: s.id, call: spans.get(s.id)!.call, clear: spans.get(s.id)!.clear, rank: RANK[s.hold] })));
          return (
            <RoomColumn key={room.id} room={room} first={first} last={last} canBook={canBook} onSelect={onSelect} selection={selection}>
              {inRoom.map((s) => {
                const span = spans.get(s.id)!;
                const { lane, lanes: count } = lanes.get(s.id) ?? { lane: 0, lanes: 1 };
                const width = 100 / count;
                // A second hold sits beside (and a little narrower than) the first hold it queues behind.
                const inset = s.hold === 'SECOND_HOLD' ? 6 : 0;
                return (
                  <DayBlock
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
                    prepPx={(span.start - span.call) * PX_PER_MINUTE}
                    teardownPx={(span.clear - span.end) * PX_PER_MINUTE}
                    fromBefore={span.fromBefore}
                    continues={span.continues}
                    style={{
                      top: y(span.call),
                      height: Math.max(SLOT_MINUTES, span.clear - span.call) * PX_PER_MINUTE,
                      left: `calc(${lane * width}% + ${inset}px)`,
                      width: `calc(${width}% - ${inset + 3}px)`,
                    }}
                  />
                );
              })}
              {draft && ghost && draft.roomId === room.id ? (
                <div className={`cal-ghost cal-ghost--${ghostState}`} style={{ top: y(ghost.call), height: Math.max(SLOT_MINUTES, ghost.clear - ghost.call) * PX_PER_MINUTE }} aria-hidden="true">
                  <span className="cal-ghost__time">
                    {clockOf(ghost.start)}–{ghost.end === DAY_MINUTES ? '24:00' : clockOf(ghost.end)}, {room.name}
                  </span>
                  {ghostNote ? <span className="cal-ghost__note">{ghostNote}</span> : null}
                </div>
              ) : null}
              {nowMinute !== null && nowMinute >= first && nowMinute <= last ? <div className="cal-now" style={{ top: y(nowMinute) }} aria-hidden="true" /> : null}
            </RoomColumn>
          );
        })}
      </div>
    </div>
  );
}
