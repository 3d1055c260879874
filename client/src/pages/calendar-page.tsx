import type { Session } from '@patchbay/shared';
import { SESSION_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { addDays, formatClock, formatDay, formatWindow, localDateKey, localDateOf, type LocalDate } from '@patchbay/shared/domain/time-zone';
import { DndContext, MouseSensor, pointerWithin, TouchSensor, useSensor, useSensors, type DragEndEvent, type DragMoveEvent, type DragStartEvent } from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useUrlState } from '../lib/use-url-state';
import { useApi } from '../api/api-context';
import { queryKeys, useSessions, useStudio, useTemplates } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { BookSessionForm } from '../components/book-session-form';
import { ConnectionIndicator } from '../components/connection-indicator';
import { Dialog } from '../components/dialog';
import { FilterChips } from '../components/filter-chips';
import { holdIsOpen, useHoldActions } from '../components/hold-control';
import { useNotices } from '../components/notices';
import { PageError, PageLoading } from '../components/page-state';
import { zoneAbbreviation } from '../lib/time';
import { calendarState, clockOf, parseDateKey, DAY_MINUTES, dayLabel, instantAt, sameDate, SLOT_MINUTES, viewRange, wallMinutes, weekDays, weekLabel, type CalendarView } from '../calendar/calendar-range';
import { DayView, PX_PER_MINUTE, type SlotSelection } from '../calendar/day-view';
import { noteDragEnd, type DragData } from '../calendar/session-block';
import { holdLabel, movable, peopleWords, setupWords } from '../calendar/session-words';
import { useCalendarMove, type MoveDraft } from '../calendar/use-calendar-move';
import { WeekView } from '../calendar/week-view';
import { useWorkloadLive } from '../workload/use-workload-live';
import { bookableProjectIds } from './sessions-page';
import './calendar-page.css';

const MINUTE = 60_000;
const VIEW_OPTIONS = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
] as const;

const INSTRUCTIONS =
  'Press Enter or M to pick the session up; then the up and down arrows move it 15 minutes, left and right move it to the next room (day view) or day (week view), Shift with up or down changes its end. Enter drops it there, Escape leaves it where it was. Space shows its details.';

/** The current minute, refreshed every 30 s (the "now" line). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The studio calendar: rooms against time for a day or a week, in the studio's time zone.
 * Book by selecting a slot, move or resize by drag or keyboard with the booking check shown
 * before the drop; live through the studio's workload channel.
 */
export function CalendarPage() {
  const me = useMe();
  const api = useApi();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const timeZone = me.studio.timezone;
  const [params, set] = useUrlState({ replace: false });
  const now = useNow();
  const { view, date, today } = calendarState(params, timeZone, new Date(now));
  const dateKey = localDateKey(date);
  const studio = useStudio();
  const shownRange = viewRange(view, date, timeZone);
  // The query key is compared by value: a new object each render asks nothing new.
  const sessions = useSessions({ from: shownRange.from.toISOString(), to: shownRange.to.toISOString() });
  const live = useWorkloadLive(permissions.can('workload.viewOwn'), { alsoRefresh: [queryKeys.allSessions] });
  const [showCancelled, setShowCancelled] = useState(false);
  const [selection, setSelection] = useState<SlotSelection | null>(null);
  const [details, setDetails] = useState<Session | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const instructionsId = useId();

  const rooms = useMemo(() => studio.data?.rooms ?? [], [studio.data]);
  const canCheck = permissions.can('sessions.create');
  const move = useCalendarMove({ rooms, timeZone, canCheck });
  const bookable = studio.data ? bookableProjectIds(studio.data, me.member.id, permissions) : [];
  const templates = useTemplates({ enabled: selection !== null });

  const shown = useMemo(() => {
    const placed = move.place(sessions.data ?? []);
    return showCancelled ? placed : placed.filter((s) => s.status !== 'CANCELLED');
  }, [move, sessions.data, showCancelled]);
  const cancelledCount = (sessions.data ?? []).filter((s) => s.status === 'CANCELLED').length;
  const savingIds = useMemo(() => new Set((sessions.data ?? []).filter((s) => shown.find((x) => x.id === s.id && (x.startsAt !== s.startsAt || x.room.id !== s.room.id || x.endsAt !== s.endsAt))).map((s) => s.id)), [sessions.data, shown]);

  const leads = (s: Session) => studio.data?.projects.find((p) => p.id === s.project.id)?.leadProducerId === me.member.id;
  const canEdit = (s: Session) => permissions.can('sessions.edit', { leadsProject: leads(s), staffsSession: s.producer?.id === me.member.id || s.engineer?.id === me.member.id });
  const canMove = (s: Session) => movable(s) && canEdit(s);

  const goTo = (nextView: CalendarView, nextDate: LocalDate) => {
    move.cancel();
    setSelection(null);
    set({ view: nextView === 'day' ? null : 'week', date: sameDate(nextDate, today) ? null : localDateKey(nextDate) });
  };
  const step = view === 'day' ? 1 : 7;

  // Drags (dnd-kit): a mouse after a few pixels, a finger after a short press (so a swipe still scrolls).
  const sensors = useSensors(useSensor(MouseSensor, { activationConstraint: { distance: 5 } }), useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }));
  const dragOrigin = useRef<Session | null>(null);
  const draftFromDrag = (event: DragMoveEvent | DragEndEvent): MoveDraft | null => {
    const session = dragOrigin.current;
    const data = event.active.data.current as DragData | undefined;
    if (!session || !data) return null;
    const minutes = Math.round(event.delta.y / PX_PER_MINUTE / SLOT_MINUTES) * SLOT_MINUTES;
    const start = Date.parse(session.startsAt);
    const end = Date.parse(session.endsAt);
    if (data.mode === 'resize') {
      const nextEnd = Math.max(start + SLOT_MINUTES * MINUTE, end + minutes * MINUTE);
      return { session, startsAt: new Date(start), endsAt: new Date(nextEnd), roomId: session.room.id, mode: 'resize', via: 'pointer' };
    }
    const over = targetUnder(event);
    const roomId = over?.roomId ?? session.room.id;
    if (view === 'week') {
      if (!over?.date) return { session, startsAt: new Date(start), endsAt: new Date(end), roomId, mode: 'move', via: 'pointer' };
      const nextStart = instantAt(over.date, wallMinutes(start, timeZone), timeZone).getTime();
      return { session, startsAt: new Date(nextStart), endsAt: new Date(nextStart + end - start), roomId, mode: 'move', via: 'pointer' };
    }
    return { session, startsAt: new Date(start + minutes * MINUTE), endsAt: new Date(end + minutes * MINUTE), roomId, mode: 'move', via: 'pointer' };
  };
  /** The room column or week cell under the pointer, measured now (the grid may have scrolled). */
  const targetUnder = (event: DragMoveEvent | DragEndEvent): { roomId?: string; date?: LocalDate } | undefined => {
    const start = event.activatorEvent as MouseEvent | TouchEvent;
    const point = 'touches' in start ? start.touches[0] : start;
    if (point && typeof document.elementsFromPoint === 'function') {
      const el = document.elementsFromPoint(point.clientX + event.delta.x, point.clientY + event.delta.y).find((e) => e.matches('.cal-day__column, .cal-week__cell'));
      if (el instanceof HTMLElement && el.dataset.roomId) return { roomId: el.dataset.roomId, date: el.dataset.date ? parseDateKey(el.dataset.date) ?? undefined : undefined };
    }
    return event.over?.data.current as { roomId?: string; date?: LocalDate } | undefined;
  };
  const sameDraft = (a: MoveDraft | null, b: MoveDraft | null) => a?.startsAt.getTime() === b?.startsAt.getTime() && a?.endsAt.getTime() === b?.endsAt.getTime() && a?.roomId === b?.roomId;
  const onDragStart = (event: DragStartEvent) => {
    const data = event.active.data.current as DragData | undefined;
    const session = shown.find((s) => s.id === data?.sessionId);
    if (!session || !data) return;
    dragOrigin.current = session;
    setSelection(null);
    move.begin({ session, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt), roomId: session.room.id, mode: data.mode, via: 'pointer' });
  };
  const onDragMove = (event: DragMoveEvent) => {
    const next = draftFromDrag(event);
    if (next && !sameDraft(next, move.draft)) move.update(next);
  };
  const onDragEnd = (event: DragEndEvent) => {
    noteDragEnd();
    const next = draftFromDrag(event);
    dragOrigin.current = null;
    if (next && !sameDraft(next, move.draft)) move.update(next);
    void move.drop();
  };
  const onDragCancel = () => {
    noteDragEnd();
    dragOrigin.current = null;
    move.cancel();
  };

  // The keyboard path: pick up, step, drop; the live region says where it is after every step.
  const focusBlock = (id: string) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-session-id="${id}"]`)?.focus());
  const onBlockKeyDown = (event: KeyboardEvent<HTMLElement>, session: Session) => {
    const draft = move.draft;
    if (!draft || draft.session.id !== session.id) {
      if ((event.key === 'Enter' || event.key === 'm' || event.key === 'M') && canMove(session)) {
        event.preventDefault();
        setSelection(null);
        move.begin({ session, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt), roomId: session.room.id, mode: 'move', via: 'keyboard' });
      } else if (event.key === ' ' || (event.key === 'Enter' && !canMove(session))) {
        event.preventDefault();
        setDetails(session);
      }
      return;
    }
    const start = draft.startsAt.getTime();
    const end = draft.endsAt.getTime();
    const shift = (ms: number) => move.update({ ...draft, startsAt: new Date(start + ms), endsAt: new Date(end + ms), mode: 'move' });
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        const sign = event.key === 'ArrowUp' ? -1 : 1;
        if (event.shiftKey) move.update({ ...draft, endsAt: new Date(Math.max(start + SLOT_MINUTES * MINUTE, end + sign * SLOT_MINUTES * MINUTE)), mode: 'resize' });
        else shift(sign * SLOT_MINUTES * MINUTE);
        break;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        const sign = event.key === 'ArrowLeft' ? -1 : 1;
        if (view === 'day') {
          const index = rooms.findIndex((r) => r.id === draft.roomId);
          const next = rooms[Math.min(rooms.length - 1, Math.max(0, index + sign))];
          if (next) move.update({ ...draft, roomId: next.id, mode: 'move' });
        } else {
          const day = addDays(localDateOf(draft.startsAt, timeZone), sign);
          const nextStart = instantAt(day, wallMinutes(start, timeZone), timeZone).getTime();
          move.update({ ...draft, startsAt: new Date(nextStart), endsAt: new Date(nextStart + end - start), mode: 'move' });
        }
        break;
      }
      case 'Enter':
      case ' ':
        void move.drop().then(() => focusBlock(session.id));
        break;
      case 'Escape':
        move.cancel();
        break;
      case 'Tab':
        move.cancel();
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const ghostState = move.check.phase === 'ready' && move.check.check.conflicts.length > 0 ? 'conflict' : move.check.phase === 'checking' ? 'checking' : 'free';
  const ghostNote = !move.draft
    ? null
    : move.check.phase === 'ready'
      ? move.check.check.conflicts.length > 0
        ? move.check.check.conflicts.map((c) => c.message).join(' ')
        : 'Free'
      : move.check.phase === 'checking'
        ? 'Checking…'
        : null;

  const openSelection = (next: SlotSelection) => {
    move.cancel();
    setSelection(next);
    requestAnimationFrame(() => formRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  };
  const closeBooking = () => setSelection(null);

  const nowMinute = sameDate(date, today) ? wallMinutes(now, timeZone) : null;
  const heading = view === 'day' ? `${dayLabel(date)}${sameDate(date, today) ? ' · Today' : ''}` : weekLabel(date);
  const zone = `${timeZone.replaceAll('_', ' ')} (${zoneAbbreviation(timeZone, shownRange.from)})`;

  return (
    <div className="calendar-page">
      <title>{`Calendar · ${heading} · Patchbay`}</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">Calendar</h1>
          <p className="page-heading__sub">
            {me.studio.name} · rooms against time, in studio time: {zone}
          </p>
        </div>
        <ConnectionIndicator status={live} subject="the calendar" />
      </div>

      <div className="cal-toolbar">
        <nav className="cal-toolbar__nav" aria-label={view === 'day' ? 'Days shown' : 'Weeks shown'}>
          <button type="button" className="button button--small" onClick={() => goTo(view, addDays(date, -step))}>
            <span aria-hidden="true">←</span> Previous<span className="visually-hidden"> {view}</span>
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => goTo(view, today)} disabled={view === 'day' ? sameDate(date, today) : weekLabel(date) === weekLabel(today)}>
            Today
          </button>
          <button type="button" className="button button--small" onClick={() => goTo(view, addDays(date, step))}>
            Next<span className="visually-hidden"> {view}</span> <span aria-hidden="true">→</span>
          </button>
          <h2 className="cal-toolbar__date" aria-live="polite">
            {heading}
          </h2>
        </nav>
        <FilterChips<CalendarView> label="View" options={VIEW_OPTIONS} value={view} onChange={(v) => goTo(v, date)} />
        {cancelledCount > 0 ? (
          <label className="cal-toolbar__toggle">
            <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} /> Show cancelled ({cancelledCount})
          </label>
        ) : null}
      </div>

      <p id={instructionsId} className="visually-hidden">
        {INSTRUCTIONS}
      </p>
      <div className={`cal-status${move.draft ? ' cal-status--moving' : ''}${ghostState === 'conflict' && move.draft ? ' cal-status--conflict' : ''}`} role="status" aria-live="assertive" aria-atomic="true">
        {move.announcement}
      </div>

      {selection && studio.data ? (
        <div ref={formRef} className="cal-booking">
          <BookSessionForm
            key={`${selection.roomId}:${selection.start}:${selection.end}:${dateKey}`}
            studio={studio.data}
            projectIds={bookable}
            templates={templates.data ?? []}
            defaults={{
              roomId: selection.roomId,
              date: dateKey,
              startTime: clockOf(selection.start),
              endTime: clockOf(selection.end),
              ...(selection.end >= DAY_MINUTES ? { endsNextDay: true } : {}),
              ...(bookable.length === 1 ? { projectId: bookable[0] } : {}),
            }}
            onCreate={(input) => api.createSession(input)}
            onSaved={(session) => {
              setSelection(null);
              void queryClient.invalidateQueries({ queryKey: queryKeys.allSessions });
              void queryClient.invalidateQueries({ queryKey: queryKeys.allWorkload });
              void queryClient.invalidateQueries({ queryKey: queryKeys.allAgenda });
              notify({ tone: 'success', title: `Booked “${session.title}”.`, message: `${session.room.name}, ${formatDay(new Date(session.startsAt), timeZone)} ${formatWindow(new Date(session.startsAt), new Date(session.endsAt), timeZone)}.` });
            }}
            onCancel={closeBooking}
          />
        </div>
      ) : null}

      {studio.isPending || sessions.isPending ? (
        <PageLoading label="Loading the calendar…" />
      ) : studio.isError || (sessions.isError && !sessions.data) ? (
        <PageError
          title="Couldn't load the calendar"
          error={studio.error ?? sessions.error}
          action={
            <button type="button" className="button" onClick={() => void (studio.isError ? studio.refetch() : sessions.refetch())}>
              Try again
            </button>
          }
        />
      ) : rooms.length === 0 ? (
        <p className="cal-empty">The studio has no rooms yet: add them under Studio → Rooms.</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={pointerWithin}
          onDragStart={onDragStart}
          onDragMove={onDragMove}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
          accessibility={{ announcements: { onDragStart: () => undefined, onDragMove: () => undefined, onDragOver: () => undefined, onDragEnd: () => undefined, onDragCancel: () => undefined }, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
        >
          <div className="cal-frame" aria-busy={sessions.isFetching}>
            {view === 'day' ? (
              <DayView
                date={date}
                timeZone={timeZone}
                rooms={rooms}
                sessions={shown}
                nowMinute={nowMinute}
                draft={move.draft}
                ghostState={ghostState}
                ghostNote={ghostNote}
                savingIds={savingIds}
                canBook={bookable.length > 0}
                canMove={canMove}
                selection={selection}
                onSelect={openSelection}
                onOpen={setDetails}
                onBlockKeyDown={onBlockKeyDown}
                describedBy={instructionsId}
              />
            ) : (
              <WeekView
                days={weekDays(date)}
                today={today}
                timeZone={timeZone}
                rooms={rooms}
                sessions={shown}
                draft={move.draft}
                ghostState={ghostState}
                ghostNote={ghostNote}
                savingIds={savingIds}
                canMove={canMove}
                onOpenDay={(d) => goTo('day', d)}
                onOpen={setDetails}
                onBlockKeyDown={onBlockKeyDown}
                describedBy={instructionsId}
              />
            )}
          </div>
        </DndContext>
      )}
      <CalendarLegend />
      {details ? <SessionDetails session={shown.find((s) => s.id === details.id) ?? details} all={shown} timeZone={timeZone} canEdit={canEdit(details)} onClose={() => setDetails(null)} /> : null}
    </div>
  );
}

function CalendarLegend() {
  return (
    <ul className="cal-legend" aria-label="Legend">
      <li>
        <span className="cal-legend__swatch cal-legend__swatch--confirmed" aria-hidden="true" /> Confirmed
      </li>
      <li>
        <span className="cal-legend__swatch cal-legend__swatch--first" aria-hidden="true" /> 1st hold
      </li>
      <li>
        <span className="cal-legend__swatch cal-legend__swatch--second" aria-hidden="true" /> 2nd hold (beside the 1st)
      </li>
      <li>
        <span className="cal-legend__swatch cal-legend__swatch--ended" aria-hidden="true" /> Released or expired hold
      </li>
      <li>
        <span className="cal-legend__swatch cal-legend__swatch--prep" aria-hidden="true" /> Prep and teardown
      </li>
    </ul>
  );
}

/** A session's details: what the block shows in full, its board, and its hold's next step. */
function SessionDetails({ session, all, timeZone, canEdit, onClose }: { session: Session; all: readonly Session[]; timeZone: string; canEdit: boolean; onClose: () => void }) {
  const hold = holdLabel(session, all);
  const setup = setupWords(session);
  const live = holdIsOpen(session);
  const { busy, confirm, release } = useHoldActions(session, onClose);
  return (
    <Dialog
      title={session.title}
      description={`${session.room.name} · ${formatDay(new Date(session.startsAt), timeZone)} ${formatWindow(new Date(session.startsAt), new Date(session.endsAt), timeZone)}`}
      onClose={onClose}
      className="cal-details"
      footer={
        <>
          {canEdit && live ? (
            <>
              <button type="button" className="button button--small" disabled={busy} onClick={() => void release()}>
                Release hold
              </button>
              <button type="button" className="button button--small" disabled={busy} onClick={() => void confirm()}>
                Confirm
              </button>
            </>
          ) : null}
          <Link className="button button--primary button--small" to={`/sessions/${session.id}`} data-autofocus>
            Open the board
          </Link>
        </>
      }
    >
      <dl className="cal-details__list">
        <dt>Artist – project</dt>
        <dd>
          {session.project.artist} – {session.project.title}
        </dd>
        <dt>People</dt>
        <dd>{peopleWords(session)}</dd>
        <dt>Call – clear</dt>
        <dd>
          {formatClock(new Date(session.callAt), timeZone)} – {formatClock(new Date(session.clearAt), timeZone)} ({session.prepMinutes} min prep, {session.teardownMinutes} min teardown)
        </dd>
        <dt>Status</dt>
        <dd>
          {SESSION_STATUS_LABELS[session.status]}
          {hold ? ` · ${hold}` : ''}
          {live && session.holdUntil ? ` until ${formatDay(new Date(session.holdUntil), timeZone)} ${formatClock(new Date(session.holdUntil), timeZone)}` : ''}
        </dd>
        {setup ? (
          <>
            <dt>Setup list</dt>
            <dd>{setup}</dd>
          </>
        ) : null}
      </dl>
    </Dialog>
  );
}
