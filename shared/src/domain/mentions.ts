import { can, type AccessRole } from './permissions';

/** Someone who can be named in a comment. */
export interface Mentionable {
  id: string;
  name: string;
}

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase('en');
/** A name ends where a letter, digit or joining mark would carry it on. */
const CONTINUES = /[\p{L}\p{N}_'’-]/u;

/**
 * Who a comment names: "@" followed by a person's full name ("@Sam Reyes"), or by their first
 * name when no one else among `people` has it ("@Sam"). Any case; the name must end there (so
 * "@Samantha" is not Sam). Each person once, in the order they are first named.
 */
export function mentionedIn(body: string, people: readonly Mentionable[]): string[] {
  const text = fold(body);
  const firsts = new Map<string, number>();
  for (const p of people) {
    const first = fold(p.name).split(/\s+/)[0] ?? '';
    firsts.set(first, (firsts.get(first) ?? 0) + 1);
  }
  // Longer names first: "@Sam Reyes" is Sam Reyes, not a Sam followed by "Reyes".
  const names = people
    .flatMap((p) => {
      const full = fold(p.name).trim();
      const first = full.split(/\s+/)[0] ?? '';
      return first && first !== full && firsts.get(first) === 1 ? [{ id: p.id, name: full }, { id: p.id, name: first }] : [{ id: p.id, name: full }];
    })
    .filter((n) => n.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const found: Array<{ id: string; at: number }> = [];
  const taken: Array<[number, number]> = [];
  for (const { id, name } of names) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(`@${name}`, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + 1 + name.length;
      if (CONTINUES.test(text.charAt(end))) continue;
      // "mix@maya.com" is an address, not a mention: an @ starts one only after a space or the start.
      if (at > 0 && !/[\s([{"'“‘]/u.test(text.charAt(at - 1))) continue;
      if (taken.some(([a, b]) => at < b && end > a)) continue;
      taken.push([at, end]);
      found.push({ id, at });
    }
  }
  const order = new Map<string, number>();
  for (const f of found) order.set(f.id, Math.min(order.get(f.id) ?? Infinity, f.at));
  return [...order].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** The session's people as the board sees them: who leads, produces and engineers it, who has a task there. */
export interface BoardPeople {
  leadProducerId: string | null;
  producerId: string | null;
  engineerId: string | null;
  assigneeIds: ReadonlySet<string>;
}

/**
 * Who a comment on this board can name: the studio's people who may open the board (never a
 * guest). The server tells only them; the composer suggests only them.
 */
export function mentionableOn(members: readonly (Mentionable & { accessRole: AccessRole })[], board: BoardPeople): Mentionable[] {
  return members
    .filter(
      (m) =>
        m.accessRole !== 'GUEST' &&
        can(m.accessRole, 'board.view', {
          leadsProject: board.leadProducerId === m.id,
          staffsSession: board.producerId === m.id || board.engineerId === m.id,
          hasTasksInSession: board.assigneeIds.has(m.id),
        }),
    )
    .map((m) => ({ id: m.id, name: m.name }));
}
