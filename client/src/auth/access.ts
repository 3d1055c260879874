import type { AccessScope, Project, Session, Task } from '@patchbay/shared';
import type { Permissions } from './auth-context';

/** The Studio section exists for whoever may change something in it. */
export function canSeeStudioAdmin(p: Permissions): boolean {
  return p.can('catalog.manage') || p.can('members.manage') || p.can('projects.create') || p.can('templates.manage') || p.can('audit.view');
}

/**
 * How the signed-in member relates to a session (for 'own' grants), worked out the way the
 * server does: lead producer of its project, its producer or engineer, assignee of a task in it.
 * `projects` comes from GET /studio; without it, "leads the project" is unknown (false).
 */
export function sessionScope(
  memberId: string,
  session: Pick<Session, 'producer' | 'engineer' | 'project'>,
  tasks: Iterable<Task>,
  projects: readonly Project[] | undefined,
): AccessScope {
  let hasTasksInSession = false;
  for (const task of tasks) {
    if (task.assignee?.id === memberId) {
      hasTasksInSession = true;
      break;
    }
  }
  return {
    leadsProject: projects?.find((p) => p.id === session.project.id)?.leadProducerId === memberId,
    staffsSession: session.producer?.id === memberId || session.engineer?.id === memberId,
    hasTasksInSession,
  };
}

/** The session scope narrowed to one task. */
export function taskScope(memberId: string, scope: AccessScope, task: Task): AccessScope {
  return { ...scope, isAssignee: task.assignee?.id === memberId };
}
