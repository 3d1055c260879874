import type { Session, Task } from '@patchbay/shared';
import { HOLD_LABELS, isLiveHold } from '@patchbay/shared/domain/holds';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError } from '../api/http';
import { bookingConflicts } from '../api/client';
import { queryKeys, useStudio } from '../api/queries';
import { sessionScope } from '../auth/access';
import { useMe, usePermissions } from '../auth/auth-context';
import { useBoardPaused } from '../board/board-paused';
import { formatClock } from '@patchbay/shared/domain/time-zone';
import { formatDay } from '../lib/time';
import { useNotices } from './notices';
import './hold-control.css';

/** "1st hold · release by Thu 3 Dec 18:00 · challenged": what the hold is and until when, in studio time. */
export function holdSummary(session: Pick<Session, 'hold' | 'holdUntil' | 'challengedAt'>, timeZone: string): string {
  const parts: string[] = [HOLD_LABELS[session.hold]];
  if (session.holdUntil && isLiveHold(session.hold)) {
    const until = new Date(session.holdUntil);
    parts.push(`release by ${formatDay(until, timeZone)} ${formatClock(until, timeZone)}`);
  }
  if (session.challengedAt && session.hold === 'FIRST_HOLD') parts.push('challenged: confirm or let go');
  return parts.join(' · ');
}

/** The hold's tag, for lists and headers; nothing for a confirmed session. */
export function HoldTag({ session, timeZone }: { session: Pick<Session, 'hold' | 'holdUntil' | 'challengedAt'>; timeZone: string }) {
  if (session.hold === 'CONFIRMED') return null;
  return <span className={`tag hold-tag hold-tag--${session.hold.toLowerCase().replace('_', '-')}`}>{holdSummary(session, timeZone)}</span>;
}

export interface HoldControlProps {
  session: Session;
  tasks: ReadonlyMap<string, Task>;
  timeZone: string;
  onChanged?: () => void;
}

/**
 * A held session's state and what can be done with it, for the people who may change the session:
 * confirm it (a second hold behind a live first hold challenges the first instead) or let it go.
 * Everyone sees the change live through the board's `session.updated` event.
 */
/**
 * Confirm or release a hold, with the notices and refreshes every view needs: the session
 * lists, the hours and the agenda (a confirmed hold takes time; a released one gives it back).
 * One place for the board header and the calendar.
 */
export function useHoldActions(session: Pick<Session, 'id' | 'title'>, onDone?: () => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [busy, setBusy] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.allSessions });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allWorkload });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allAgenda });
    onDone?.();
  };
  const confirm = async () => {
    setBusy(true);
    try {
      const answer = await api.confirmHold(session.id);
      notify(
        answer.challenged
          ? { tone: 'warning', title: 'First hold challenged', message: 'It has 24 hours to confirm or let the slot go; then this hold moves up.' }
          : { tone: 'success', title: `Confirmed “${session.title}”` },
      );
    } catch (err) {
      const clashes = bookingConflicts(err);
      notify({ tone: 'error', title: "Couldn't confirm", message: clashes.length ? clashes.map((c) => c.message).join(' ') : err instanceof ApiError || err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const release = async () => {
    setBusy(true);
    try {
      await api.releaseHold(session.id);
      notify({ tone: 'success', title: `Released the hold on “${session.title}”` });
    } catch (err) {
      notify({ tone: 'error', title: "Couldn't release the hold", message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return { busy, confirm, release };
}

/** Whether a hold can still be confirmed or released (live and not cancelled). */
export const holdIsOpen = (session: Pick<Session, 'hold' | 'status'>): boolean => isLiveHold(session.hold) && session.status !== 'CANCELLED';

export function HoldControl({ session, tasks, timeZone, onChanged }: HoldControlProps) {
  const me = useMe();
  const permissions = usePermissions();
  const studio = useStudio({ enabled: permissions.can('studio.view') });
  const { busy, confirm, release } = useHoldActions(session, onChanged);
  const paused = useBoardPaused();
  if (session.hold === 'CONFIRMED') return null;
  const scope = sessionScope(me.member.id, session, [...tasks.values()], studio.data?.projects);
  const mayChange = holdIsOpen(session) && permissions.can('sessions.edit', scope);

  return (
    <div className="hold-control" role="group" aria-label="Booking hold">
      <HoldTag session={session} timeZone={timeZone} />
      {mayChange ? (
        <>
          <button type="button" className="button button--small button--primary" disabled={busy || paused} onClick={() => void confirm()}>
            {session.hold === 'SECOND_HOLD' ? 'Confirm (challenges the 1st hold)' : 'Confirm booking'}
          </button>
          <button type="button" className="button button--small button--ghost" disabled={busy || paused} onClick={() => void release()}>
            Release hold
          </button>
        </>
      ) : null}
    </div>
  );
}
