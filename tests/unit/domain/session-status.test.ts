import { describe, expect, it } from 'vitest';
import {
  SESSION_COMMANDS,
  SESSION_STATUSES,
  TASK_STATUSES,
  isSessionWork,
  notDoneWarning,
  sessionCommandsFor,
  sessionTransition,
  statusAfterWork,
  tasksNotDone,
  type SessionCommand,
  type SessionStatus,
  type SessionWork,
  type TaskStatus,
} from '../../../shared/src/domain/index';

const task = (from: TaskStatus | null, to: TaskStatus): SessionWork => ({ kind: 'task', from, to });

describe('a session follows the work done in it', () => {
  it.each<[SessionStatus, SessionWork, SessionStatus]>([
    // Planned: work under way starts it.
    ['PLANNED', task('TODO', 'IN_PROGRESS'), 'IN_PROGRESS'],
    ['PLANNED', task('TODO', 'DONE'), 'IN_PROGRESS'],
    ['PLANNED', task('BLOCKED', 'IN_PROGRESS'), 'IN_PROGRESS'],
    ['PLANNED', task('IN_PROGRESS', 'DONE'), 'IN_PROGRESS'],
    ['PLANNED', task(null, 'IN_PROGRESS'), 'IN_PROGRESS'],
    ['PLANNED', task(null, 'DONE'), 'IN_PROGRESS'],
    ['PLANNED', { kind: 'setup', checked: true }, 'IN_PROGRESS'],
    // Planned: nothing under way yet.
    ['PLANNED', task('IN_PROGRESS', 'TODO'), 'PLANNED'],
    ['PLANNED', task('TODO', 'BLOCKED'), 'PLANNED'],
    ['PLANNED', task('DONE', 'TODO'), 'PLANNED'],
    ['PLANNED', task(null, 'TODO'), 'PLANNED'],
    ['PLANNED', task('IN_PROGRESS', 'IN_PROGRESS'), 'PLANNED'],
    ['PLANNED', task('DONE', 'DONE'), 'PLANNED'],
    ['PLANNED', { kind: 'setup', checked: false }, 'PLANNED'],
    // Already in progress: stays.
    ['IN_PROGRESS', task('TODO', 'IN_PROGRESS'), 'IN_PROGRESS'],
    ['IN_PROGRESS', task('DONE', 'TODO'), 'IN_PROGRESS'],
    ['IN_PROGRESS', { kind: 'setup', checked: false }, 'IN_PROGRESS'],
    // Wrapped and cancelled never change by themselves.
    ['WRAPPED', task('TODO', 'IN_PROGRESS'), 'WRAPPED'],
    ['WRAPPED', task('TODO', 'DONE'), 'WRAPPED'],
    ['WRAPPED', { kind: 'setup', checked: true }, 'WRAPPED'],
    ['CANCELLED', task('TODO', 'IN_PROGRESS'), 'CANCELLED'],
    ['CANCELLED', task(null, 'DONE'), 'CANCELLED'],
    ['CANCELLED', { kind: 'setup', checked: true }, 'CANCELLED'],
  ])('%s + %o → %s', (status, work, after) => {
    expect(statusAfterWork(status, work)).toBe(after);
  });

  it('only ever moves a planned session, and only to in progress', () => {
    const works: SessionWork[] = [
      ...[null, ...TASK_STATUSES].flatMap((from) => TASK_STATUSES.map((to) => task(from, to))),
      { kind: 'setup', checked: true },
      { kind: 'setup', checked: false },
    ];
    const moves = new Set<string>();
    for (const status of SESSION_STATUSES) {
      for (const work of works) {
        const after = statusAfterWork(status, work);
        if (after !== status) moves.add(`${status} → ${after}`);
        expect(after !== status).toBe(status === 'PLANNED' && isSessionWork(work));
      }
    }
    expect([...moves]).toEqual(['PLANNED → IN_PROGRESS']);
  });
});

describe('start, wrap and reopen', () => {
  it.each<[SessionStatus, SessionCommand, SessionStatus]>([
    ['PLANNED', 'start', 'IN_PROGRESS'],
    ['PLANNED', 'wrap', 'WRAPPED'],
    ['IN_PROGRESS', 'wrap', 'WRAPPED'],
    ['WRAPPED', 'reopen', 'IN_PROGRESS'],
  ])('%s, %s → %s', (status, command, to) => {
    expect(sessionTransition(status, command)).toEqual({ ok: true, status: to });
  });

  it.each<[SessionStatus, SessionCommand, RegExp]>([
    ['IN_PROGRESS', 'start', /^This session is already in progress$/],
    ['WRAPPED', 'start', /^This session is wrapped: reopen it to carry on$/],
    ['CANCELLED', 'start', /^This session is cancelled: un-cancel it before starting$/],
    ['WRAPPED', 'wrap', /^This session is already wrapped$/],
    ['CANCELLED', 'wrap', /^This session is cancelled: un-cancel it before wrapping$/],
    ['PLANNED', 'reopen', /nothing to reopen/],
    ['IN_PROGRESS', 'reopen', /^This session is already in progress$/],
    ['CANCELLED', 'reopen', /^This session is cancelled: un-cancel it before reopening$/],
  ])('%s, %s is refused: %s', (status, command, message) => {
    expect(sessionTransition(status, command)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('never cancels or un-cancels (that is a session edit), and never goes back to planned', () => {
    const allowed = SESSION_STATUSES.flatMap((status) => SESSION_COMMANDS.flatMap((command) => {
      const result = sessionTransition(status, command);
      return result.ok ? [`${status} ${command} → ${result.status}`] : [];
    }));
    expect(allowed).toEqual(['PLANNED start → IN_PROGRESS', 'PLANNED wrap → WRAPPED', 'IN_PROGRESS wrap → WRAPPED', 'WRAPPED reopen → IN_PROGRESS']);
  });

  it.each<[SessionStatus, SessionCommand[]]>([
    ['PLANNED', ['start', 'wrap']],
    ['IN_PROGRESS', ['wrap']],
    ['WRAPPED', ['reopen']],
    ['CANCELLED', []],
  ])('a %s session can be given %o', (status, commands) => {
    expect(sessionCommandsFor(status)).toEqual(commands);
  });
});

describe('wrapping with work left', () => {
  it.each<[Partial<Record<TaskStatus, number>>, number, string | null]>([
    [{}, 0, null],
    [{ DONE: 4 }, 0, null],
    [{ TODO: 1, DONE: 2 }, 1, '1 task not done'],
    [{ TODO: 1, IN_PROGRESS: 1, BLOCKED: 1, DONE: 5 }, 3, '3 tasks not done'],
  ])('%o: %i not done → %s', (counts, notDone, warning) => {
    expect(tasksNotDone(counts)).toBe(notDone);
    expect(notDoneWarning(tasksNotDone(counts))).toBe(warning);
  });
});
