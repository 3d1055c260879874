import type { Session, SessionCommand, Task } from '@patchbay/shared';
import { SESSION_COMMAND_LABELS, notDoneWarning, sessionCommandsFor } from '@patchbay/shared/domain/session-status';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError } from '../api/http';
import { queryKeys, useStudio } from '../api/queries';
import { sessionScope } from '../auth/access';
import { useMe, usePermissions } from '../auth/auth-context';
import { useBoardPaused } from '../board/board-paused';
import { useNotices } from './notices';
import './session-status-control.css';

export interface SessionStatusControlProps {
  session: Session;
  /** The board's tasks by id (a collection, not a one-shot iterator: it is read on every render). */
  tasks: ReadonlyMap<string, Task>;
  /** After a change was sent (e.g. fetch the board's events, so every view shows the new status). */
  onChanged?: () => void;
  /** Large touch targets: the run sheet on a control-room tablet. */
  touch?: boolean;
}

const ICONS: Readonly<Record<SessionCommand, string>> = { start: '▶', wrap: '■', reopen: '↺' };
const DONE: Readonly<Record<SessionCommand, string>> = { start: 'Session started', wrap: 'Session wrapped', reopen: 'Session reopened' };
const FAILED: Readonly<Record<SessionCommand, string>> = { start: "Couldn't start the session", wrap: "Couldn't wrap the session", reopen: "Couldn't reopen the session" };

/**
 * Start, wrap or reopen the session, for the people running it (its producer or engineer, the
 * project's lead, managers). Wrapping with tasks not done asks once ("3 tasks not done. Wrap
 * anyway?"). Work under way starts a planned session by itself; other viewers see every change
 * live through the board's `session.updated` events.
 */
export function SessionStatusControl({ session, tasks, onChanged, touch = false }: SessionStatusControlProps) {
  const api = useApi();
  const me = useMe();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const studio = useStudio({ enabled: permissions.can('studio.view') });
  const [busy, setBusy] = useState(false);
  const paused = useBoardPaused();
  const [confirming, setConfirming] = useState(false);
  const mainButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const taskList = [...tasks.values()];
  const scope = sessionScope(me.member.id, session, taskList, studio.data?.projects);
  const command = sessionCommandsFor(session.status)[0];
  const warning = notDoneWarning(taskList.filter((t) => t.status !== 'DONE').length);
  // Asking only makes sense while the session can still be wrapped (someone else may have done it).
  const asking = confirming && command === 'wrap' && warning !== null;

  useEffect(() => {
    if (asking) confirmButton.current?.focus();
  }, [asking]);

  if (!command || !permissions.can('sessions.run', scope)) return null;
  // A pencilled-in (or lost) booking is confirmed first; the hold control offers that.
  if (session.hold !== 'CONFIRMED' && command !== 'reopen') return null;

  const run = async (what: SessionCommand) => {
    setConfirming(false);
    setBusy(true);
    try {
      const answer = await api.changeSessionStatus(session.id, what);
      const warned = answer.warnings.map((w) => w.message).join('; ');
      notify(warned ? { tone: 'warning', title: DONE[what], message: warned } : { tone: 'success', title: DONE[what] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allSessions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allAgenda });
    } catch (err) {
      notify({ tone: 'error', title: FAILED[what], message: err instanceof ApiError || err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      onChanged?.();
    }
  };

  const size = touch ? ' button--touch' : ' button--small';
  return (
    <div className={`status-control${touch ? ' status-control--touch' : ''}`} role="group" aria-label="Session status">
      {asking ? (
        <>
          <span className="status-control__ask" role="status">
            {warning}. Wrap anyway?
          </span>
          <button ref={confirmButton} type="button" className={`button button--primary${size}`} disabled={busy || paused} onClick={() => void run('wrap')}>
            Wrap anyway
          </button>
          <button
            type="button"
            className={`button${size}`}
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => mainButton.current?.focus());
            }}
          >
            Not yet
          </button>
        </>
      ) : (
        <button
          ref={mainButton}
          type="button"
          className={`button status-control__button status-control__button--${command}${command === 'start' ? ' button--primary' : ''}${size}`}
          disabled={busy || paused}
          aria-busy={busy || undefined}
          onClick={() => (command === 'wrap' && warning !== null ? setConfirming(true) : void run(command))}
        >
          <span aria-hidden="true" className="status-control__icon">
            {ICONS[command]}
          </span>
          {SESSION_COMMAND_LABELS[command]}
        </button>
      )}
    </div>
  );
}
