import type { GearFacts, SetupContext, SetupItem, Session } from '@patchbay/shared';
import { checkSetup, type RuleInputLine, type SetupIssue } from '@patchbay/shared/domain/setup-rules';
import { useCallback, useMemo } from 'react';
import { useSetupContext } from '../api/queries';

export interface SetupRules {
  /** Issues by line id, as the list is shown now. */
  byItem: ReadonlyMap<string, readonly SetupIssue[]>;
  errors: number;
  warnings: number;
  /** The issues one line would have with these values (for a form, before saving); `id` null for a new line. */
  preview: (line: Omit<RuleInputLine, 'id'>, id: string | null) => SetupIssue[];
  /** The rules' context is loaded (before that, nothing can be said about gear). */
  ready: boolean;
}

const ruleLine = (item: SetupItem): RuleInputLine => ({ id: item.id, channel: item.channel, source: item.source, gearId: item.gear?.id ?? null, gearText: item.gearText, phantom: item.phantom });

function contextOf(data: SetupContext | undefined) {
  const gear = new Map<string, GearFacts>((data?.gear ?? []).map((g) => [g.id, g]));
  const uses = (data?.uses ?? []).map((u) => ({ ...u, startsAt: new Date(u.startsAt), endsAt: new Date(u.endsAt) }));
  return { gear, uses };
}

/**
 * The shared setup rules run on the list as it changes (live events and our own queued edits),
 * with the inventory and what overlapping sessions plan from the server (refreshed every minute).
 */
export function useSetupRules(session: Session, items: readonly SetupItem[], timeZone: string, enabled = true): SetupRules {
  const context = useSetupContext(session.id, { enabled });
  const { gear, uses } = useMemo(() => contextOf(context.data), [context.data]);
  const rulesSession = useMemo(
    () => ({ id: session.id, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt), status: session.status }),
    [session.id, session.startsAt, session.endsAt, session.status],
  );
  const inputs = useMemo(() => items.filter((i) => i.part === 'INPUT').map(ruleLine), [items]);
  const issues = useMemo(() => checkSetup({ session: rulesSession, inputs, gear, otherUses: uses, timeZone }), [rulesSession, inputs, gear, uses, timeZone]);
  const byItem = useMemo(() => {
    const map = new Map<string, SetupIssue[]>();
    for (const issue of issues) map.set(issue.itemId, [...(map.get(issue.itemId) ?? []), issue]);
    return map;
  }, [issues]);
  const preview = useCallback(
    (line: Omit<RuleInputLine, 'id'>, id: string | null) => {
      const self = id ?? '__new__';
      const others = inputs.filter((l) => l.id !== self);
      return checkSetup({ session: rulesSession, inputs: [...others, { ...line, id: self }], gear, otherUses: uses, timeZone }).filter((i) => i.itemId === self);
    },
    [inputs, rulesSession, gear, uses, timeZone],
  );
  return {
    byItem,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    preview,
    ready: context.data !== undefined,
  };
}
