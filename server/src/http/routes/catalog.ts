import {
  MemberInputSchema,
  MemberParamsSchema,
  MemberPatchSchema,
  MemberSchema,
  ProjectInputSchema,
  ProjectParamsSchema,
  ProjectPatchSchema,
  ProjectSchema,
  RoomInputSchema,
  RoomParamsSchema,
  RoomPatchSchema,
  RoomSchema,
  TaskKindInputSchema,
  TaskKindParamsSchema,
  TaskKindPatchSchema,
  TaskKindSchema,
} from '@patchbay/shared';
import * as catalog from '../../domain/catalog';
import { currentStudioId } from '../../domain/studio';
import { defineRoute } from '../route';

export const roomRoutes = [
  defineRoute(
    { method: 'post', path: '/rooms', tag: 'Rooms', summary: 'Add a room', body: RoomInputSchema, status: 201, response: RoomSchema, errors: ['CONFLICT'] },
    async ({ ctx, body }) => catalog.createRoom(ctx, await currentStudioId(ctx), body),
  ),
  defineRoute(
    { method: 'patch', path: '/rooms/:roomId', tag: 'Rooms', summary: 'Change a room', params: RoomParamsSchema, body: RoomPatchSchema, status: 200, response: RoomSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, params, body }) => catalog.updateRoom(ctx, await currentStudioId(ctx), params.roomId, body),
  ),
  defineRoute(
    { method: 'delete', path: '/rooms/:roomId', tag: 'Rooms', summary: 'Remove a room without sessions', params: RoomParamsSchema, status: 204, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, params }) => catalog.deleteRoom(ctx, await currentStudioId(ctx), params.roomId),
  ),
];

export const memberRoutes = [
  defineRoute(
    { method: 'post', path: '/members', tag: 'Members', summary: 'Add a member with roles, skills, weekly capacity and the rooms they know', body: MemberInputSchema, status: 201, response: MemberSchema, errors: ['CONFLICT'] },
    async ({ ctx, body }) => catalog.createMember(ctx, await currentStudioId(ctx), body),
  ),
  defineRoute(
    { method: 'patch', path: '/members/:memberId', tag: 'Members', summary: 'Change a member', params: MemberParamsSchema, body: MemberPatchSchema, status: 200, response: MemberSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, params, body }) => catalog.updateMember(ctx, await currentStudioId(ctx), params.memberId, body),
  ),
  defineRoute(
    { method: 'delete', path: '/members/:memberId', tag: 'Members', summary: 'Remove a member (their tasks become unassigned)', params: MemberParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, params }) => catalog.deleteMember(ctx, await currentStudioId(ctx), params.memberId),
  ),
];

export const projectRoutes = [
  defineRoute(
    { method: 'post', path: '/projects', tag: 'Projects', summary: "Add an artist's project (album, EP, single)", body: ProjectInputSchema, status: 201, response: ProjectSchema },
    async ({ ctx, body }) => catalog.createProject(ctx, await currentStudioId(ctx), body),
  ),
  defineRoute(
    { method: 'patch', path: '/projects/:projectId', tag: 'Projects', summary: 'Change a project', params: ProjectParamsSchema, body: ProjectPatchSchema, status: 200, response: ProjectSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, params, body }) => catalog.updateProject(ctx, await currentStudioId(ctx), params.projectId, body),
  ),
  defineRoute(
    { method: 'delete', path: '/projects/:projectId', tag: 'Projects', summary: 'Remove a project without sessions', params: ProjectParamsSchema, status: 204, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, params }) => catalog.deleteProject(ctx, await currentStudioId(ctx), params.projectId),
  ),
];

export const taskKindRoutes = [
  defineRoute(
    { method: 'post', path: '/task-kinds', tag: 'Task kinds', summary: "Add a studio's own task kind with its default role (may replace a built-in key)", body: TaskKindInputSchema, status: 201, response: TaskKindSchema, errors: ['CONFLICT'] },
    async ({ ctx, body }) => catalog.createKind(ctx, await currentStudioId(ctx), body),
  ),
  defineRoute(
    { method: 'patch', path: '/task-kinds/:key', tag: 'Task kinds', summary: "Change a studio's own task kind", params: TaskKindParamsSchema, body: TaskKindPatchSchema, status: 200, response: TaskKindSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, params, body }) => catalog.updateKind(ctx, await currentStudioId(ctx), params.key, body),
  ),
  defineRoute(
    { method: 'delete', path: '/task-kinds/:key', tag: 'Task kinds', summary: "Remove a studio's own task kind (a replaced built-in comes back)", params: TaskKindParamsSchema, status: 204, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, params }) => catalog.deleteKind(ctx, await currentStudioId(ctx), params.key),
  ),
];
