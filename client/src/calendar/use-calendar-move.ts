/**
 * Moving and resizing a session on the calendar, by pointer or keyboard: the slot it would
 * land on (the draft), the live booking check of that slot (people and rooms, the session's own
 * time left out), and the save.
 *
 * Dropping on a slot the check found conflicts for does not save: the block snaps back and the
 * notice says why (the conflicts were on screen before the drop, so a confirmation would only
 * be a second "no"). A drop the check had not answered yet, or found free, is saved; the server
 * has the last word (a 409 names the clashes, gear among them) and the block goes back then.
 * While the PATCH is in flight the block is drawn where it was dropped (optimistic).
 */
import type { Room, Session } from '@patchbay/shared';
import { formatDay, formatWindow } from '@patchbay/shared/domain/time-zone';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { bookingConflicts } from '../api/client';
import { ApiError } from '../api/http';
import { queryKeys } from '../api/queries';
import { useNotices } from '../components/notices';
import { useBookingCheck, type BookingCheckState, type BookingQuestion } from '../components/use-booking-check';

export interface MoveDraft {
  session: Session;
  startsAt: Date;
  endsAt: Date;
  roomId: string;
  mode: 'move' | 'resize';
  via: 'pointer' | 'keyboard';
}

interface Placed {
  startsAt: string;
  endsAt: string;
  room: { id: string; name: string };
}

const MINUTE = 60_000;

/** "Wed 2 Dec 11:30–15:30, Live Room A". */
export function slotWords(startsAt: Date, endsAt: Date, roomName: string, timeZone: string): string {
  return `${formatDay(startsAt, timeZone)} ${formatWindow(startsAt, endsAt, timeZone)}, ${roomName}`;
}

/** The session as drawn: at the place it was dropped while that save is in flight. */
export function placedSession(session: Session, placed: Placed | undefined): Session {
  if (!placed) return session;
  const start = Date.parse(placed.startsAt);
  const end = Date.parse(placed.endsAt);
  return {
    ...session,
    startsAt: placed.startsAt,
    endsAt: placed.endsAt,
    callAt: new Date(start - session.prepMinutes * MINUTE).toISOString(),
    clearAt: new Date(end + session.teardownMinutes * MINUTE).toISOString(),
    room: placed.room,
  };
}

export interface CalendarMove {
  draft: MoveDraft | null;
  check: BookingCheckState;
  /** What the live region says (each step while moving, then the outcome). */
  announcement: string;
  begin(draft: MoveDraft): void;
  update(draft: MoveDraft): void;
  cancel(): void;
  /** Saves the draft (or refuses it when the check found conflicts). */
  drop(): Promise<void>;
  /** Sessions with in-flight moves drawn where they were dropped. */
  place(sessions: readonly Session[]): Session[];
}

export function useCalendarMove({ rooms, timeZone, canCheck }: { rooms: readonly Pick<Room, 'id' | 'name'>[]; timeZone: string; canCheck: boolean }): CalendarMove {
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [draft, setDraft] = useState<MoveDraft | null>(null);
  const [outcome, setOutcome] = useState('');
  const [placed, setPlaced] = useState<ReadonlyMap<string, Placed>>(new Map());
  const roomName = useCallback((id: string) => rooms.find((r) => r.id === id)?.name ?? 'another room', [rooms]);

  const question: BookingQuestion | null =
    draft && canCheck
      ? {
          startsAt: draft.startsAt.toISOString(),
          endsAt: draft.endsAt.toISOString(),
          roomId: draft.roomId,
          producerId: draft.session.producer?.id ?? null,
          engineerId: draft.session.engineer?.id ?? null,
          sessionId: draft.session.id,
        }
      : null;
  const check = useBookingCheck(question);
  const latest = useRef({ draft, check });
  useEffect(() => {
    latest.current = { draft, check };
  });

  const begin = useCallback(
    (next: MoveDraft) => {
      setOutcome('');
      setDraft(next);
    },
    [],
  );
  const cancel = useCallback(() => {
    const current = latest.current.draft;
    setDraft(null);
    if (current) setOutcome(`Move cancelled: “${current.session.title}” stays at ${slotWords(new Date(current.session.startsAt), new Date(current.session.endsAt), current.session.room.name, timeZone)}.`);
  }, [timeZone]);

  const drop = useCallback(async () => {
    const { draft: current, check: answer } = latest.current;
    if (!current) return;
    setDraft(null);
    const { session } = current;
    const unchanged = current.startsAt.getTime() === Date.parse(session.startsAt) && current.endsAt.getTime() === Date.parse(session.endsAt) && current.roomId === session.room.id;
    if (unchanged) {
      setOutcome(`“${session.title}” stays where it was.`);
      return;
    }
    const where = slotWords(current.startsAt, current.endsAt, roomName(current.roomId), timeZone);
    if (answer.phase === 'ready' && answer.check.conflicts.length > 0) {
      const why = answer.check.conflicts.map((c) => c.message).join(' ');
      setOutcome(`Not moved: ${why} “${session.title}” stays where it was.`);
      notify({ tone: 'error', title: `“${session.title}” was not moved to ${where}.`, message: why });
      return;
    }
    const target: Placed = { startsAt: current.startsAt.toISOString(), endsAt: current.endsAt.toISOString(), room: { id: current.roomId, name: roomName(current.roomId) } };
    setPlaced((prev) => new Map(prev).set(session.id, target));
    setOutcome(`Saving: “${session.title}” to ${where}…`);
    try {
      const saved = await api.updateSession(session.id, { startsAt: target.startsAt, endsAt: target.endsAt, roomId: current.roomId });
      queryClient.setQueriesData<Session[]>({ queryKey: queryKeys.allSessions }, (old) => (Array.isArray(old) ? old.map((s) => (s.id === saved.id ? saved : s)) : old));
      const verb = current.mode === 'resize' ? 'Changed' : 'Moved';
      const text = current.mode === 'resize' ? `“${saved.title}” now runs ${formatDay(new Date(saved.startsAt), timeZone)} ${formatWindow(new Date(saved.startsAt), new Date(saved.endsAt), timeZone)}.` : `Moved “${saved.title}” to ${formatDay(new Date(saved.startsAt), timeZone)} ${formatWindow(new Date(saved.startsAt), new Date(saved.endsAt), timeZone)}.`;
      setOutcome(`${text} ${saved.room.name}.`);
      notify({ tone: 'success', title: text, message: verb === 'Moved' ? saved.room.name : undefined });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allSessions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allWorkload });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allAgenda });
    } catch (err) {
      const clashes = bookingConflicts(err);
      let why: string;
      if (clashes.length > 0) {
        const gear = clashes.some((c) => c.kind === 'gear');
        why = `${clashes.map((c) => c.message).join(' ')}${gear ? ' (Gear planned on its setup list is taken then.)' : ''}`;
      } else if (err instanceof ApiError && err.status === 403) {
        why = 'You may not move this session.';
      } else {
        why = err instanceof Error ? err.message : 'Something went wrong.';
      }
      setOutcome(`Not moved: ${why} “${session.title}” is back where it was.`);
      notify({ tone: 'error', title: `“${session.title}” was not moved.`, message: why });
    } finally {
      setPlaced((prev) => {
        const next = new Map(prev);
        next.delete(session.id);
        return next;
      });
    }
  }, [api, notify, queryClient, roomName, timeZone]);

  const place = useCallback((sessions: readonly Session[]) => sessions.map((s) => placedSession(s, placed.get(s.id))), [placed]);

  const announcement = useMemo(() => {
    if (!draft) return outcome;
    const where = slotWords(draft.startsAt, draft.endsAt, roomName(draft.roomId), timeZone);
    const lead = `${draft.mode === 'resize' ? 'Resizing' : 'Moving'} “${draft.session.title}”: ${where}.`;
    if (!canCheck) return lead;
    if (check.phase === 'checking') return `${lead} Checking…`;
    if (check.phase === 'failed') return `${lead} Could not check this slot.`;
    if (check.phase === 'ready') {
      const clashes = check.check.conflicts;
      return clashes.length === 0 ? `${lead} Free.` : `${lead} Conflict: ${clashes.map((c) => c.message).join(' ')}`;
    }
    return lead;
  }, [draft, outcome, check, canCheck, roomName, timeZone]);

  return { draft, check, announcement, begin, update: setDraft, cancel, drop, place };
}
