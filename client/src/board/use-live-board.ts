import type { BoardEvent } from '@patchbay/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState, type ActionDispatch } from 'react';
import { useApi } from '../api/api-context';
import { errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { useConnectionStatus, useRealtime } from '../realtime/realtime-context';
import { boardReducer, gapAfter, type BoardAction, type BoardState } from './board-state';

/** What the connection indicator shows for a board. */
export type LiveStatus = 'connecting' | 'syncing' | 'live' | 'reconnecting' | 'offline';

type JoinState = 'idle' | 'joining' | 'joined' | 'failed';

const RETRY_MS = 4_000;
const FLASH_MS = 2_000;

export interface LiveBoard {
  state: BoardState | null;
  /** The snapshot could not be loaded (and there is no state to show). */
  loadError: unknown;
  live: LiveStatus;
  /** Why live updates are not working, when known. */
  liveDetail: string | null;
  /** Ids of tasks someone else changed a moment ago (for a brief highlight). */
  flashed: ReadonlySet<string>;
  dispatch: ActionDispatch<[action: BoardAction]>;
}

/** Runs `work` until it succeeds or the signal aborts, waiting RETRY_MS between failures. */
async function retryUntilDone(signal: AbortSignal, work: () => Promise<void>): Promise<void> {
  while (!signal.aborted) {
    try {
      await work();
      return;
    } catch {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RETRY_MS);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        }, { once: true });
      });
    }
  }
}

function useFlash(): [ReadonlySet<string>, (id: string) => void] {
  const [flashed, setFlashed] = useState<ReadonlySet<string>>(() => new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);
  const flash = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    setFlashed((prev) => new Set(prev).add(id));
    timers.current.set(
      id,
      setTimeout(() => {
        timers.current.delete(id);
        setFlashed((prev) => {
          const next = new Set(prev);
          next.delete(id);
          return next;
        });
      }, FLASH_MS),
    );
  }, []);
  return [flashed, flash];
}

/**
 * A session board kept live: loads the snapshot (react-query), joins the board on the one
 * socket connection, applies missed and live events through the reducer, fills gaps from
 * GET /events, reloads the snapshot on reset, and re-joins after every reconnect.
 */
export function useLiveBoard(sessionId: string): LiveBoard {
  const api = useApi();
  const realtime = useRealtime();
  const queryClient = useQueryClient();
  const connection = useConnectionStatus();

  const snapshotQuery = useQuery({
    queryKey: queryKeys.board(sessionId),
    queryFn: ({ signal }) => api.getBoard(sessionId, signal),
    // The socket keeps the board fresh; a refetch here would only race with it.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  const [state, dispatch] = useReducer(boardReducer, null);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const [join, setJoin] = useState<JoinState>('idle');
  const [liveDetail, setLiveDetail] = useState<string | null>(null);
  const [flashed, flash] = useFlash();

  useEffect(() => {
    if (snapshotQuery.data) dispatch({ type: 'snapshot', snapshot: snapshotQuery.data });
  }, [snapshotQuery.data]);

  const hasState = state !== null;

  // Join the board once we have a snapshot; re-join (from the last applied seq) on every reconnect.
  useEffect(() => {
    if (!hasState) return;
    let active = true;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const scheduleRetry = () => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        if (active && realtime.getStatus() === 'connected') joinNow();
      }, RETRY_MS);
    };
    const joinNow = () => {
      const current = stateRef.current;
      if (!current) return;
      setJoin('joining');
      realtime.joinBoard(sessionId, current.seq).then(
        (ack) => {
          if (!active) return;
          if (!ack.ok) {
            setJoin('failed');
            setLiveDetail(ack.error.message);
            scheduleRetry();
            return;
          }
          dispatch({ type: 'events', events: ack.missed });
          if (ack.reset) dispatch({ type: 'reset' });
          setLiveDetail(null);
          setJoin('joined');
        },
        (err: unknown) => {
          if (!active) return;
          setJoin('failed');
          setLiveDetail(errorMessage(err));
          scheduleRetry();
        },
      );
    };

    const offEvent = realtime.onBoardEvent((event: BoardEvent) => {
      if (event.sessionId !== sessionId) return;
      dispatch({ type: 'events', events: [event] });
      if (event.type === 'task.created' || event.type === 'task.updated') flash(event.task.id);
    });
    const offConnect = realtime.onConnect(joinNow);
    const offStatus = realtime.subscribeStatus(() => {
      if (realtime.getStatus() !== 'connected') setJoin('idle');
    });
    if (realtime.getStatus() === 'connected') joinNow();

    return () => {
      active = false;
      clearTimeout(retryTimer);
      offEvent();
      offConnect();
      offStatus();
      realtime.leaveBoard(sessionId);
    };
  }, [sessionId, hasState, realtime, flash]);

  // A gap in the sequence: fetch what we missed from the persisted log (retrying until it works).
  const gap = gapAfter(state);
  const needsReload = state?.needsReload ?? false;
  useEffect(() => {
    if (gap === null || join !== 'joined' || needsReload) return;
    const controller = new AbortController();
    void retryUntilDone(controller.signal, async () => {
      const page = await api.getEvents(sessionId, gap, controller.signal);
      if (controller.signal.aborted) return;
      // No events although some are missing: the log cannot fill the gap, so reload.
      if (page.reset || page.events.length === 0) dispatch({ type: 'reset' });
      else dispatch({ type: 'events', events: page.events });
    });
    return () => controller.abort();
  }, [api, sessionId, gap, join, needsReload]);

  // Reset: our place in the log is gone; load a fresh snapshot.
  useEffect(() => {
    if (!needsReload) return;
    const controller = new AbortController();
    void retryUntilDone(controller.signal, async () => {
      const snapshot = await queryClient.fetchQuery({
        queryKey: queryKeys.board(sessionId),
        queryFn: ({ signal }) => api.getBoard(sessionId, signal),
        staleTime: 0,
      });
      if (!controller.signal.aborted) dispatch({ type: 'snapshot', snapshot, force: true });
    });
    return () => controller.abort();
  }, [api, queryClient, sessionId, needsReload]);

  let live: LiveStatus;
  if (connection === 'offline') live = 'offline';
  else if (connection === 'reconnecting') live = 'reconnecting';
  else if (connection === 'connecting' || !hasState) live = 'connecting';
  else if (join === 'failed') live = 'offline';
  else if (join !== 'joined' || gap !== null || needsReload) live = 'syncing';
  else live = 'live';

  return {
    state,
    loadError: state ? null : snapshotQuery.error,
    live,
    liveDetail: live === 'offline' ? liveDetail : null,
    flashed,
    dispatch,
  };
}
