import { describe, expect, it } from 'vitest';
import {
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  SESSION_STATUS_LABELS,
  SESSION_STATUSES,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  isMemberRole,
  isSessionStatus,
  isTaskStatus,
  roleWithArticle,
} from '../../../shared/src/domain/index';

describe('roles and statuses', () => {
  it('match the database enums', () => {
    expect(MEMBER_ROLES).toEqual(['PRODUCER', 'ENGINEER', 'ASSISTANT_ENGINEER']);
    expect(TASK_STATUSES).toEqual(['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE']);
    expect(SESSION_STATUSES).toEqual(['PLANNED', 'IN_PROGRESS', 'WRAPPED', 'CANCELLED']);
  });

  it('have a label for every value', () => {
    expect(Object.keys(MEMBER_ROLE_LABELS)).toEqual([...MEMBER_ROLES]);
    expect(Object.keys(TASK_STATUS_LABELS)).toEqual([...TASK_STATUSES]);
    expect(Object.keys(SESSION_STATUS_LABELS)).toEqual([...SESSION_STATUSES]);
    expect(MEMBER_ROLE_LABELS.ASSISTANT_ENGINEER).toBe('Assistant engineer');
    expect(TASK_STATUS_LABELS.IN_PROGRESS).toBe('In progress');
  });

  it('guards and articles', () => {
    expect(isMemberRole('ENGINEER')).toBe(true);
    expect(isMemberRole('engineer')).toBe(false);
    expect(isTaskStatus('DONE')).toBe(true);
    expect(isSessionStatus('WRAPPED')).toBe(true);
    expect(isSessionStatus(3)).toBe(false);
    expect(roleWithArticle('ENGINEER')).toBe('an engineer');
    expect(roleWithArticle('PRODUCER')).toBe('a producer');
  });
});
