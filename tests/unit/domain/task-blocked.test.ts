import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockedReasonAfter, blockedReasonRefusal } from '@patchbay/shared/domain/task-blocked';
import { TASK_STATUSES, type TaskStatus } from '@patchbay/shared/domain/roles';

describe('why a task is blocked, after a change', () => {
  it.each<[TaskStatus, string | undefined, string, string]>([
    // status after, reason given, reason before → reason after
    ['BLOCKED', 'Waiting for the DI', '', 'Waiting for the DI'],
    ['BLOCKED', 'DI at 14:00', 'Waiting for the DI', 'DI at 14:00'],
    ['BLOCKED', undefined, 'Waiting for the DI', 'Waiting for the DI'],
    ['BLOCKED', '', 'Waiting for the DI', ''],
    ['IN_PROGRESS', undefined, 'Waiting for the DI', ''],
    ['DONE', 'Waiting for the DI', '', ''],
    ['TODO', undefined, '', ''],
  ])('%s with %j, before %j → %j', (status, given, before, after) => {
    expect(blockedReasonAfter(status, given, before)).toBe(after);
  });

  it.each<[TaskStatus, string | undefined, boolean]>([
    // status after, reason given → refused
    ['BLOCKED', 'Waiting for the DI', false],
    ['BLOCKED', undefined, false],
    ['IN_PROGRESS', 'Waiting for the DI', true],
    ['DONE', '', false],
    ['TODO', undefined, false],
  ])('a reason with a change to %s (%j) refused: %s', (status, given, refused) => {
    expect(blockedReasonRefusal(status, given) !== null).toBe(refused);
  });

  it('a task not in Blocked never keeps a reason, and a reason that is not refused is what it gets', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TASK_STATUSES), fc.option(fc.string(), { nil: undefined }), fc.string(), (status, given, before) => {
        const after = blockedReasonAfter(status, given, before);
        const expected = status !== 'BLOCKED' ? '' : given === undefined ? before : given;
        expect(after).toBe(expected);
        // Refused exactly when a reason would be thrown away.
        expect(blockedReasonRefusal(status, given) !== null).toBe(given !== undefined && given !== after);
      }),
    );
  });
});
