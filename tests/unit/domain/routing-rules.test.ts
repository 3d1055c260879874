import { describe, expect, it } from 'vitest';
import { RULE_LABELS, routeTask, routingReasonText } from '../../../shared/src/domain/index';
import type { RuleId, RoutingContext } from '../../../shared/src/domain/index';
import { at, booking, context, load, member, session, task } from './studio-fixtures';

interface Case {
  readonly name: string;
  readonly kind: string;
  readonly ctx: RoutingContext;
  readonly assignee: string | null;
  readonly rule: RuleId;
  /** Substrings the joined reasons must contain. */
  readonly says?: readonly string[];
}

const sam = member('sam', 'Sam', ['ENGINEER'], { knownRoomIds: ['room-a'] });
const alex = member('alex', 'Alex', ['ENGINEER']);
const jo = member('jo', 'Jo', ['PRODUCER']);
const kim = member('kim', 'Kim', ['PRODUCER']);

function run(cases: readonly Case[]) {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = routeTask(task(c.kind), c.ctx);
    expect(result.assigneeId).toBe(c.assignee);
    expect(result.rule).toBe(c.rule);
    const text = routingReasonText(result);
    for (const phrase of c.says ?? []) expect(text).toContain(phrase);
    // An assignment names its deciding rule; "nobody" explains itself without one.
    expect(text.includes(`Decided by ${RULE_LABELS[c.rule]}`)).toBe(c.assignee !== null);
  });
}

describe('rule 1: technical work → engineer, creative/managerial work → producer', () => {
  run([
    { name: 'mixing goes to the engineer, not the producer', kind: 'mixing', ctx: context([jo, alex]), assignee: 'alex', rule: 'role_match', says: ['Mixing is technical → engineer.', 'Alex is the only engineer.'] },
    { name: 'arrangement goes to the producer, not the engineer', kind: 'arrangement', ctx: context([alex, jo]), assignee: 'jo', rule: 'role_match', says: ['Arrangement is creative → producer.'] },
    { name: 'team coordination (managerial) goes to the producer', kind: 'team_coordination', ctx: context([alex, jo]), assignee: 'jo', rule: 'role_match' },
    { name: 'an assistant engineer may take mic setup', kind: 'mic_setup', ctx: context([member('ava', 'Ava', ['ASSISTANT_ENGINEER']), jo]), assignee: 'ava', rule: 'role_match' },
    { name: 'an assistant engineer does not mix', kind: 'mixing', ctx: context([member('ava', 'Ava', ['ASSISTANT_ENGINEER']), jo]), assignee: null, rule: 'no_eligible_member', says: ['Nobody is an engineer or has engineering skill.'] },
    { name: 'nobody with the role or skill → unassigned, not a random pick', kind: 'arrangement', ctx: context([sam, alex]), assignee: null, rule: 'no_eligible_member', says: ['Nobody is a producer or has production skill.'] },
  ]);
});

describe('rule 2: skills let members cross over, engineers only when explicitly skilled', () => {
  const engineeringProducer = member('jo', 'Jo', ['PRODUCER'], { skills: ['engineering'] });
  run([
    { name: 'a producer with engineering skill takes technical work when no engineer fits', kind: 'editing', ctx: context([engineeringProducer]), assignee: 'jo', rule: 'skill_fallback', says: ['Jo is a producer with engineering skill.', 'there is no engineer'] },
    {
      name: 'the producer steps in only because the engineer is double-booked',
      kind: 'editing',
      ctx: context([alex, engineeringProducer], [booking('alex', '2025-03-05T09:00:00Z', '2025-03-05T11:00:00Z', { title: 'Drum tracking', roomName: 'Live Room A' })]),
      assignee: 'jo',
      rule: 'skill_fallback',
      says: ["no engineer fits (Alex is booked on 'Drum tracking' in Live Room A)"],
    },
    { name: 'an available engineer beats a skilled producer with more free time', kind: 'editing', ctx: context([alex, engineeringProducer], [load('alex', 30)]), assignee: 'alex', rule: 'role_match' },
    { name: 'a task kind key as a skill counts too', kind: 'noise_cleanup', ctx: context([member('jo', 'Jo', ['PRODUCER'], { skills: ['Noise_Cleanup'] })]), assignee: 'jo', rule: 'skill_fallback', says: ['with noise cleanup skill'] },
    { name: 'a producer without engineering skill never gets technical work', kind: 'editing', ctx: context([jo]), assignee: null, rule: 'no_eligible_member' },
    { name: 'an engineer does not take producer work without skill', kind: 'creative_direction', ctx: context([alex]), assignee: null, rule: 'no_eligible_member' },
    { name: "an engineer with 'production' skill takes producer work", kind: 'creative_direction', ctx: context([member('alex', 'Alex', ['ENGINEER'], { skills: ['production'] })]), assignee: 'alex', rule: 'skill_fallback' },
    { name: 'an engineer skilled for the kind key takes it', kind: 'arrangement', ctx: context([member('alex', 'Alex', ['ENGINEER'], { skills: ['arrangement'] })]), assignee: 'alex', rule: 'skill_fallback' },
    { name: 'a skill for another kind does not count', kind: 'arrangement', ctx: context([member('alex', 'Alex', ['ENGINEER'], { skills: ['mix_review'] })]), assignee: null, rule: 'no_eligible_member' },
  ]);
});

describe('rule 3: room-bound work prefers someone who knows the room', () => {
  run([
    { name: 'mic setup goes to the engineer who knows Studio A', kind: 'mic_setup', ctx: context([alex, sam]), assignee: 'sam', rule: 'room_knowledge', says: ['Sam knows Studio A.', 'Sam knows Studio A; Alex does not.'] },
    { name: 'room knowledge beats free capacity for room-bound work', kind: 'tracking', ctx: context([alex, sam], [load('sam', 30)]), assignee: 'sam', rule: 'room_knowledge' },
    { name: 'room knowledge does not matter for editing (not room-bound)', kind: 'editing', ctx: context([alex, sam], [load('sam', 30)]), assignee: 'alex', rule: 'free_capacity' },
    { name: 'knowing another room does not count', kind: 'equipment_setup', ctx: context([alex, member('sam', 'Sam', ['ENGINEER'], { knownRoomIds: ['room-b'] })], [load('alex', 5)]), assignee: 'sam', rule: 'free_capacity' },
  ]);
});

describe('rule 4: nobody booked on another overlapping session is proposed', () => {
  run([
    {
      name: 'an engineer on an overlapping session is skipped',
      kind: 'mixing',
      ctx: context([alex, sam], [booking('alex', '2025-03-05T13:00:00Z', '2025-03-05T18:00:00Z')]),
      assignee: 'sam',
      rule: 'availability',
      says: ['Sam is the only engineer available'],
    },
    { name: 'a booking ending when the session starts is no overlap', kind: 'mixing', ctx: context([alex], [booking('alex', '2025-03-05T06:00:00Z', '2025-03-05T10:00:00Z')]), assignee: 'alex', rule: 'role_match' },
    { name: 'a booking starting when the session ends is no overlap', kind: 'mixing', ctx: context([alex], [booking('alex', '2025-03-05T14:00:00Z', '2025-03-05T16:00:00Z')]), assignee: 'alex', rule: 'role_match' },
    { name: 'bookings on the same session do not count as overlap', kind: 'mixing', ctx: context([alex], [booking('alex', '2025-03-05T10:00:00Z', '2025-03-05T14:00:00Z', { sessionId: 'session-1' })]), assignee: 'alex', rule: 'role_match' },
    {
      name: 'everyone booked → nobody, naming who is booked where',
      kind: 'mic_setup',
      ctx: context([sam], [booking('sam', '2025-03-05T08:00:00Z', '2025-03-05T12:00:00Z', { title: 'Drum tracking', roomName: 'Live Room A' })]),
      assignee: null,
      rule: 'no_eligible_member',
      says: ["No engineer or assistant engineer is free 10:00–14:00: Sam is booked on 'Drum tracking' in Live Room A."],
    },
    {
      name: 'times in reasons follow the studio time zone',
      kind: 'mixing',
      ctx: context([alex], [booking('alex', '2025-03-05T08:00:00Z', '2025-03-05T12:00:00Z')], { timeZone: 'Europe/Berlin' }),
      assignee: null,
      rule: 'no_eligible_member',
      says: ['No engineer is free 11:00–15:00'],
    },
  ]);
});

const staffedContext = (overrides: Parameters<typeof session>[0]) => ({ ...context([alex, sam, jo, kim], [load('sam', 20), load('kim', 20)]), session: session(overrides) });

describe('rule 5: the session’s own producer or engineer is preferred for their role', () => {
  const ctx = staffedContext;
  run([
    { name: "the session's engineer gets technical work over a freer engineer", kind: 'editing', ctx: ctx({ engineerId: 'sam' }), assignee: 'sam', rule: 'session_staff', says: ["Sam is the session's engineer."] },
    { name: "the session's engineer outranks room knowledge", kind: 'mic_setup', ctx: ctx({ engineerId: 'alex' }), assignee: 'alex', rule: 'session_staff' },
    { name: "the session's producer gets producer work over a freer producer", kind: 'artist_coaching', ctx: ctx({ producerId: 'kim' }), assignee: 'kim', rule: 'session_staff' },
    { name: "the session's producer is not preferred for engineer work", kind: 'editing', ctx: ctx({ producerId: 'kim' }), assignee: 'alex', rule: 'free_capacity' },
    { name: "the session's engineer booked elsewhere is skipped", kind: 'editing', ctx: { ...ctx({ engineerId: 'sam' }), bookings: [booking('sam', '2025-03-05T12:00:00Z', '2025-03-05T15:00:00Z')] }, assignee: 'alex', rule: 'availability' },
    // The booking that filled his week is this session: its mic setup adds no hours to it.
    {
      name: "the session's engineer over his week still gets its work (it adds no hours)",
      kind: 'mic_setup',
      ctx: { ...ctx({ engineerId: 'sam' }), bookings: [load('sam', 43.5)] },
      assignee: 'sam',
      rule: 'session_staff',
      says: ["Sam is the session's engineer.", "43.5 of 40 h booked this week; this task adds none (the session's time covers it)."],
    },
  ]);
});

describe('rule 6 and the session’s own staff', () => {
  it('over their week, the session’s engineer stays eligible and anyone else is blocked', () => {
    const result = routeTask(task('editing'), { ...context([alex, sam], [load('alex', 41), load('sam', 41)]), session: session({ engineerId: 'sam' }) });
    expect(result.candidates.map((c) => c.memberId)).toEqual(['sam']);
    expect(result.ineligible.map((i) => [i.memberId, i.blockers.map((b) => b.code)])).toEqual([['alex', ['over_capacity']]]);
  });
});

describe('rule 6: most free capacity wins; at or over capacity is a hard limit', () => {
  run([
    { name: 'the engineer with more free hours wins', kind: 'editing', ctx: context([alex, sam], [load('alex', 30), load('sam', 12)]), assignee: 'sam', rule: 'free_capacity', says: ['12 of 40 h booked this week.', 'Sam has 28 h free this week, Alex 10 h.'] },
    { name: 'free hours, not utilisation: 30 free of 60 beats 25 free of 30', kind: 'editing', ctx: context([member('alex', 'Alex', ['ENGINEER'], { weeklyCapacityHours: 60 }), member('sam', 'Sam', ['ENGINEER'], { weeklyCapacityHours: 30 })], [load('alex', 30), load('sam', 5)]), assignee: 'alex', rule: 'free_capacity' },
    { name: 'exactly at capacity is not eligible', kind: 'editing', ctx: context([alex], [load('alex', 40)]), assignee: null, rule: 'no_eligible_member', says: ['Alex is at capacity (40 of 40 h booked this week)'] },
    { name: 'over capacity is not eligible', kind: 'editing', ctx: context([alex, sam], [load('alex', 42), load('sam', 39.5)]), assignee: 'sam', rule: 'availability', says: ['Alex is over capacity (42 of 40 h booked this week)'] },
    { name: 'zero capacity is never eligible', kind: 'editing', ctx: context([member('alex', 'Alex', ['ENGINEER'], { weeklyCapacityHours: 0 })]), assignee: null, rule: 'no_eligible_member' },
    { name: 'bookings in another week do not count', kind: 'editing', ctx: context([alex, sam], [booking('alex', '2025-03-02T08:00:00Z', '2025-03-02T09:00:00Z', { minutes: 40 * 60 }), load('sam', 1)]), assignee: 'alex', rule: 'free_capacity' },
    {
      name: 'weeks follow the studio time zone (Sunday 23:30 UTC is Monday in Berlin)',
      kind: 'editing',
      ctx: context([alex, sam], [booking('alex', '2025-03-02T23:30:00Z', '2025-03-02T23:45:00Z', { minutes: 600 }), load('sam', 1)], { timeZone: 'Europe/Berlin' }),
      assignee: 'sam',
      rule: 'free_capacity',
    },
    { name: 'an explicit week overrides the computed one', kind: 'editing', ctx: context([alex, sam], [load('alex', 30)], { week: { start: new Date('2025-03-04T00:00:00Z'), end: new Date('2025-03-11T00:00:00Z') } }), assignee: 'alex', rule: 'tie_break' },
  ]);
});

describe('rule 7: deterministic tie-break by name, then id', () => {
  run([
    { name: 'equal engineers → alphabetical by name', kind: 'editing', ctx: context([sam, alex]), assignee: 'alex', rule: 'tie_break', says: ['Alex comes first by name'] },
    { name: 'same name → by id', kind: 'editing', ctx: context([member('b-2', 'Chris', ['ENGINEER']), member('a-1', 'Chris', ['ENGINEER'])]), assignee: 'a-1', rule: 'tie_break', says: ['comes first by id'] },
    { name: 'names compare case-insensitively: alex before Sam', kind: 'editing', ctx: context([member('x', 'Sam', ['ENGINEER']), member('y', 'alex', ['ENGINEER'])]), assignee: 'y', rule: 'tie_break' },
    { name: 'then exactly: Alex before alex', kind: 'editing', ctx: context([member('a', 'alex', ['ENGINEER']), member('b', 'Alex', ['ENGINEER'])]), assignee: 'b', rule: 'tie_break' },
  ]);
});

describe('routing result shape', () => {
  it('ranks every eligible member with a score breakdown and lists the others with why', () => {
    const ctx = context([alex, sam, jo], [load('alex', 30), load('sam', 12), booking('jo', '2025-03-05T09:00:00Z', '2025-03-05T11:00:00Z')]);
    const result = routeTask(task('mic_setup'), ctx);
    expect(result.role).toBe('ENGINEER');
    expect(result.kind?.key).toBe('mic_setup');
    expect(result.candidates.map((c) => [c.memberId, c.rank])).toEqual([
      ['sam', 1],
      ['alex', 2],
    ]);
    expect(result.candidates[0]?.score).toEqual({ roleFit: 'role', sessionStaff: 'none', knowsRoom: true, bookedMinutes: 720, capacityMinutes: 2400, freeMinutes: 1680, dayBookedMinutes: 0, dayCapacityMinutes: 480 });
    expect(result.candidates[1]?.reasons).toContain('Alex does not know Studio A.');
    expect(result.ineligible).toEqual([
      {
        memberId: 'jo',
        name: 'Jo',
        roleFit: null,
        blockers: [{ code: 'wrong_role' }],
        // Jo's figures and what he is busy with, for someone assigning him by hand anyway.
        score: { roleFit: 'skill', sessionStaff: 'none', knowsRoom: false, bookedMinutes: 120, capacityMinutes: 2400, freeMinutes: 2280, dayBookedMinutes: 120, dayCapacityMinutes: 480 },
        busyWith: expect.objectContaining({ memberId: 'jo', startsAt: at('2025-03-05T09:00:00Z') }),
        reasons: ['Jo is a producer without engineering skill.'],
      },
    ]);
    expect(result.reasons).toEqual([
      'Mic setup is technical → engineer (assistant engineers can take it too).',
      'Sam knows Studio A.',
      'Free 10:00–14:00.',
      '12 of 40 h booked this week.',
      'Decided by room knowledge: Sam knows Studio A; Alex does not.',
    ]);
    expect(result.week).toEqual({ start: new Date('2025-03-03T00:00:00Z'), end: new Date('2025-03-10T00:00:00Z') });
  });

  it('an unknown kind assigns nobody and says so', () => {
    const result = routeTask(task('karaoke'), context([alex]));
    expect(result).toMatchObject({ kind: undefined, role: null, assigneeId: null, rule: 'unknown_kind', candidates: [] });
    expect(result.reasons[0]).toContain("Unknown task kind 'karaoke'");
  });

  it("a studio's own kind routes by its default role", () => {
    const result = routeTask(task('track_sheet'), context([alex, member('ava', 'Ava', ['ASSISTANT_ENGINEER'])], [], { customKinds: [{ key: 'track_sheet', label: 'Track sheet', defaultRole: 'ASSISTANT_ENGINEER' }] }));
    expect(result.role).toBe('ASSISTANT_ENGINEER');
    expect(result.candidates.map((c) => c.memberId)).toEqual(['alex', 'ava']);
  });

  it('refuses a task from another session', () => {
    expect(() => routeTask(task('mixing', 'session-2'), context([alex]))).toThrow(/session-2/);
  });
});
