import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockedReasonAfter } from '@patchbay/shared/domain/task-blocked';
import { TASK_STATUSES, type TaskStatus } from '@patchbay/shared/domain/roles';

describe('why a task is blocked, after a change', () => {
  it.each<[TaskStatus, string | undefined, string, string]>([
    // status after, reason given, reason before → reason after
    ['BLOCKED', 'Waiting for the DI', '', 'Waiting for the DI'],
    ['BLOCKED', '  DI at 14:00 ', 'Waiting for the DI', 'DI at 14:00'],
    ['BLOCKED', undefined, 'Waiting for the DI', 'Waiting for the DI'],
    ['BLOCKED', '', 'Waiting for the DI', ''],
    ['IN_PROGRESS', undefined, 'Waiting for the DI', ''],
    ['DONE', 'Waiting for the DI', '', ''],
    ['TODO', undefined, '', ''],
  ])('%s with %j, before %j → %j', (status, given, before, after) => {
    expect(blockedReasonAfter(status, given, before)).toBe(after);
  });

  it('is empty whenever the task is not blocked, and never keeps surrounding spaces', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TASK_STATUSES), fc.option(fc.string(), { nil: undefined }), fc.string(), (status, given, before) => {
        const expected = status !== 'BLOCKED' ? '' : given !== undefined ? given.trim() : before;
        expect(blockedReasonAfter(status, given, before)).toBe(expected);
      }),
    );
  });
});
