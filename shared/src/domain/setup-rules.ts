/**
 * Rules of a session's input list, pure, used by the server (on every save and read) and by the
 * client (shown on each line as the list changes):
 *
 * - gear_unavailable (error): the line plans gear that is in repair or missing;
 * - duplicate_channel (error): two lines of the list use the same channel number;
 * - gear_overbooked (error): this session alone plans more units of an item than the studio owns
 *   ("U87 #2" on two channels);
 * - gear_conflict (error): with the sessions overlapping this one, more units of an item are
 *   planned at one moment than the studio owns — for a single unit, simply "planned in another
 *   session at the same time". Named like booking conflicts: item, other session, times;
 * - ribbon_phantom (warning): phantom power on a ribbon microphone;
 * - phantom_needed (warning): a microphone that needs phantom power has it off;
 * - no_gear (warning): nothing is planned for the channel (no mic or DI, not even as text).
 *
 * Time windows are half-open [startsAt, endsAt), as for bookings; CANCELLED sessions plan
 * nothing. Units: each input line uses one unit of its gear.
 */
import { overlaps, type Interval } from './conflicts';
import type { GearFacts } from './gear';
import type { SessionStatus } from './roles';
import { formatWindow } from './time-zone';

export interface RuleInputLine {
  readonly id: string;
  readonly channel: number | null;
  readonly source: string;
  readonly gearId: string | null;
  readonly phantom: boolean;
  /** Gear that is not in the inventory; with no gearId and no text, nothing is planned. Absent: not known (not checked). */
  readonly gearText?: string;
}

export interface RuleSession extends Interval {
  readonly id: string;
  readonly status: SessionStatus;
}

/** Units of one item planned by another session (one entry per session and item). */
export interface GearUse extends Interval {
  readonly sessionId: string;
  readonly title: string;
  readonly status: SessionStatus;
  readonly gearId: string;
  readonly units: number;
}

export const SETUP_ISSUE_CODES = ['gear_unavailable', 'duplicate_channel', 'gear_overbooked', 'gear_conflict', 'ribbon_phantom', 'phantom_needed', 'no_gear'] as const;
export type SetupIssueCode = (typeof SETUP_ISSUE_CODES)[number];
export type IssueSeverity = 'error' | 'warning';

export const SETUP_ISSUE_SEVERITY: Readonly<Record<SetupIssueCode, IssueSeverity>> = {
  gear_unavailable: 'error',
  duplicate_channel: 'error',
  gear_overbooked: 'error',
  gear_conflict: 'error',
  ribbon_phantom: 'warning',
  phantom_needed: 'warning',
  no_gear: 'warning',
};

/** Which field of the line an issue is about (the one to change to fix it). */
const ISSUE_FIELD: Readonly<Record<SetupIssueCode, 'channel' | 'gearId' | 'phantom'>> = {
  gear_unavailable: 'gearId',
  duplicate_channel: 'channel',
  gear_overbooked: 'gearId',
  gear_conflict: 'gearId',
  ribbon_phantom: 'phantom',
  phantom_needed: 'phantom',
  no_gear: 'gearId',
};

export interface GearConflictRef {
  readonly sessionId: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export interface SetupIssue {
  readonly code: SetupIssueCode;
  readonly severity: IssueSeverity;
  readonly itemId: string;
  readonly field: 'channel' | 'gearId' | 'phantom';
  readonly message: string;
  readonly gearId?: string;
  /** gear_conflict: the other sessions planning the item at the busiest moment. */
  readonly conflicts?: readonly GearConflictRef[];
}

export interface SetupRulesInput {
  readonly session: RuleSession;
  readonly inputs: readonly RuleInputLine[];
  /** The studio's inventory (at least every item the lines name). */
  readonly gear: ReadonlyMap<string, GearFacts>;
  /** What other sessions plan (any window; the rules keep the overlapping ones). */
  readonly otherUses: readonly GearUse[];
  /** IANA zone for the times in messages. */
  readonly timeZone: string;
}

/**
 * The most units of one item in use at any moment of `window`: `own` units throughout, plus the
 * other uses overlapping that moment. Returns the peak and the uses active at its first moment.
 */
export function peakUse(window: Interval, own: number, others: readonly GearUse[]): { peak: number; at: readonly GearUse[] } {
  const start = window.startsAt.getTime();
  const end = window.endsAt.getTime();
  const active = others.filter((u) => u.status !== 'CANCELLED' && u.units > 0 && overlaps(window, u));
  if (!(start < end)) return { peak: own, at: [] };
  // The count only changes where a use starts; checking every start inside the window (and the
  // window's own start) finds the maximum.
  const moments = [start, ...active.map((u) => u.startsAt.getTime()).filter((t) => t > start && t < end)].sort((a, b) => a - b);
  let peak = own;
  let at: GearUse[] = [];
  for (const t of moments) {
    const here = active.filter((u) => u.startsAt.getTime() <= t && t < u.endsAt.getTime());
    const total = own + here.reduce((sum, u) => sum + u.units, 0);
    if (total > peak || (at.length === 0 && here.length > 0 && total >= peak)) {
      peak = total;
      at = here;
    }
  }
  return { peak, at };
}

function issue(code: SetupIssueCode, itemId: string, message: string, extra: Partial<Pick<SetupIssue, 'gearId' | 'conflicts'>> = {}): SetupIssue {
  return { code, severity: SETUP_ISSUE_SEVERITY[code], itemId, field: ISSUE_FIELD[code], message, ...extra };
}

const sourceOf = (line: RuleInputLine) => (line.source.trim() ? `“${line.source.trim()}”` : line.channel !== null ? `channel ${line.channel}` : 'another line');

function byStart(a: GearUse, b: GearUse): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0);
}

/** Every issue of the input list, in the lines' order (then by code). */
export function checkSetup(input: SetupRulesInput): SetupIssue[] {
  const { session, inputs, gear, timeZone } = input;
  const issues: SetupIssue[] = [];

  const byChannel = new Map<number, RuleInputLine[]>();
  const byGear = new Map<string, RuleInputLine[]>();
  for (const line of inputs) {
    if (line.channel !== null) byChannel.set(line.channel, [...(byChannel.get(line.channel) ?? []), line]);
    if (line.gearId !== null) byGear.set(line.gearId, [...(byGear.get(line.gearId) ?? []), line]);
  }

  // Over-planning, once per item, then given to each line using it.
  const planned = new Map<string, SetupIssue[]>();
  if (session.status !== 'CANCELLED') {
    for (const [gearId, lines] of byGear) {
      const item = gear.get(gearId);
      if (!item) continue;
      const others = input.otherUses.filter((u) => u.gearId === gearId && u.sessionId !== session.id);
      const { peak, at } = peakUse(session, lines.length, others);
      if (peak <= item.quantity) continue;
      const list: SetupIssue[] = [];
      if (at.length === 0) {
        const channels = lines.map((l) => l.channel).filter((c): c is number => c !== null);
        const where = channels.length === lines.length ? `channels ${channels.join(', ')}` : `${lines.length} lines`;
        const message = `${item.label} is planned on ${where}; the studio has ${item.quantity}.`;
        for (const line of lines) list.push(issue('gear_overbooked', line.id, message, { gearId }));
      } else {
        const sorted = [...at].sort(byStart);
        const first = sorted[0]!;
        const when = formatWindow(first.startsAt, first.endsAt, timeZone);
        const more = sorted.length > 1 ? ` (and ${sorted.length - 1} more)` : '';
        const message =
          item.quantity === 1 && lines.length === 1
            ? `${item.label} is already planned for '${first.title}' ${when}${more}.`
            : `${item.label}: ${peak} planned at once with '${first.title}' ${when}${more}; the studio has ${item.quantity}.`;
        const conflicts = sorted.map((u) => ({ sessionId: u.sessionId, title: u.title, startsAt: u.startsAt, endsAt: u.endsAt }));
        for (const line of lines) list.push(issue('gear_conflict', line.id, message, { gearId, conflicts }));
      }
      planned.set(gearId, list);
    }
  }

  for (const line of inputs) {
    const item = line.gearId !== null ? gear.get(line.gearId) : undefined;
    if (item && item.status !== 'OK') {
      issues.push(issue('gear_unavailable', line.id, `${item.label} is ${item.status === 'IN_REPAIR' ? 'in repair' : 'missing'}: choose other gear.`, { gearId: item.id }));
    }
    if (line.channel !== null) {
      const others = (byChannel.get(line.channel) ?? []).filter((l) => l.id !== line.id);
      if (others.length > 0) issues.push(issue('duplicate_channel', line.id, `Channel ${line.channel} is also used by ${others.map(sourceOf).join(', ')}.`));
    }
    if (line.gearId === null && line.gearText !== undefined && line.gearText.trim() === '') {
      issues.push(issue('no_gear', line.id, 'No mic or DI chosen for this channel yet.'));
    }
    if (item) {
      for (const found of planned.get(item.id) ?? []) if (found.itemId === line.id) issues.push(found);
      if (item.ribbon && line.phantom) issues.push(issue('ribbon_phantom', line.id, `Phantom power is on for a ribbon mic (${item.label}): turn it off.`, { gearId: item.id }));
      else if (item.needsPhantom && !line.phantom) issues.push(issue('phantom_needed', line.id, `${item.label} needs phantom power: it is off.`, { gearId: item.id }));
    }
  }
  return issues;
}

/** Errors of `itemId` in `after` that were not there in `before` (same code and gear): what a write would introduce. */
export function introducedErrors(before: readonly SetupIssue[], after: readonly SetupIssue[], itemId: string): SetupIssue[] {
  const key = (i: SetupIssue) => `${i.code}|${i.gearId ?? ''}`;
  const had = new Set(before.filter((i) => i.itemId === itemId).map(key));
  return after.filter((i) => i.itemId === itemId && i.severity === 'error' && !had.has(key(i)));
}
