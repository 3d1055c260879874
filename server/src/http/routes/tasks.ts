import {
  CreateTaskInputSchema,
  DeleteTaskQuerySchema,
  SessionParamsSchema,
  TaskParamsSchema,
  TaskSchema,
  UpdateTaskInputSchema,
  RerouteInputSchema,
  MoveTaskInputSchema,
  MovedTaskSchema,
  AssignmentCheckInputSchema,
  AssignmentCheckSchema,
  TaskAssignmentListSchema,
  TaskCandidatesSchema,
} from '@patchbay/shared';
import { checkAssignment, listAssignments, rerouteTask, taskCandidates } from '../../domain/task-assignment';
import { moveTask } from '../../domain/task-move';
import { createTask, deleteTask, updateTask } from '../../domain/tasks';
import { defineRoute } from '../route';
import { requester } from './requester';


export const taskRoutes = [
  defineRoute(
    { method: 'post', path: '/sessions/:sessionId/tasks', tag: 'Tasks', access: 'tasks.create', summary: 'Create a task; without assigneeId it is routed to a role and person, with the reason', params: SessionParamsSchema, body: CreateTaskInputSchema, status: 201, response: TaskSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, body, req }) => createTask(ctx, auth, params.sessionId, body, requester(req)),
  ),
  defineRoute(
    { method: 'patch', path: '/tasks/:taskId', tag: 'Tasks', access: 'board.view', summary: 'Change a task; `version` must be the current one or the answer is 409 with the current task', params: TaskParamsSchema, body: UpdateTaskInputSchema, status: 200, response: TaskSchema, errors: ['NOT_FOUND', 'VERSION_CONFLICT'] },
    async ({ ctx, auth, params, body, req }) => updateTask(ctx, auth, params.taskId, body, requester(req)),
  ),
  defineRoute(
    { method: 'delete', path: '/tasks/:taskId', tag: 'Tasks', access: 'tasks.edit', summary: 'Delete a task (optionally only if still at `version`)', params: TaskParamsSchema, query: DeleteTaskQuerySchema, status: 204, errors: ['NOT_FOUND', 'VERSION_CONFLICT'] },
    async ({ ctx, auth, params, query, req }) => deleteTask(ctx, auth, params.taskId, query.version, requester(req)),
  ),
  defineRoute(
    { method: 'post', path: '/tasks/:taskId/move', tag: 'Tasks', access: 'board.view', summary: 'Move a task to a column and place (drag and drop); the event carries the new order of the columns it touched', params: TaskParamsSchema, body: MoveTaskInputSchema, status: 200, response: MovedTaskSchema, errors: ['NOT_FOUND', 'VERSION_CONFLICT'] },
    async ({ ctx, auth, params, body, req }) => moveTask(ctx, auth, params.taskId, body, requester(req)),
  ),
  defineRoute(
    { method: 'post', path: '/tasks/:taskId/reroute', tag: 'Routing', access: 'tasks.assign', summary: 'Route the task again (replaces a manual assignment)', params: TaskParamsSchema, body: RerouteInputSchema, status: 200, response: TaskSchema, errors: ['NOT_FOUND', 'VERSION_CONFLICT'] },
    async ({ ctx, auth, params, body, req }) => rerouteTask(ctx, auth, params.taskId, body.version, requester(req)),
  ),
  defineRoute(
    { method: 'get', path: '/tasks/:taskId/candidates', tag: 'Routing', access: 'tasks.assign', summary: "Who could take this task instead: everyone as routing sees them (ranked candidates, who is blocked and why), each with their week's and day's hours, whether they are free in the task's slot and what taking it adds; and what moving it frees for its assignee. Changes nothing", params: TaskParamsSchema, status: 200, response: TaskCandidatesSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => taskCandidates(ctx, auth, params.taskId),
  ),
  defineRoute(
    { method: 'post', path: '/tasks/:taskId/assignment-check', tag: 'Routing', access: 'tasks.assign', summary: 'Which routing rules assigning this member by hand would break (double booking, role, capacity); changes nothing', params: TaskParamsSchema, body: AssignmentCheckInputSchema, status: 200, response: AssignmentCheckSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, body }) => ({ warnings: await checkAssignment(ctx, auth, params.taskId, body.memberId) }),
  ),
  defineRoute(
    { method: 'get', path: '/tasks/:taskId/assignments', tag: 'Routing', access: 'board.view', summary: 'Assignment history of a task: routed or by hand, who, why, and the rules an override broke', params: TaskParamsSchema, status: 200, response: TaskAssignmentListSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => ({ assignments: await listAssignments(ctx, auth, params.taskId) }),
  ),
];
