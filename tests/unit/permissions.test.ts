import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESS_ROLES, ACTIONS, PERMISSIONS, can, canChangeTaskStatus, type AccessRole, type AccessScope, type Action } from '@patchbay/shared';

const implies = (a: boolean, b: boolean): boolean => !a || b;

describe('permission matrix', () => {
  it.each<[AccessRole, Action, AccessScope | undefined, boolean]>([
    ['ADMIN', 'members.manage', undefined, true],
    ['MANAGER', 'catalog.manage', undefined, true],
    ['PRODUCER', 'members.manage', undefined, false],
    ['PRODUCER', 'workload.viewTeam', undefined, true],
    ['PRODUCER', 'sessions.edit', { leadsProject: true }, true],
    ['PRODUCER', 'sessions.edit', { staffsSession: true }, true],
    ['PRODUCER', 'sessions.edit', {}, false],
    ['PRODUCER', 'mix.approve', { staffsSession: true }, true],
    ['ENGINEER', 'board.view', { staffsSession: true }, true],
    ['ENGINEER', 'board.view', { hasTasksInSession: true }, true],
    ['ENGINEER', 'board.view', {}, false],
    ['ENGINEER', 'tasks.assign', { staffsSession: true }, true],
    ['ENGINEER', 'tasks.edit', { staffsSession: true }, false],
    ['ENGINEER', 'tasks.updateOwnStatus', { isAssignee: true }, true],
    ['ENGINEER', 'tasks.updateOwnStatus', { staffsSession: true }, false],
    ['ENGINEER', 'workload.viewTeam', undefined, false],
    ['ASSISTANT_ENGINEER', 'tasks.assign', { staffsSession: true }, false],
    ['ASSISTANT_ENGINEER', 'tasks.updateOwnStatus', { isAssignee: true }, true],
    ['GUEST', 'board.view', { guestOfProject: true }, true],
    ['GUEST', 'board.view', { leadsProject: false }, false],
    ['GUEST', 'studio.view', undefined, false],
    ['GUEST', 'tasks.updateOwnStatus', { isAssignee: true }, false],
    // Setup lists: the session's engineers plan them, assistants check off, guests never see them.
    ['ENGINEER', 'setup.edit', { staffsSession: true }, true],
    ['ENGINEER', 'setup.edit', { hasTasksInSession: true }, true],
    ['ENGINEER', 'setup.edit', {}, false],
    ['ENGINEER', 'setup.view', {}, false],
    ['ASSISTANT_ENGINEER', 'setup.check', { hasTasksInSession: true }, true],
    ['ASSISTANT_ENGINEER', 'setup.edit', { staffsSession: true }, false],
    ['ASSISTANT_ENGINEER', 'templates.manage', undefined, false],
    ['PRODUCER', 'setup.view', {}, true],
    ['PRODUCER', 'setup.edit', { leadsProject: true }, true],
    ['PRODUCER', 'setup.edit', {}, false],
    ['PRODUCER', 'templates.manage', undefined, true],
    ['GUEST', 'setup.view', { guestOfProject: true }, false],
    ['GUEST', 'setup.check', { guestOfProject: true, isAssignee: true }, false],
    // Starting and wrapping a session: whoever runs it, engineers and assistants included.
    ['ENGINEER', 'sessions.run', { staffsSession: true }, true],
    ['ENGINEER', 'sessions.run', { hasTasksInSession: true }, false],
    ['ENGINEER', 'sessions.edit', { staffsSession: true }, false],
    ['ASSISTANT_ENGINEER', 'sessions.run', { staffsSession: true }, true],
    ['PRODUCER', 'sessions.run', { leadsProject: true }, true],
    ['PRODUCER', 'sessions.run', {}, false],
    ['GUEST', 'sessions.run', { guestOfProject: true }, false],
  ])('%s %s %o → %s', (role, action, scope, allowed) => {
    expect(can(role, action, scope)).toBe(allowed);
  });

  it('has a grant for every role and action', () => {
    for (const role of ACCESS_ROLES) for (const action of ACTIONS) expect(['all', 'own', 'none']).toContain(PERMISSIONS[role][action]);
  });

  const scopeArb = fc.record({
    leadsProject: fc.boolean(), staffsSession: fc.boolean(), hasTasksInSession: fc.boolean(), guestOfProject: fc.boolean(), isAssignee: fc.boolean(),
  });

  it('admins may do everything, whatever the scope', () => {
    expect(() =>
      fc.assert(fc.property(fc.constantFrom(...ACTIONS), scopeArb, (action, scope) => can('ADMIN', action, scope) && can('MANAGER', action, scope))),
    ).not.toThrow();
  });

  it('a scope never grants what the role lacks, and assistants never exceed engineers', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.constantFrom(...ACCESS_ROLES), fc.constantFrom(...ACTIONS), scopeArb, (role, action, scope) =>
          implies(PERMISSIONS[role][action] === 'none', !can(role, action, scope)) &&
          implies(can('ASSISTANT_ENGINEER', action, scope), can('ENGINEER', action, scope)) &&
          implies(can('GUEST', action, scope), action === 'board.view') &&
          // Whoever may change a setup list may check it off, and whoever checks it off sees it.
          implies(can(role, 'setup.edit', scope), can(role, 'setup.check', scope)) &&
          implies(can(role, 'setup.check', scope), can(role, 'setup.view', scope) && can(role, 'board.view', scope)),
        ),
      ),
    ).not.toThrow();
  });

  it('lets assignees move their own tasks and editors move any', () => {
    expect(canChangeTaskStatus('ENGINEER', { isAssignee: true })).toBe(true);
    expect(canChangeTaskStatus('ENGINEER', { staffsSession: true })).toBe(false);
    expect(canChangeTaskStatus('PRODUCER', { leadsProject: true })).toBe(true);
    expect(canChangeTaskStatus('GUEST', { isAssignee: true, guestOfProject: true })).toBe(false);
  });
});
