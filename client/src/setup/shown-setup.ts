import type { PersonRef, SetupItem } from '@patchbay/shared';
import { useMemo } from 'react';
import { setupByPart, type SetupParts } from '../board/board-state';
import { pendingView, type OutboxEntry } from './outbox';

export interface ShownSetup {
  /** Every line as shown: the server's version with our queued changes on top. */
  items: readonly SetupItem[];
  parts: SetupParts;
  /** Lines with a change of ours still waiting (or needing a decision), by line id. */
  pendingByItem: ReadonlyMap<string, OutboxEntry>;
}

/** The setup list as this viewer sees it now. */
export function useShownSetup(setup: ReadonlyMap<string, SetupItem> | null, pending: readonly OutboxEntry[], me: PersonRef): ShownSetup {
  return useMemo(() => {
    const pendingByItem = new Map(pending.map((e) => [e.itemId, e]));
    const items = [...(setup?.values() ?? [])].map((item) => pendingView(item, pendingByItem.get(item.id), me));
    return { items, parts: setupByPart(items), pendingByItem };
  }, [setup, pending, me]);
}
