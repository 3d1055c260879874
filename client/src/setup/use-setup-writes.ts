import type { CreateSetupItemInput, SetupItem, SetupPart } from '@patchbay/shared';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useApi } from '../api/api-context';
import { conflictingSetupItem, errorMessage } from '../api/client';
import { ApiError } from '../api/http';
import { useMe } from '../auth/auth-context';
import type { LocalChange } from '../board/activity';
import type { BoardAction, BoardState } from '../board/board-state';
import { useNotices } from '../components/notices';
import { useRealtime } from '../realtime/realtime-context';
import { setupLineName } from './labels';
import type { OutboxEntry, SetupEdits } from './outbox';
import { useOutbox, useOutboxEntries } from './outbox-context';

/** While changes wait, try again this often (besides on reconnect and when the browser is back online). */
const RETRY_MS = 5_000;

export interface SetupWrites {
  /** This member's changes of this session still waiting to be sent (or needing a decision). */
  pending: readonly OutboxEntry[];
  /** Changes a line (check-off, notes, any field): shown at once, sent when the server can be reached. */
  change(item: SetupItem, fields: SetupEdits): void;
  /** Ticks or unticks a line. */
  toggle(item: SetupItem): void;
  /** Tries to send what is waiting now. */
  retry(): void;
  applyMine(entry: OutboxEntry): void;
  discard(entry: OutboxEntry): void;
  /** Adds a line at the end of its part; rejects with the ApiError (the form shows it). Needs the connection. */
  create(input: CreateSetupItemInput): Promise<SetupItem>;
  remove(item: SetupItem): Promise<void>;
  /** Moves a line to `index` within its part. Resolves true when saved. */
  move(item: SetupItem, index: number): Promise<boolean>;
  generateChecklist(): Promise<number>;
  /** Imports the input list from CSV; rejects with the ApiError (its rows name every bad line). */
  importCsv(csv: string, mode: 'replace' | 'append'): Promise<number>;
}

export interface SetupWriteOptions {
  getState: () => BoardState | null;
  onSaved?: (change: LocalChange) => void;
  /** After any saved write (fetch the events it made). */
  afterWrite?: () => void;
}

/**
 * Writes to a session's setup list. Check-offs and edits go through the outbox (they survive a
 * lost connection and a reload); adding, removing, reordering, generating and importing need the
 * server and answer at once. Our own writes are not echoed to our socket: answers go straight
 * into the board.
 */
export function useSetupWrites(sessionId: string, dispatch: (action: BoardAction) => void, options: SetupWriteOptions): SetupWrites {
  const api = useApi();
  const outbox = useOutbox();
  const realtime = useRealtime();
  const me = useMe();
  const { notify } = useNotices();
  const memberId = me.member.id;
  const pending = useOutboxEntries(sessionId, memberId);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  const flush = useCallback(async () => {
    const outcome = await outbox.flush(memberId, (itemId, input) => api.updateSetupItem(itemId, input), {
      onSaved: (item) => dispatch({ type: 'setupSaved', item }),
      onRemoved: (itemId) => dispatch({ type: 'setupRemoved', itemId }),
    });
    if (outcome.saved.length > 0) optionsRef.current.afterWrite?.();
  }, [api, dispatch, memberId, outbox]);

  // Send what waits: now, on every reconnect, when the browser is back online, and every few seconds.
  const waiting = pending.some((e) => e.state === 'waiting');
  useEffect(() => {
    void flush();
    const offConnect = realtime.onConnect(() => void flush());
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      offConnect();
      window.removeEventListener('online', online);
    };
  }, [flush, realtime]);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void flush(), RETRY_MS);
    return () => clearInterval(timer);
  }, [flush, waiting]);

  const change = useCallback(
    (item: SetupItem, fields: SetupEdits) => {
      const before = optionsRef.current.getState()?.setup?.get(item.id) ?? item;
      outbox.enqueue(before, fields, memberId);
      void flush();
    },
    [flush, memberId, outbox],
  );

  const toggle = useCallback((item: SetupItem) => change(item, { checked: item.checked === null }), [change]);

  const saved = useCallback((c: LocalChange) => {
    optionsRef.current.onSaved?.(c);
    optionsRef.current.afterWrite?.();
  }, []);

  /** A refused write to an existing line: the board shows the server's truth, a notice says why. */
  const refused = useCallback(
    (item: SetupItem, err: unknown, verb: string) => {
      const current = conflictingSetupItem(err);
      if (current) {
        dispatch({ type: 'setupSaved', item: current });
        notify({ tone: 'warning', title: `Couldn't ${verb} ${setupLineName(item)}: someone else changed it first.`, message: 'The list shows the latest version; check it and try again.' });
        return;
      }
      if (err instanceof ApiError && err.code === 'NOT_FOUND') {
        dispatch({ type: 'setupRemoved', itemId: item.id });
        notify({ tone: 'warning', title: `${setupLineName(item)} was already removed by someone else.` });
        return;
      }
      notify({ tone: 'error', title: `Couldn't ${verb} ${setupLineName(item)}.`, message: errorMessage(err) });
    },
    [dispatch, notify],
  );

  const create = useCallback(
    async (input: CreateSetupItemInput) => {
      const item = await api.createSetupItem(sessionId, input);
      dispatch({ type: 'setupSaved', item });
      saved({ type: 'setup.created', item });
      return item;
    },
    [api, dispatch, saved, sessionId],
  );

  const remove = useCallback(
    async (item: SetupItem) => {
      try {
        await api.deleteSetupItem(item.id, item.version);
        dispatch({ type: 'setupRemoved', itemId: item.id });
        saved({ type: 'setup.deleted', itemId: item.id, part: item.part, title: setupLineName(item) });
      } catch (err) {
        refused(item, err, 'remove');
      }
    },
    [api, dispatch, refused, saved],
  );

  const move = useCallback(
    async (item: SetupItem, index: number) => {
      try {
        const answer = await api.moveSetupItem(item.id, { version: item.version, index });
        dispatch({ type: 'setupMoved', item: answer.item, order: answer.order, seq: answer.seq });
        if (answer.seq !== null) saved({ type: 'setup.moved', item: answer.item, order: answer.order });
        return true;
      } catch (err) {
        refused(item, err, 'move');
        return false;
      }
    },
    [api, dispatch, refused, saved],
  );

  const generateChecklist = useCallback(async () => {
    const { created } = await api.generateChecklist(sessionId);
    for (const item of created) {
      dispatch({ type: 'setupSaved', item });
      saved({ type: 'setup.created', item });
    }
    return created.length;
  }, [api, dispatch, saved, sessionId]);

  const importCsv = useCallback(
    async (csv: string, mode: 'replace' | 'append') => {
      const { created } = await api.importInputs(sessionId, { csv, mode });
      if (mode === 'replace') {
        const old = [...(optionsRef.current.getState()?.setup?.values() ?? [])].filter((i) => i.part === ('INPUT' satisfies SetupPart));
        for (const item of old) dispatch({ type: 'setupRemoved', itemId: item.id });
      }
      for (const item of created) dispatch({ type: 'setupSaved', item });
      optionsRef.current.afterWrite?.();
      return created.length;
    },
    [api, dispatch, sessionId],
  );

  const retry = useCallback(() => void flush(), [flush]);
  const applyMine = useCallback(
    (entry: OutboxEntry) => {
      outbox.applyMine(entry.id);
      void flush();
    },
    [flush, outbox],
  );
  const discard = useCallback((entry: OutboxEntry) => outbox.discard(entry.id), [outbox]);

  return useMemo(
    () => ({ pending, change, toggle, retry, applyMine, discard, create, remove, move, generateChecklist, importCsv }),
    [pending, change, toggle, retry, applyMine, discard, create, remove, move, generateChecklist, importCsv],
  );
}
