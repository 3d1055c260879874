import type { BoardEvent } from '@patchbay/shared';
import { Suspense, useCallback, useEffect, useMemo, useReducer, useRef, type Dispatch } from 'react';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { ApiError } from '../api/http';
import { useMe, usePermissions } from '../auth/auth-context';
import { activityReducer, emptyActivity, type ActivityAction, type ActivityState, type LocalChange } from '../board/activity';
import type { BoardState } from '../board/board-state';
import { useLiveBoard, type LiveBoard } from '../board/use-live-board';
import { PageError, PageLoading } from '../components/page-state';
import { setupLineName } from '../setup/labels';
import { useSetupWrites, type SetupWrites } from '../setup/use-setup-writes';
import './session-layout.css';

/** What every view of one session shares: the live board (tasks and setup list) and its feed. */
export interface SessionView {
  sessionId: string;
  board: LiveBoard & { state: BoardState };
  activity: ActivityState;
  activityDispatch: Dispatch<ActivityAction>;
  /** One of our writes was saved (for the activity feed). */
  onSaved: (change: LocalChange) => void;
  setup: SetupWrites;
}

export function useSessionView(): SessionView {
  return useOutletContext<SessionView>();
}

/** A session's views (board, setup list, run sheet) share one live board: switching between them keeps it. */
export function SessionLayout() {
  const { sessionId } = useParams();
  if (!sessionId) return null;
  return <LiveSession key={sessionId} sessionId={sessionId} />;
}

function LiveSession({ sessionId }: { sessionId: string }) {
  const me = useMe();
  const meId = me.member.id;
  const meName = me.member.name;
  const [activity, activityDispatch] = useReducer(activityReducer, emptyActivity);
  const onEvents = useCallback((events: readonly BoardEvent[], before: BoardState | null) => {
    activityDispatch({
      type: 'events',
      events,
      titleOf: (id) => {
        const task = before?.tasks.get(id);
        if (task) return task.title;
        const line = before?.setup?.get(id);
        return line ? setupLineName(line) : undefined;
      },
    });
  }, []);
  const onSaved = useCallback(
    (change: LocalChange) => activityDispatch({ type: 'local', change, actor: { id: meId, name: meName }, at: new Date().toISOString() }),
    [meId, meName],
  );
  const board = useLiveBoard(sessionId, { onEvents });
  const stateRef = useRef(board.state);
  useEffect(() => {
    stateRef.current = board.state;
  });
  const getState = useCallback(() => stateRef.current, []);
  const setup = useSetupWrites(sessionId, board.dispatch, { getState, onSaved, afterWrite: board.catchUp });

  const { state } = board;
  const view = useMemo(
    () => (state ? { sessionId, board: { ...board, state }, activity, activityDispatch, onSaved, setup } : null),
    [sessionId, board, state, activity, onSaved, setup],
  );

  if (!view) {
    if (board.loadError) {
      const missing = board.loadError instanceof ApiError && board.loadError.code === 'NOT_FOUND';
      const forbidden = board.loadError instanceof ApiError && board.loadError.code === 'FORBIDDEN';
      return (
        <PageError
          page
          title={missing ? 'This session does not exist' : forbidden ? 'This board is not open to you' : "Couldn't load this session"}
          error={
            missing
              ? new Error('It may have been deleted, or the link is wrong.')
              : forbidden
                ? new Error('You can see the boards of sessions you work on. Ask the session’s producer if you need this one.')
                : board.loadError
          }
          action={
            <Link to="/sessions" className="button">
              Back to sessions
            </Link>
          }
        />
      );
    }
    return <PageLoading label="Loading the session…" />;
  }
  // The board, setup list and run sheet are chunks of their own: the live board stays while one loads.
  return (
    <Suspense fallback={<PageLoading label="Loading…" />}>
      <Outlet context={view} />
    </Suspense>
  );
}

/** Board · Setup list · Run sheet: the views of one session (the setup ones only for who may see them). */
export function SessionTabs({ sessionId, setupProgress }: { sessionId: string; setupProgress: { done: number; total: number } | null }) {
  const permissions = usePermissions();
  if (!permissions.can('setup.view') || setupProgress === null) return null;
  const base = `/sessions/${sessionId}`;
  return (
    <nav className="session-tabs" aria-label="Session views">
      <NavLink to={base} end className="session-tabs__tab">
        Board
      </NavLink>
      <NavLink to={`${base}/setup`} className="session-tabs__tab">
        Setup list
        <span className="session-tabs__count">
          {setupProgress.done}/{setupProgress.total}
          <span className="visually-hidden"> checked</span>
        </span>
      </NavLink>
      <NavLink to={`${base}/run-sheet`} className="session-tabs__tab">
        Run sheet
      </NavLink>
    </nav>
  );
}
