/**
 * Setup check-offs and edits that survive the control room's Wi-Fi.
 *
 * Every change to a setup line is written here first (kept in localStorage, so it survives a
 * reload), shown at once, and sent when the server can be reached. It is sent with the version
 * of the line it was based on, under the same rules as any edit:
 * - saved: the answer replaces the line and the entry is gone;
 * - 409 VERSION_CONFLICT: someone changed the line meanwhile. When the line already is what we
 *   wanted (they ticked the same box), it is done; otherwise the entry waits for a person to
 *   choose: apply mine on top of theirs, or keep theirs;
 * - no connection, a server error or a rate limit: it waits and is tried again;
 * - any other refusal (no longer allowed, line deleted, a rule): it stays, marked failed with
 *   the reason, until dismissed.
 *
 * Several changes to one line while offline are merged into one entry based on the first
 * version, so they arrive as one write. Entries are sent one at a time, oldest first.
 */
import type { PersonRef, SetupItem, UpdateSetupItemInput } from '@patchbay/shared';
import { ApiError } from '../api/http';

/** What a person can change on a line through the outbox. */
export type SetupEdits = Partial<Omit<UpdateSetupItemInput, 'version'>>;

export type OutboxState = 'waiting' | 'sending' | 'conflict' | 'failed';

export interface OutboxEntry {
  readonly id: string;
  /** Who made the change: only they send it (another sign-in on the same tablet does not). */
  readonly memberId: string;
  readonly sessionId: string;
  readonly itemId: string;
  /** The line as it was when the first change was made (the version sent). */
  readonly base: SetupItem;
  readonly fields: SetupEdits;
  readonly queuedAt: string;
  readonly state: OutboxState;
  /** Why it failed, in words. */
  readonly error?: string;
  /** A conflict: the line as it is on the server now. */
  readonly current?: SetupItem;
}

export interface OutboxStorage {
  load(): OutboxEntry[];
  save(entries: readonly OutboxEntry[]): void;
}

export const OUTBOX_KEY = 'patchbay:setup-outbox';

/** Entries kept in localStorage (a private window without storage keeps them in memory). */
export function localStorageOutbox(key = OUTBOX_KEY): OutboxStorage {
  let memory: OutboxEntry[] = [];
  return {
    load() {
      try {
        const raw = window.localStorage.getItem(key);
        const parsed: unknown = raw ? JSON.parse(raw) : [];
        return Array.isArray(parsed) ? (parsed.filter(isEntry) as OutboxEntry[]) : [];
      } catch {
        return memory;
      }
    },
    save(entries) {
      memory = [...entries];
      try {
        window.localStorage.setItem(key, JSON.stringify(entries));
      } catch {
        // Storage full or off: the entries still live in memory for this page.
      }
    },
  };
}

export function memoryOutbox(initial: OutboxEntry[] = []): OutboxStorage {
  let entries = [...initial];
  return { load: () => entries, save: (next) => void (entries = [...next]) };
}

function isEntry(value: unknown): boolean {
  const v = value as Partial<OutboxEntry> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.memberId === 'string' && typeof v.itemId === 'string' &&
    typeof v.sessionId === 'string' && typeof v.base === 'object' && v.base !== null && typeof v.fields === 'object' && v.fields !== null
  );
}

/** A random id; crypto.randomUUID needs a secure context, which a studio LAN over HTTP is not. */
function newId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The line with the changes applied, as it will look once saved (a check-off by `by`, now). */
export function withEdits(item: SetupItem, fields: SetupEdits, by: PersonRef | null, at: string = new Date().toISOString()): SetupItem {
  const { checked, gearId, ...rest } = fields;
  const next: SetupItem = { ...item, ...(rest as Partial<SetupItem>) };
  if (gearId !== undefined) next.gear = gearId === null ? null : item.gear?.id === gearId ? item.gear : { id: gearId, label: '…' };
  if (checked !== undefined) next.checked = checked ? (item.checked ?? { at, by }) : null;
  return next;
}

/** Whether the line already is what the changes want. */
export function satisfies(item: SetupItem, fields: SetupEdits): boolean {
  return Object.entries(fields).every(([field, value]) => {
    if (field === 'checked') return (item.checked !== null) === value;
    if (field === 'gearId') return (item.gear?.id ?? null) === value;
    const current = (item as unknown as Record<string, unknown>)[field];
    if (Array.isArray(value) && Array.isArray(current)) return value.length === current.length && value.every((v, i) => v === current[i]);
    return current === value;
  });
}

/** Whether a failure is about the connection or the server's state (try again) rather than the request. */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  return err.code === 'NETWORK' || err.status === 0 || err.status === 429 || err.status >= 500;
}

export interface FlushOutcome {
  /** Lines the server saved (or already had as wanted): put them on the board. */
  saved: SetupItem[];
  /** Lines the server says are gone. */
  removed: string[];
  /** Stopped because the server could not be reached. */
  offline: boolean;
}

export type Sender = (itemId: string, input: UpdateSetupItemInput) => Promise<SetupItem>;

/**
 * Called with each line the server answered, before its entry is dropped: the board shows the
 * saved line in the same render as the queued change goes (no flicker back to the old line).
 */
export interface FlushListener {
  onSaved?: (item: SetupItem) => void;
  onRemoved?: (itemId: string) => void;
}

export class SetupOutbox {
  private list: OutboxEntry[];
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<FlushOutcome> | null = null;

  constructor(private readonly storage: OutboxStorage) {
    // An entry that was being sent when the page went away is sent again (the version makes that safe).
    this.list = storage.load().map((e) => (e.state === 'sending' ? { ...e, state: 'waiting' as const } : e));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** The entries (a stable array until the next change). */
  getEntries = (): readonly OutboxEntry[] => this.list;

  forSession(sessionId: string, memberId: string): OutboxEntry[] {
    return this.list.filter((e) => e.sessionId === sessionId && e.memberId === memberId);
  }

  private set(next: OutboxEntry[]): void {
    this.list = next;
    this.storage.save(next);
    for (const listener of this.listeners) listener();
  }

  private update(id: string, patch: Partial<OutboxEntry>): void {
    this.set(this.list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  }

  /**
   * Queues a change to `item` (the line as shown, which may include earlier queued changes).
   * Merges with a waiting entry for the same line; a change that undoes it drops the entry.
   */
  enqueue(item: SetupItem, fields: SetupEdits, memberId: string): void {
    const existing = this.list.find((e) => e.itemId === item.id && e.memberId === memberId && (e.state === 'waiting' || e.state === 'failed' || e.state === 'conflict'));
    if (existing) {
      const merged = { ...existing.fields, ...fields };
      const base = existing.state === 'conflict' && existing.current ? existing.current : existing.base;
      if (satisfies(base, merged)) {
        this.set(this.list.filter((e) => e.id !== existing.id));
        return;
      }
      this.update(existing.id, { fields: merged, base, state: 'waiting', error: undefined, current: undefined });
      return;
    }
    const base = stripPending(item, this.list);
    if (satisfies(base, fields)) return;
    this.set([...this.list, { id: newId(), memberId, sessionId: item.sessionId, itemId: item.id, base, fields, queuedAt: new Date().toISOString(), state: 'waiting' }]);
  }

  /** Keep my change, on top of the line as it is now: it is sent again based on their version. */
  applyMine(entryId: string): void {
    const entry = this.list.find((e) => e.id === entryId);
    if (!entry?.current) return;
    this.update(entryId, { base: entry.current, state: 'waiting', current: undefined, error: undefined });
  }

  /** Drop a change (keep theirs, or give up on a failed one). */
  discard(entryId: string): void {
    this.set(this.list.filter((e) => e.id !== entryId));
  }

  /** Sends what `memberId` has waiting, oldest first; stops at the first sign of no connection. */
  flush(memberId: string, send: Sender, listener: FlushListener = {}): Promise<FlushOutcome> {
    this.flushing ??= this.run(memberId, send, listener).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async run(memberId: string, send: Sender, listener: FlushListener): Promise<FlushOutcome> {
    const outcome: FlushOutcome = { saved: [], removed: [], offline: false };
    for (;;) {
      const entry = this.list.find((e) => e.state === 'waiting' && e.memberId === memberId);
      if (!entry) return outcome;
      this.update(entry.id, { state: 'sending' });
      try {
        const saved = await send(entry.itemId, { version: entry.base.version, ...entry.fields });
        outcome.saved.push(saved);
        listener.onSaved?.(saved);
        this.settle(entry.id, saved);
      } catch (err) {
        const current = conflictCurrent(err);
        if (current) {
          outcome.saved.push(current);
          listener.onSaved?.(current);
          if (satisfies(current, entry.fields)) this.settle(entry.id, current);
          else this.update(entry.id, { state: 'conflict', current, error: undefined });
        } else if (err instanceof ApiError && err.code === 'NOT_FOUND') {
          outcome.removed.push(entry.itemId);
          listener.onRemoved?.(entry.itemId);
          this.update(entry.id, { state: 'failed', error: 'This line was deleted by someone else.' });
        } else if (isRetryable(err)) {
          this.update(entry.id, { state: 'waiting' });
          outcome.offline = true;
          return outcome;
        } else {
          this.update(entry.id, { state: 'failed', error: err instanceof Error ? err.message : 'The server refused this change.' });
        }
      }
    }
  }

  /**
   * The entry went through: gone. A change to the same line queued while it was on its way is
   * now based on the line as saved (it was ours, not a conflict).
   */
  private settle(entryId: string, saved: SetupItem): void {
    this.set(this.list.filter((e) => e.id !== entryId).map((e) => (e.itemId === saved.id && e.state === 'waiting' && e.base.version < saved.version ? { ...e, base: saved } : e)));
  }
}

function conflictCurrent(err: unknown): SetupItem | null {
  if (!(err instanceof ApiError) || err.code !== 'VERSION_CONFLICT') return null;
  const current = (err.details as { current?: unknown } | undefined)?.current;
  return typeof current === 'object' && current !== null && typeof (current as { version?: unknown }).version === 'number' ? (current as SetupItem) : null;
}

/** The line without our own queued changes (the board shows them applied; the base must not). */
function stripPending(item: SetupItem, list: readonly OutboxEntry[]): SetupItem {
  const entry = list.find((e) => e.itemId === item.id);
  return entry ? entry.base : item;
}

/** How the board shows a line: the server's version with what is still waiting applied on top (by `me`, when it was queued). */
export function pendingView(item: SetupItem, entry: OutboxEntry | undefined, me: PersonRef | null): SetupItem {
  if (!entry || entry.state === 'failed') return item;
  return withEdits(item, entry.fields, me, entry.queuedAt);
}
