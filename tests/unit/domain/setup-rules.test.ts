import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSetup, introducedErrors, peakUse, type GearFacts, type GearUse, type RuleInputLine, type RuleSession } from '../../../shared/src/domain/index';

const t = (hhmm: string, day = 5) => new Date(`2026-03-${String(day).padStart(2, '0')}T${hhmm}:00Z`);
const session: RuleSession = { id: 'here', startsAt: t('10:00'), endsAt: t('18:00'), status: 'PLANNED' };

function gear(id: string, overrides: Partial<GearFacts> = {}): GearFacts {
  return { id, label: id.toUpperCase(), category: 'MICROPHONE', quantity: 1, status: 'OK', ribbon: false, tube: false, needsPhantom: false, ...overrides };
}
const GEAR = new Map<string, GearFacts>([
  ['u87-1', gear('u87-1', { label: 'U87 #1', needsPhantom: true })],
  ['coles', gear('coles', { label: 'Coles 4038 #1', ribbon: true })],
  ['md421', gear('md421', { label: 'MD421 #3', status: 'IN_REPAIR' })],
  ['beta52', gear('beta52', { label: 'Beta 52A', status: 'MISSING' })],
  ['sm57', gear('sm57', { label: 'Shure SM57', quantity: 3 })],
]);
let n = 0;
const line = (overrides: Partial<RuleInputLine> = {}): RuleInputLine => ({ id: `l${++n}`, channel: null, source: 'Source', gearId: null, phantom: false, ...overrides });
const use = (sessionId: string, gearId: string, from: string, to: string, units = 1, overrides: Partial<GearUse> = {}): GearUse => ({
  sessionId, title: `Session ${sessionId}`, startsAt: t(from), endsAt: t(to), status: 'PLANNED', gearId, units, ...overrides,
});
const run = (inputs: RuleInputLine[], otherUses: GearUse[] = [], s: RuleSession = session) => checkSetup({ session: s, inputs, gear: GEAR, otherUses, timeZone: 'UTC' });
const codes = (issues: ReturnType<typeof run>) => issues.map((i) => `${i.itemId}:${i.code}:${i.severity}`);

describe('setup rules, line by line', () => {
  it.each<[string, Partial<RuleInputLine>, string[]]>([
    ['gear in repair is an error', { gearId: 'md421' }, ['gear_unavailable:error']],
    ['missing gear is an error', { gearId: 'beta52' }, ['gear_unavailable:error']],
    ['phantom on a ribbon is a warning', { gearId: 'coles', phantom: true }, ['ribbon_phantom:warning']],
    ['a ribbon with phantom off is fine', { gearId: 'coles', phantom: false }, []],
    ['a condenser without phantom is a warning', { gearId: 'u87-1', phantom: false }, ['phantom_needed:warning']],
    ['a condenser with phantom is fine', { gearId: 'u87-1', phantom: true }, []],
    ['free-text gear has no rules', { gearText: 'Band’s own SM58' } as Partial<RuleInputLine>, []],
    ['unknown gear id is ignored', { gearId: 'gone' }, []],
    ['a channel with nothing planned on it is a warning', { gearText: '' }, ['no_gear:warning']],
    ['a channel whose gear is only named as text is fine', { gearText: 'Console talkback mic' }, []],
  ])('%s', (_name, overrides, expected) => {
    const l = line({ ...overrides, channel: 1 });
    expect(run([l]).map((i) => `${i.code}:${i.severity}`)).toEqual(expected);
  });

  it('names the gear and says what to do', () => {
    const [issue] = run([line({ gearId: 'md421' })]);
    expect(issue).toMatchObject({ field: 'gearId', gearId: 'md421', message: 'MD421 #3 is in repair: choose other gear.' });
    expect(run([line({ gearId: 'coles', phantom: true })])[0]?.message).toBe('Phantom power is on for a ribbon mic (Coles 4038 #1): turn it off.');
  });

  it('marks every line of a duplicated channel, naming the others', () => {
    const a = line({ channel: 3, source: 'Snare Top' });
    const b = line({ channel: 3, source: 'Snare Bottom' });
    const c = line({ channel: 4 });
    const issues = run([a, b, c]);
    expect(codes(issues)).toEqual([`${a.id}:duplicate_channel:error`, `${b.id}:duplicate_channel:error`]);
    expect(issues[0]?.message).toBe('Channel 3 is also used by “Snare Bottom”.');
    expect(issues[0]?.field).toBe('channel');
  });

  it('lines without a channel never clash', () => {
    expect(run([line(), line()])).toEqual([]);
  });
});

describe('gear planned beyond what the studio owns', () => {
  it('one unit on two channels of the same session', () => {
    const a = line({ channel: 10, gearId: 'u87-1', phantom: true });
    const b = line({ channel: 11, gearId: 'u87-1', phantom: true });
    const issues = run([a, b]);
    expect(codes(issues)).toEqual([`${a.id}:gear_overbooked:error`, `${b.id}:gear_overbooked:error`]);
    expect(issues[0]?.message).toBe('U87 #1 is planned on channels 10, 11; the studio has 1.');
  });

  it('one unit in an overlapping session is a conflict named like a booking conflict', () => {
    const a = line({ channel: 1, gearId: 'u87-1', phantom: true });
    const issues = run([a], [use('drums', 'u87-1', '16:00', '20:00')]);
    expect(codes(issues)).toEqual([`${a.id}:gear_conflict:error`]);
    expect(issues[0]).toMatchObject({
      message: "U87 #1 is already planned for 'Session drums' 16:00–20:00.",
      conflicts: [{ sessionId: 'drums', title: 'Session drums', startsAt: t('16:00'), endsAt: t('20:00') }],
    });
  });

  it.each<[string, GearUse, boolean]>([
    ['ends as we start (half-open)', use('x', 'u87-1', '08:00', '10:00'), false],
    ['starts as we end', use('x', 'u87-1', '18:00', '20:00'), false],
    ['one minute shared', use('x', 'u87-1', '17:59', '20:00'), true],
    ['another day', { ...use('x', 'u87-1', '10:00', '18:00'), startsAt: t('10:00', 6), endsAt: t('18:00', 6) }, false],
    ['a cancelled session plans nothing', use('x', 'u87-1', '10:00', '18:00', 1, { status: 'CANCELLED' }), false],
    ['a wrapped session still held it', use('x', 'u87-1', '09:00', '11:00', 1, { status: 'WRAPPED' }), true],
    ['other gear', use('x', 'coles', '10:00', '18:00'), false],
    ['our own session is never "another"', use('here', 'u87-1', '10:00', '18:00'), false],
  ])('%s → conflict: %s', (_name, other, conflict) => {
    const issues = run([line({ gearId: 'u87-1', phantom: true })], [other]);
    expect(issues.some((i) => i.code === 'gear_conflict')).toBe(conflict);
  });

  it('a cancelled session of ours conflicts with nothing', () => {
    expect(run([line({ gearId: 'u87-1', phantom: true })], [use('x', 'u87-1', '10:00', '18:00')], { ...session, status: 'CANCELLED' })).toEqual([]);
  });

  it('counts a pool at its busiest moment, not over the whole day', () => {
    // 3 SM57s: we use 1; two sessions use 2 each, one after the other: never more than 3 at once.
    const ours = [line({ gearId: 'sm57' })];
    const apart = [use('a', 'sm57', '10:00', '12:00', 2), use('b', 'sm57', '14:00', '16:00', 2)];
    expect(run(ours, apart)).toEqual([]);
    // Overlapping each other inside our window: 1 + 2 + 2 = 5 at 11:00.
    const together = [use('a', 'sm57', '10:00', '12:00', 2), use('b', 'sm57', '11:00', '16:00', 2)];
    const issues = run(ours, together);
    expect(issues.map((i) => i.code)).toEqual(['gear_conflict']);
    expect(issues[0]?.message).toBe("Shure SM57: 5 planned at once with 'Session a' 10:00–12:00 (and 1 more); the studio has 3.");
    expect(issues[0]?.conflicts?.map((c) => c.sessionId)).toEqual(['a', 'b']);
  });
});

describe('peakUse', () => {
  const minutes = (m: number) => new Date(Date.UTC(2026, 2, 5) + m * 60_000);
  it('equals a minute-by-minute count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.record({ s: fc.integer({ min: 0, max: 60 }), d: fc.integer({ min: 0, max: 30 }), units: fc.integer({ min: 0, max: 3 }), cancelled: fc.boolean() }), { maxLength: 6 }),
        (s, d, own, others) => {
          const window = { startsAt: minutes(s), endsAt: minutes(s + d) };
          const uses = others.map((o, i) => ({ sessionId: `s${i}`, title: `S${i}`, startsAt: minutes(o.s), endsAt: minutes(o.s + o.d), status: o.cancelled ? 'CANCELLED' as const : 'PLANNED' as const, gearId: 'g', units: o.units }));
          let expected = own;
          for (let x = s; x < s + d; x++) {
            let here = own;
            for (const o of others) if (!o.cancelled && x >= o.s && x < o.s + o.d) here += o.units;
            expected = Math.max(expected, here);
          }
          const { peak, at } = peakUse(window, own, uses);
          expect(peak).toBe(expected);
          // The uses named are active together at one moment and add up to the peak (none: the peak is our own).
          expect(own + at.reduce((sum, u) => sum + u.units, 0)).toBe(peak);
        },
      ),
    );
  });

  it('routing the rules over random lists: an over-planned item is always an error, never otherwise', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ channel: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), gear: fc.constantFrom(null, 'u87-1', 'sm57', 'coles'), phantom: fc.boolean() }), { maxLength: 8 }),
        fc.array(fc.record({ gear: fc.constantFrom('u87-1', 'sm57', 'coles'), from: fc.integer({ min: 6, max: 20 }), hours: fc.integer({ min: 1, max: 6 }), units: fc.integer({ min: 1, max: 3 }) }), { maxLength: 5 }),
        (lines, others) => {
          const inputs = lines.map((l, i) => ({ id: `x${i}`, channel: l.channel, source: `S${i}`, gearId: l.gear, phantom: l.phantom }));
          const uses = others.map((o, i) => ({ sessionId: `o${i}`, title: `O${i}`, startsAt: new Date(t('00:00').getTime() + o.from * 3_600_000), endsAt: new Date(t('00:00').getTime() + (o.from + o.hours) * 3_600_000), status: 'PLANNED' as const, gearId: o.gear, units: o.units }));
          const issues = run(inputs, uses);
          for (const [gearId, item] of GEAR) {
            const own = inputs.filter((l) => l.gearId === gearId).length;
            if (own === 0) continue;
            const { peak } = peakUse(session, own, uses.filter((u) => u.gearId === gearId));
            const flagged = issues.filter((i) => i.gearId === gearId && (i.code === 'gear_conflict' || i.code === 'gear_overbooked'));
            // Flagged on every line using it when over, on none otherwise.
            const using = inputs.filter((l) => l.gearId === gearId).map((l) => l.id);
            expect(new Set(flagged.map((i) => i.itemId))).toEqual(new Set(peak > item.quantity ? using : []));
          }
          // Duplicate channels: flagged exactly on lines sharing a channel.
          for (const l of inputs) {
            const dup = l.channel !== null && inputs.some((o) => o.id !== l.id && o.channel === l.channel);
            expect(issues.some((i) => i.itemId === l.id && i.code === 'duplicate_channel')).toBe(dup);
          }
        },
      ),
    );
  });
});

describe('introducedErrors', () => {
  it('is what a write adds on its own line, errors only', () => {
    const a = line({ channel: 1 });
    const b = line({ channel: 2, gearId: 'md421' });
    const before = run([a, b]);
    // b moves to channel 1: a duplicate (new) — its gear was already in repair (not new).
    const moved = { ...b, channel: 1 };
    const after = run([a, moved]);
    expect(introducedErrors(before, after, b.id).map((i) => i.code)).toEqual(['duplicate_channel']);
    // Warnings never count.
    const c = line({ gearId: 'coles' });
    expect(introducedErrors(run([c]), run([{ ...c, phantom: true }]), c.id)).toEqual([]);
  });
});
