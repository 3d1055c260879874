import { describe, expect, it } from 'vitest';
import { BUILT_IN_TASK_KINDS, routeTask } from '../../../shared/src/domain/index';
import { context, member, task } from './studio-fixtures';

// One studio: a producer, an engineer who knows Studio A, an engineer who does not (and has
// more free time), and an assistant engineer. Who gets each built-in kind:
const team = [
  member('pat', 'Pat', ['PRODUCER']),
  member('eve', 'Eve', ['ENGINEER'], { knownRoomIds: ['room-a'], weeklyCapacityHours: 30 }),
  member('eli', 'Eli', ['ENGINEER'], { weeklyCapacityHours: 50 }),
  member('ash', 'Ash', ['ASSISTANT_ENGINEER'], { knownRoomIds: ['room-a'], weeklyCapacityHours: 60 }),
];

const expected = [
  // key, category, role, room-bound, assignee, rule
  ['room_prep', 'technical', 'ENGINEER', true, 'ash', 'free_capacity'], // assistant-capable; Ash knows the room and is freest
  ['equipment_setup', 'technical', 'ENGINEER', true, 'eve', 'room_knowledge'],
  ['mic_setup', 'technical', 'ENGINEER', true, 'ash', 'free_capacity'],
  ['soundboard_operation', 'technical', 'ENGINEER', true, 'eve', 'room_knowledge'],
  ['tracking', 'technical', 'ENGINEER', true, 'eve', 'room_knowledge'],
  ['editing', 'technical', 'ENGINEER', false, 'eli', 'free_capacity'],
  ['noise_cleanup', 'technical', 'ENGINEER', false, 'eli', 'free_capacity'],
  ['mixing', 'technical', 'ENGINEER', false, 'eli', 'free_capacity'],
  ['bounce_export', 'technical', 'ENGINEER', false, 'eli', 'free_capacity'],
  ['creative_direction', 'creative', 'PRODUCER', false, 'pat', 'role_match'],
  ['arrangement', 'creative', 'PRODUCER', false, 'pat', 'role_match'],
  ['artist_coaching', 'creative', 'PRODUCER', false, 'pat', 'role_match'],
  ['production_planning', 'creative', 'PRODUCER', false, 'pat', 'role_match'],
  ['team_coordination', 'creative', 'PRODUCER', false, 'pat', 'role_match'],
  ['mix_review', 'creative', 'PRODUCER', false, 'pat', 'role_match'],
] as const;

describe('built-in task kinds', () => {
  it('the table covers every built-in kind exactly once', () => {
    expect(expected.map(([key]) => key)).toEqual(BUILT_IN_TASK_KINDS.map((kind) => kind.key));
  });

  it.each(expected)('%s is %s work for the %s role (room-bound: %s) → %s by %s', (key, category, role, roomBound, assignee, rule) => {
    const result = routeTask(task(key), context(team));
    expect(result.kind).toMatchObject({ key, category, defaultRole: role, roomBound });
    expect(result.role).toBe(role);
    expect(result.assigneeId).toBe(assignee);
    expect(result.rule).toBe(rule);
    expect(result.reasons[0]).toBe(`${result.kind?.label} is ${category} → ${role === 'ENGINEER' ? 'engineer' : 'producer'}${result.kind?.assistantCapable ? ' (assistant engineers can take it too)' : ''}.`);
  });

  it.each(expected.filter(([, category]) => category === 'technical'))('%s falls back to a producer with engineering skill', (key) => {
    const result = routeTask(task(key), context([member('pat', 'Pat', ['PRODUCER'], { skills: ['engineering'] })]));
    expect(result.assigneeId).toBe('pat');
    expect(result.rule).toBe('skill_fallback');
  });

  it.each(expected.filter(([, category]) => category === 'creative'))('%s goes to an engineer only with production skill', (key) => {
    expect(routeTask(task(key), context([member('eve', 'Eve', ['ENGINEER'])])).assigneeId).toBeNull();
    expect(routeTask(task(key), context([member('eve', 'Eve', ['ENGINEER'], { skills: ['production'] })])).assigneeId).toBe('eve');
  });
});
