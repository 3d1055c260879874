import { createContext, use, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { localStorageOutbox, SetupOutbox, type OutboxEntry } from './outbox';

const OutboxContext = createContext<SetupOutbox | null>(null);

/** The app's one outbox of setup changes (kept in localStorage); tests may pass their own. */
export function OutboxProvider({ outbox, children }: { outbox?: SetupOutbox; children: ReactNode }) {
  const [own] = useState(() => outbox ?? new SetupOutbox(localStorageOutbox()));
  return <OutboxContext value={own}>{children}</OutboxContext>;
}

export function useOutbox(): SetupOutbox {
  const outbox = use(OutboxContext);
  if (!outbox) throw new Error('useOutbox must be used inside <OutboxProvider>');
  return outbox;
}

/** One member's entries for one session, re-rendering when they change. */
export function useOutboxEntries(sessionId: string, memberId: string): readonly OutboxEntry[] {
  const outbox = useOutbox();
  const all = useSyncExternalStore(outbox.subscribe, outbox.getEntries, outbox.getEntries);
  return useMemo(() => all.filter((e) => e.sessionId === sessionId && e.memberId === memberId), [all, sessionId, memberId]);
}
