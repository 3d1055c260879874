import { describe, expect, it } from 'vitest';
import { routeSessionTasks, routeTask } from '../../../shared/src/domain/index';
import { context, load, member, session } from './studio-fixtures';

describe('routeSessionTasks', () => {
  it('spreads work: each assignment adds its estimate to the assignee’s week', () => {
    const team = [member('eve', 'Eve', ['ENGINEER'], { weeklyCapacityHours: 10 }), member('eli', 'Eli', ['ENGINEER'], { weeklyCapacityHours: 10 })];
    const tasks = [
      { kind: 'editing', sessionId: 'session-1', estimateMinutes: 120 },
      { kind: 'editing', sessionId: 'session-1', estimateMinutes: 120 },
      { kind: 'noise_cleanup', sessionId: 'session-1', estimateMinutes: 60 },
      { kind: 'bounce_export', sessionId: 'session-1' },
    ];
    const results = routeSessionTasks(tasks, context(team, [load('eli', 1)]));
    expect(results.map((r) => [r.assigneeId, r.rule])).toEqual([
      ['eve', 'free_capacity'], // free: Eve 10 h, Eli 9 h
      ['eli', 'free_capacity'], // Eve 8 h, Eli 9 h
      ['eve', 'free_capacity'], // Eve 8 h, Eli 7 h
      ['eli', 'tie_break'], // both 7 h: Eli before Eve by name
    ]);
    expect(results[3]?.candidates.map((c) => c.score.freeMinutes)).toEqual([420, 420]);
  });

  it('stops at the hard capacity limit', () => {
    const results = routeSessionTasks(
      [
        { kind: 'mixing', sessionId: 'session-1', estimateMinutes: 600 },
        { kind: 'mixing', sessionId: 'session-1', estimateMinutes: 60 },
      ],
      context([member('eve', 'Eve', ['ENGINEER'], { weeklyCapacityHours: 10 })]),
    );
    expect(results.map((r) => r.assigneeId)).toEqual(['eve', null]);
    expect(results[1]?.reasons.join(' ')).toContain('Eve is at capacity (10 of 10 h booked this week)');
  });

  it('does not add time for the session’s own staff, whose session already books them', () => {
    const ctx = { ...context([member('eve', 'Eve', ['ENGINEER'], { weeklyCapacityHours: 10 })]), session: session({ engineerId: 'eve' }) };
    const results = routeSessionTasks(Array.from({ length: 5 }, () => ({ kind: 'mixing', sessionId: 'session-1' })), ctx);
    expect(results.every((r) => r.assigneeId === 'eve' && r.rule === 'role_match')).toBe(true);
  });

  it('routes the first task exactly like routeTask', () => {
    const ctx = context([member('eve', 'Eve', ['ENGINEER']), member('pat', 'Pat', ['PRODUCER'])]);
    const [first] = routeSessionTasks([{ kind: 'arrangement', sessionId: 'session-1' }], ctx);
    expect(first).toEqual(routeTask({ kind: 'arrangement', sessionId: 'session-1' }, ctx));
  });
});
