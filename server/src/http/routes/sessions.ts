import {
  BoardSnapshotSchema,
  EventsPageSchema,
  EventsQuerySchema,
  ListSessionsQuerySchema,
  SessionListSchema,
  SessionParamsSchema,
  SessionSchema,
} from '@patchbay/shared';
import { getBoard, getSession, listEventsAfter, listSessions } from '../../domain/sessions';
import { currentStudioId } from '../../domain/studio';
import { defineRoute } from '../route';

export const sessionRoutes = [
  defineRoute(
    { method: 'get', path: '/sessions', tag: 'Sessions', summary: 'Sessions of the studio, by start time; filter by time window, status or room', query: ListSessionsQuerySchema, status: 200, response: SessionListSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, query }) => ({ sessions: await listSessions(ctx, await currentStudioId(ctx), query) }),
  ),
  defineRoute(
    { method: 'get', path: '/sessions/:sessionId', tag: 'Sessions', summary: 'One session', params: SessionParamsSchema, status: 200, response: SessionSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, params }) => getSession(ctx, await currentStudioId(ctx), params.sessionId),
  ),
  defineRoute(
    { method: 'get', path: '/sessions/:sessionId/board', tag: 'Boards', summary: 'Board snapshot: the session, its tasks, and the board sequence number it is at', params: SessionParamsSchema, status: 200, response: BoardSnapshotSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, params }) => getBoard(ctx, await currentStudioId(ctx), params.sessionId),
  ),
  defineRoute(
    { method: 'get', path: '/sessions/:sessionId/events', tag: 'Boards', summary: 'Board events after a sequence number, from the persisted log (reset=true: reload the snapshot)', params: SessionParamsSchema, query: EventsQuerySchema, status: 200, response: EventsPageSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, params, query }) => listEventsAfter(ctx, await currentStudioId(ctx), params.sessionId, query.after),
  ),
];
