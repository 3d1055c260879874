import { describe, expect, it } from 'vitest';
import { checkManualAssignment } from '../../../shared/src/domain/index';
import { booking, context, load, member, task } from './studio-fixtures';

const eve = member('eve', 'Eve', ['ENGINEER']);
const pat = member('pat', 'Pat', ['PRODUCER']);
const jo = member('jo', 'Jo', ['PRODUCER'], { skills: ['engineering'] });

describe('checkManualAssignment', () => {
  it.each([
    ['a fitting, free engineer', 'mixing', 'eve', [], []],
    ['a producer with engineering skill', 'mixing', 'jo', [], []],
    ['a producer without engineering skill', 'mixing', 'pat', [], [['wrong_role', 'role_match', 'Pat is a producer without engineering skill. Mixing is technical → engineer.']]],
    ['an engineer on producer work', 'arrangement', 'eve', [], [['wrong_role', 'role_match', 'Eve is an engineer without production skill. Arrangement is creative → producer.']]],
    [
      'a double booking',
      'mixing',
      'eve',
      [booking('eve', '2025-03-05T12:00:00Z', '2025-03-05T16:00:00Z', { title: 'Drum tracking', roomName: 'Live Room A' })],
      [
        ['double_booked', 'availability', "Double booking: Eve is booked on 'Drum tracking' in Live Room A 12:00–16:00."],
        // The 4 h booked that day plus the 8 h mix.
        ['over_day_capacity', 'free_capacity', "With this task Eve would have 12 h on Wed 5 Mar, over a day's share of 8 h."],
      ],
    ],
    ['a long day (7 h booked that Wednesday, 2 h task)', 'editing', 'eve', [booking('eve', '2025-03-05T02:00:00Z', '2025-03-05T09:00:00Z')], [['over_day_capacity', 'free_capacity', "With this task Eve would have 9 h on Wed 5 Mar, over a day's share of 8 h."]]],
    ['exactly a full day (6 h + 2 h) is not over', 'editing', 'eve', [booking('eve', '2025-03-05T03:00:00Z', '2025-03-05T09:00:00Z')], []],
    ['at capacity', 'mixing', 'eve', [load('eve', 40)], [['over_capacity', 'free_capacity', 'Eve is at capacity (40 of 40 h booked this week).']]],
    ['pushed over capacity by this task (8 h mix)', 'mixing', 'eve', [load('eve', 35)], [['over_capacity', 'free_capacity', 'With this task Eve would be over capacity (43 of 40 h booked this week).']]],
    ['an unknown member', 'mixing', 'nobody', [], [['unknown_member', 'no_eligible_member', 'No member with id nobody in this studio.']]],
    ['an unknown kind', 'karaoke', 'eve', [], [['unknown_kind', 'unknown_kind', "Unknown task kind 'karaoke': add it to the studio's task kinds or assign the task manually."]]],
  ] as const)('%s', (_name, kind, memberId, bookings, expected) => {
    const warnings = checkManualAssignment(task(kind), memberId, context([eve, pat, jo], [...bookings]));
    expect(warnings.map((w) => [w.code, w.rule, w.message])).toEqual(expected);
  });

  it('reports every broken rule at once', () => {
    const warnings = checkManualAssignment(task('editing'), 'pat', context([pat], [load('pat', 41), booking('pat', '2025-03-05T09:00:00Z', '2025-03-05T11:00:00Z')]));
    expect(warnings.map((w) => w.code)).toEqual(['wrong_role', 'double_booked', 'over_capacity']);
  });

  it("the session's own staff add no task time", () => {
    const ctx = { ...context([eve], [load('eve', 35)]), session: { ...context([]).session, engineerId: 'eve' } };
    expect(checkManualAssignment(task('mixing'), 'eve', ctx)).toEqual([]);
  });

  it("the session's own staff over their week get no capacity warning: the task adds none", () => {
    const ctx = { ...context([eve], [load('eve', 43)]), session: { ...context([]).session, engineerId: 'eve' } };
    expect(checkManualAssignment(task('mixing'), 'eve', ctx)).toEqual([]);
    // The same week for someone not on the session still warns.
    expect(checkManualAssignment(task('mixing'), 'eve', context([eve], [load('eve', 43)])).map((w) => w.message)).toEqual(['Eve is over capacity (43 of 40 h booked this week).']);
  });
});
