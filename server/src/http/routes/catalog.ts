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
import { defineRoute } from '../route';

export const roomRoutes = [
  defineRoute(
    { method: 'post', path: '/rooms', tag: 'Rooms', access: 'catalog.manage', summary: 'Add a room', body: RoomInputSchema, status: 201, response: RoomSchema, errors: ['CONFLICT'] },
    async ({ ctx, auth, body }) => catalog.createRoom(ctx, auth.studioId, body),
  ),
  defineRoute(
    { method: 'patch', path: '/rooms/:roomId', tag: 'Rooms', access: 'catalog.manage', summary: 'Change a room', params: RoomParamsSchema, body: RoomPatchSchema, status: 200, response: RoomSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params, body }) => catalog.updateRoom(ctx, auth.studioId, params.roomId, body),
  ),
  defineRoute(
    { method: 'delete', path: '/rooms/:roomId', tag: 'Rooms', access: 'catalog.manage', summary: 'Remove a room without sessions', params: RoomParamsSchema, status: 204, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params }) => catalog.deleteRoom(ctx, auth.studioId, params.roomId),
  ),
];

export const memberRoutes = [
  defineRoute(
    { method: 'post', path: '/members', tag: 'Members', access: 'members.manage', summary: 'Add a member with roles, skills, weekly capacity and the rooms they know', body: MemberInputSchema, status: 201, response: MemberSchema, errors: ['CONFLICT'] },
    async ({ ctx, auth, body }) => catalog.createMember(ctx, auth, body),
  ),
  defineRoute(
    { method: 'patch', path: '/members/:memberId', tag: 'Members', access: 'members.manage', summary: 'Change a member', params: MemberParamsSchema, body: MemberPatchSchema, status: 200, response: MemberSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params, body }) => catalog.updateMember(ctx, auth, params.memberId, body),
  ),
  defineRoute(
    { method: 'delete', path: '/members/:memberId', tag: 'Members', access: 'members.manage', summary: 'Remove a member (their tasks become unassigned)', params: MemberParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => catalog.deleteMember(ctx, auth, params.memberId),
  ),
];

export const projectRoutes = [
  defineRoute(
    { method: 'post', path: '/projects', tag: 'Projects', access: 'projects.create', summary: "Add an artist's project (album, EP, single)", body: ProjectInputSchema, status: 201, response: ProjectSchema },
    async ({ ctx, auth, body }) => catalog.createProject(ctx, auth, body),
  ),
  defineRoute(
    { method: 'patch', path: '/projects/:projectId', tag: 'Projects', access: 'projects.edit', summary: 'Change a project', params: ProjectParamsSchema, body: ProjectPatchSchema, status: 200, response: ProjectSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, body }) => catalog.updateProject(ctx, auth, params.projectId, body),
  ),
  defineRoute(
    { method: 'delete', path: '/projects/:projectId', tag: 'Projects', access: 'projects.edit', summary: 'Remove a project without sessions', params: ProjectParamsSchema, status: 204, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params }) => catalog.deleteProject(ctx, auth, params.projectId),
  ),
];

export const taskKindRoutes = [
  defineRoute(
    { method: 'post', path: '/task-kinds', tag: 'Task kinds', access: 'catalog.manage', summary: "Add a studio's own task kind with its default role (may replace a built-in key)", body: TaskKindInputSchema, status: 201, response: TaskKindSchema, errors: ['CONFLICT'] },
    async ({ ctx, auth, body }) => catalog.createKind(ctx, auth.studioId, body),
  ),
  defineRoute(
    { method: 'patch', path: '/task-kinds/:key', tag: 'Task kinds', access: 'catalog.manage', summary: "Change a studio's own task kind", params: TaskKindParamsSchema, body: TaskKindPatchSchema, status: 200, response: TaskKindSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, body }) => catalog.updateKind(ctx, auth.studioId, params.key, body),
  ),
  defineRoute(
    { method: 'delete', path: '/task-kinds/:key', tag: 'Task kinds', access: 'catalog.manage', summary: "Remove a studio's own task kind (a replaced built-in comes back)", params: TaskKindParamsSchema, status: 204, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params }) => catalog.deleteKind(ctx, auth.studioId, params.key),
  ),
];
