import { can, type AccessRole } from './permissions';

/** Someone who can be named in a comment. */
export interface Mentionable {
  id: string;
  name: string;
}

/** A name ends where a letter, digit or joining mark would carry it on. */
const CONTINUES = /[\p{L}\p{N}_'’-]/u;
/** What may stand just before the "@" of a mention ("mix@maya.com" is an address, not a mention). */
const OPENS = `\\s([{"'“‘`;

/**
 * The "@…" being typed at the end of `text` (what the composer suggests names for): the same
 * start a mention needs, then letters so far. Group 1 is what follows the "@".
 */
export const MENTION_QUERY = new RegExp(`(?:^|[${OPENS}])@([\\p{L}\\p{N}'’-]*)$`, 'u');

/** `body` in any case, as UTF-16 offsets of the text compared and of `body` (lower case can change a letter's length). */
function folded(body: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of body) {
    const lower = ch.toLocaleLowerCase('en');
    for (let k = 0; k < lower.length; k += 1) at.push(i);
    text += lower;
    i += ch.length;
  }
  at.push(i);
  return { text, at };
}

/** Where a comment names someone: the person, and the "@name" as offsets into the body (NFC). */
export interface MentionSpan {
  id: string;
  start: number;
  end: number;
}

/**
 * Where a comment names people: "@" followed by a person's full name ("@Sam Reyes"), or by their
 * first name when no one else among `people` has it ("@Sam"). Any case; the "@" comes at the start
 * or after a space or an opening bracket or quote; the name must end there (so "@Samantha" is not
 * Sam). In the order they stand in `body.normalize('NFC')`.
 */
export function mentionSpans(body: string, people: readonly Mentionable[]): MentionSpan[] {
  const { text, at } = folded(body.normalize('NFC'));
  const fold = (name: string) => folded(name.normalize('NFC')).text.trim();
  const firsts = new Map<string, number>();
  for (const p of people) {
    const first = fold(p.name).split(/\s+/)[0] ?? '';
    firsts.set(first, (firsts.get(first) ?? 0) + 1);
  }
  // Longer names first: "@Sam Reyes" is Sam Reyes, not a Sam followed by "Reyes".
  const names = people
    .flatMap((p) => {
      const full = fold(p.name);
      const first = full.split(/\s+/)[0] ?? '';
      return first && first !== full && firsts.get(first) === 1 ? [{ id: p.id, name: full }, { id: p.id, name: first }] : [{ id: p.id, name: full }];
    })
    .filter((n) => n.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const opens = new RegExp(`[${OPENS}]`, 'u');
  const spans: MentionSpan[] = [];
  for (const { id, name } of names) {
    for (let from = 0; ; ) {
      const start = text.indexOf(`@${name}`, from);
      if (start < 0) break;
      from = start + 1;
      const end = start + 1 + name.length;
      if (CONTINUES.test(text.charAt(end))) continue;
      if (start > 0 && !opens.test(text.charAt(start - 1))) continue;
      if (spans.some((s) => start < s.end && end > s.start)) continue;
      spans.push({ id, start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start).map((s) => ({ id: s.id, start: at[s.start]!, end: at[s.end]! }));
}

/** Who a comment names (see mentionSpans): each person once, in the order they are first named. */
export function mentionedIn(body: string, people: readonly Mentionable[]): string[] {
  return [...new Set(mentionSpans(body, people).map((s) => s.id))];
}

/** The session's people as the board sees them: who leads, produces and engineers it, who has a task there. */
export interface BoardPeople {
  leadProducerId: string | null;
  producerId: string | null;
  engineerId: string | null;
  assigneeIds: ReadonlySet<string>;
}

/**
 * Who a comment on this board can name: the studio's people who may take part in its discussion
 * (`tasks.comment`: those who may open the board, never a guest). The server tells only them;
 * the composer suggests only them.
 */
export function mentionableOn(members: readonly (Mentionable & { accessRole: AccessRole })[], board: BoardPeople): Mentionable[] {
  return members
    .filter((m) =>
      can(m.accessRole, 'tasks.comment', {
        leadsProject: board.leadProducerId === m.id,
        staffsSession: board.producerId === m.id || board.engineerId === m.id,
        hasTasksInSession: board.assigneeIds.has(m.id),
      }),
    )
    .map((m) => ({ id: m.id, name: m.name }));
}
