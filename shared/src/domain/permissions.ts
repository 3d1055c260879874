/**
 * The permission matrix: what each access role may do, used by the REST API, the socket events
 * and the client (to hide what someone can't do). Pure data plus one function.
 *
 * Each cell is 'all' (anywhere in the studio), 'own' (only where the scope says the person is
 * involved, see OWN_SCOPE) or 'none'.
 */
export const ACCESS_ROLES = ['ADMIN', 'MANAGER', 'PRODUCER', 'ENGINEER', 'ASSISTANT_ENGINEER', 'GUEST'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export const ACCESS_ROLE_LABELS: Readonly<Record<AccessRole, string>> = {
  ADMIN: 'Studio admin',
  MANAGER: 'Studio manager',
  PRODUCER: 'Producer',
  ENGINEER: 'Engineer',
  ASSISTANT_ENGINEER: 'Assistant engineer',
  GUEST: 'Guest (artist)',
};

export const ACTIONS = [
  /** The studio with its rooms, members and projects. */
  'studio.view',
  /** Rooms and the studio's own task kinds. */
  'catalog.manage',
  /** Members, their access roles, invitations and sign-in sessions. */
  'members.manage',
  'projects.create',
  'projects.edit',
  /** Every session of the studio (otherwise only the ones the person is involved in). */
  'sessions.viewAll',
  'sessions.create',
  'sessions.edit',
  /** Start, wrap and reopen a session: whoever runs it (its producer or engineer, the project's lead). */
  'sessions.run',
  'board.view',
  'tasks.create',
  /** Title, notes, estimate, due time, position, status of anyone's task, delete. */
  'tasks.edit',
  /** Assign, reassign, re-route. */
  'tasks.assign',
  /** Move one's own task between statuses. */
  'tasks.updateOwnStatus',
  /** Comment on a board's tasks and name people in the comments (guests never see them). */
  'tasks.comment',
  /** Complete a mix review. */
  'mix.approve',
  'workload.viewTeam',
  'workload.viewOwn',
  'audit.view',
  /** A session's setup list: input list, patch plan, prep checklist (guests never see it). */
  'setup.view',
  /** Add, change, reorder, delete, import and generate setup lines. */
  'setup.edit',
  /** Check setup lines off and change their notes. */
  'setup.check',
  /** Create, change, duplicate and delete session templates. */
  'templates.manage',
] as const;
export type Action = (typeof ACTIONS)[number];
export type Grant = 'all' | 'own' | 'none';

const everything = Object.fromEntries(ACTIONS.map((a) => [a, 'all'])) as Record<Action, Grant>;
const nothing = Object.fromEntries(ACTIONS.map((a) => [a, 'none'])) as Record<Action, Grant>;

const engineer: Record<Action, Grant> = {
  ...nothing,
  'studio.view': 'all',
  'board.view': 'own',
  'sessions.run': 'own',
  'tasks.assign': 'own',
  'tasks.updateOwnStatus': 'own',
  'tasks.comment': 'own',
  'workload.viewOwn': 'all',
  'setup.view': 'own',
  'setup.edit': 'own',
  'setup.check': 'own',
  'templates.manage': 'all',
};

export const PERMISSIONS: Readonly<Record<AccessRole, Readonly<Record<Action, Grant>>>> = {
  ADMIN: everything,
  MANAGER: everything,
  PRODUCER: {
    ...nothing,
    'studio.view': 'all',
    'projects.create': 'all',
    'projects.edit': 'own',
    'sessions.viewAll': 'all',
    'sessions.create': 'own',
    'sessions.edit': 'own',
    'sessions.run': 'own',
    'board.view': 'all',
    'tasks.create': 'own',
    'tasks.edit': 'own',
    'tasks.assign': 'own',
    'tasks.updateOwnStatus': 'own',
    'tasks.comment': 'all',
    'mix.approve': 'own',
    'workload.viewTeam': 'all',
    'workload.viewOwn': 'all',
    'setup.view': 'all',
    'setup.edit': 'own',
    'setup.check': 'own',
    'templates.manage': 'all',
  },
  ENGINEER: engineer,
  // Assistants set up and strike: they check setup lines off and keep notes, the engineers plan them.
  ASSISTANT_ENGINEER: { ...engineer, 'tasks.assign': 'none', 'setup.edit': 'none', 'templates.manage': 'none' },
  GUEST: { ...nothing, 'board.view': 'own' },
};

/** How the person relates to the session (and task) an action is about. */
export interface AccessScope {
  /** Lead producer of the session's project. */
  readonly leadsProject?: boolean;
  /** The session's producer or engineer. */
  readonly staffsSession?: boolean;
  /** Has at least one task assigned in the session. */
  readonly hasTasksInSession?: boolean;
  /** A guest (artist) of the session's project. */
  readonly guestOfProject?: boolean;
  /** The task's assignee. */
  readonly isAssignee?: boolean;
}

/** What 'own' means for each action. */
const OWN_SCOPE: Readonly<Record<Action, (s: AccessScope) => boolean>> = {
  'studio.view': () => false,
  'catalog.manage': () => false,
  'members.manage': () => false,
  'projects.create': () => false,
  'projects.edit': (s) => Boolean(s.leadsProject),
  'sessions.viewAll': () => false,
  'sessions.create': (s) => Boolean(s.leadsProject),
  'sessions.edit': (s) => Boolean(s.leadsProject || s.staffsSession),
  'sessions.run': (s) => Boolean(s.leadsProject || s.staffsSession),
  'board.view': (s) => Boolean(s.leadsProject || s.staffsSession || s.hasTasksInSession || s.guestOfProject),
  'tasks.create': (s) => Boolean(s.leadsProject || s.staffsSession),
  'tasks.edit': (s) => Boolean(s.leadsProject || s.staffsSession),
  'tasks.assign': (s) => Boolean(s.leadsProject || s.staffsSession || s.hasTasksInSession),
  'tasks.updateOwnStatus': (s) => Boolean(s.isAssignee),
  'tasks.comment': (s) => Boolean(s.leadsProject || s.staffsSession || s.hasTasksInSession),
  'mix.approve': (s) => Boolean(s.leadsProject || s.staffsSession),
  'workload.viewTeam': () => false,
  'workload.viewOwn': () => false,
  'audit.view': () => false,
  'setup.view': (s) => Boolean(s.leadsProject || s.staffsSession || s.hasTasksInSession),
  'setup.edit': (s) => Boolean(s.leadsProject || s.staffsSession || s.hasTasksInSession),
  'setup.check': (s) => Boolean(s.leadsProject || s.staffsSession || s.hasTasksInSession),
  'templates.manage': () => false,
};

export function grantOf(role: AccessRole, action: Action): Grant {
  return PERMISSIONS[role][action];
}

/**
 * May a person with `role` do `action`? Without a scope, 'own' grants count as "maybe" (true):
 * use that to decide whether to show a control at all; pass the scope to decide for one thing.
 */
export function can(role: AccessRole, action: Action, scope?: AccessScope): boolean {
  const grant = grantOf(role, action);
  if (grant === 'all') return true;
  if (grant === 'none') return false;
  return scope === undefined ? true : OWN_SCOPE[action](scope);
}

/** Whether a member may take back a comment: its author (while they may comment there), and whoever may edit the session's tasks. */
export function canTakeBackComment(role: AccessRole, scope: AccessScope, authorId: string | null, memberId: string): boolean {
  return (authorId === memberId && can(role, 'tasks.comment', scope)) || can(role, 'tasks.edit', scope);
}

/** Whether `role` may change a task's status given the scope: editors anywhere, assignees their own. */
export function canChangeTaskStatus(role: AccessRole, scope: AccessScope): boolean {
  return can(role, 'tasks.edit', scope) || can(role, 'tasks.updateOwnStatus', scope);
}
