import type { BoardEvent, Presence } from '@patchbay/shared';
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
/** How many past events the activity feed shows from the log when the board opens. */
const HISTORY_EVENTS = 30;
/** After our own write, fetch its events (and any follow-ups the server made) this much later. */
const CATCH_UP_MS = 300;

export type Viewer = Presence['viewers'][number];

export interface LiveBoardOptions {
  /**
   * Every batch of events received for this board (live, replayed on join, gap and catch-up
   * fetches, the recent history on load), possibly duplicated, before the reducer applies them.
   * `before` is the board as it was then (for titles of deleted tasks).
   */
  onEvents?: (events: readonly BoardEvent[], before: BoardState | null) => void;
}

export interface LiveBoard {
  state: BoardState | null;
  /** The snapshot could not be loaded (and there is no state to show). */
  loadError: unknown;
  live: LiveStatus;
  /** Why live updates are not working, when known. */
  liveDetail: string | null;
  /** Ids of tasks someone else changed a moment ago (for a brief highlight). */
  flashed: ReadonlySet<string>;
  /** Who is looking at this board (everyone, us included); null while not known. */
  viewers: readonly Viewer[] | null;
  dispatch: ActionDispatch<[action: BoardAction]>;
  /**
   * After one of our own writes: fetch the events after our last applied seq soon. Our writes
   * are not echoed on our socket; this brings their events (for the activity feed) and anything
   * the server made with them (follow-up tasks) without waiting for someone else's change.
   */
  catchUp: () => void;
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
export function useLiveBoard(sessionId: string, options: LiveBoardOptions = {}): LiveBoard {
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

  const onEventsRef = useRef(options.onEvents);
  useEffect(() => {
    onEventsRef.current = options.onEvents;
  });
  /** Events into the reducer, after telling whoever listens. */
  const receive = useCallback((events: readonly BoardEvent[]) => {
    if (events.length === 0) return;
    onEventsRef.current?.(events, stateRef.current);
    dispatch({ type: 'events', events });
  }, []);

  const [viewers, setViewers] = useState<readonly Viewer[] | null>(null);
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
          receive(ack.missed);
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
      receive([event]);
      if (event.type === 'task.created' || event.type === 'task.updated' || event.type === 'task.moved') flash(event.task.id);
    });
    const offPresence = realtime.onPresence((presence) => {
      if (presence.sessionId === sessionId) setViewers(presence.viewers);
    });
    const offConnect = realtime.onConnect(joinNow);
    const offStatus = realtime.subscribeStatus(() => {
      if (realtime.getStatus() === 'connected') return;
      setJoin('idle');
      // Who is here is unknown until we are back (the server tells us after the re-join).
      setViewers(null);
    });
    if (realtime.getStatus() === 'connected') joinNow();

    return () => {
      active = false;
      clearTimeout(retryTimer);
      offEvent();
      offPresence();
      offConnect();
      offStatus();
      realtime.leaveBoard(sessionId);
    };
  }, [sessionId, hasState, realtime, flash, receive]);

  // The recent past, once, for the activity feed (events the board already holds are dropped
  // by the reducer; any that are newer are applied).
  useEffect(() => {
    const seq = stateRef.current?.seq ?? 0;
    if (!hasState || seq === 0) return;
    const controller = new AbortController();
    api.getEvents(sessionId, Math.max(0, seq - HISTORY_EVENTS), controller.signal).then(
      (page) => {
        if (!controller.signal.aborted && !page.reset) receive(page.events);
      },
      () => {
        // No history: the feed starts from now.
      },
    );
    return () => controller.abort();
  }, [api, sessionId, hasState, receive]);

  const catchUpTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const catchUpAbort = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      clearTimeout(catchUpTimer.current);
      catchUpAbort.current?.abort();
    },
    [],
  );
  const catchUp = useCallback(() => {
    clearTimeout(catchUpTimer.current);
    catchUpTimer.current = setTimeout(() => {
      const current = stateRef.current;
      if (!current || current.needsReload) return;
      catchUpAbort.current?.abort();
      const controller = new AbortController();
      catchUpAbort.current = controller;
      api.getEvents(sessionId, current.seq, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          if (page.reset) dispatch({ type: 'reset' });
          else receive(page.events);
        },
        () => {
          // Not fatal: the events come with the next gap fetch or re-join.
        },
      );
    }, CATCH_UP_MS);
  }, [api, sessionId, receive]);

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
      else receive(page.events);
    });
    return () => controller.abort();
  }, [api, sessionId, gap, join, needsReload, receive]);

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
    viewers: live === 'offline' || live === 'reconnecting' ? null : viewers,
    dispatch,
    catchUp,
  };
}
