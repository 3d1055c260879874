import { describe, expect, it } from 'vitest';
import { followUpTasks } from '../../../shared/src/domain/index';
import type { CompletedTask } from '../../../shared/src/domain/index';

const session = { id: 's1', title: 'Mixdown: "Night Drive"', producerId: 'pat' };
const mix: CompletedTask = { id: 't1', kind: 'mixing', title: 'Mix "Night Drive"', status: 'DONE', role: 'ENGINEER', assigneeId: 'eve', sessionId: 's1' };

describe('followUpTasks (product rule 7)', () => {
  it("a done engineer mix creates a mix review for the session's producer", () => {
    expect(followUpTasks(mix, session)).toEqual([
      {
        kind: 'mix_review',
        title: 'Review mix: Mix "Night Drive"',
        sessionId: 's1',
        role: 'PRODUCER',
        assigneeId: 'pat',
        estimateMinutes: 60,
        sourceTaskId: 't1',
        routingReason: "The mix is done → mix review for the session's producer (product rule 7).",
      },
    ]);
  });

  it.each([
    ['not done yet', { ...mix, status: 'IN_PROGRESS' as const }],
    ['not a mix', { ...mix, kind: 'editing' }],
    ['a producer-role task', { ...mix, role: 'PRODUCER' as const }],
    ['the producer mixed it themself', { ...mix, assigneeId: 'pat' }],
  ])('nothing when %s', (_name, task) => {
    expect(followUpTasks(task, session)).toEqual([]);
  });

  it('no duplicate while a review is open; a new one after the last was done', () => {
    expect(followUpTasks(mix, session, [{ kind: 'mix_review', status: 'TODO' }])).toEqual([]);
    expect(followUpTasks(mix, session, [{ kind: 'mix_review', status: 'DONE' }])).toHaveLength(1);
  });

  it('without a producer the review is unassigned, to be routed', () => {
    const [review] = followUpTasks({ ...mix, title: undefined }, { id: 's1', producerId: null });
    expect(review).toMatchObject({ assigneeId: null, title: 'Review mix', role: 'PRODUCER' });
    expect(review?.routingReason).toContain('no producer');
  });

  it('refuses a task from another session', () => {
    expect(() => followUpTasks({ ...mix, sessionId: 's2' }, session)).toThrow('Task belongs to session s2, not s1');
  });
});
