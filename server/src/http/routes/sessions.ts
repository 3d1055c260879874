import {
  BoardSnapshotSchema,
  GuestBoardSnapshotSchema,
  GuestSessionListSchema,
  GuestSessionSchema,
  EventsPageSchema,
  EventsQuerySchema,
  ListSessionsQuerySchema,
  SessionListSchema,
  SessionParamsSchema,
  SessionSchema,
  SessionInputSchema,
  SessionPatchSchema,
  RoutingPreviewInputSchema,
  RoutingPreviewSchema,
  AgendaQuerySchema,
  AgendaSchema,
  BookingCheckInputSchema,
  BookingCheckSchema,
  SessionStatusChangeSchema,
} from '@patchbay/shared';
import { getAgenda } from '../../domain/agenda';
import { checkBooking } from '../../domain/booking-check';
import { createSession, deleteSession, updateSession } from '../../domain/session-commands';
import { previewRouting } from '../../domain/routing-preview';
import { changeSessionStatus } from '../../domain/session-status';
import { getSessionFor, listEventsAfter, listSessions } from '../../domain/sessions';
import { boardAnswers } from '../board-answer';
import { defineRoute } from '../route';
import { z } from 'zod';

export const sessionRoutes = [
  defineRoute(
    { method: 'post', path: '/bookings/check', tag: 'Sessions', access: 'sessions.create', summary: "Checks a slot before booking it: the conflicts booking it would be refused for, who is free then (or busy with what) with their week's and day's hours, and which rooms are free. Changes nothing", body: BookingCheckInputSchema, status: 200, response: BookingCheckSchema, errors: ['NOT_FOUND', 'FORBIDDEN'] },
    async ({ ctx, auth, body }) => checkBooking(ctx, auth, body),
  ),
  defineRoute(
    { method: 'get', path: '/me/agenda', tag: 'Sessions', access: 'signedIn', summary: 'My day: the sessions I work on in a window (default: today and the next 6 days) and my tasks in them, with setup progress', query: AgendaQuerySchema, status: 200, response: AgendaSchema },
    async ({ ctx, auth, query }) => getAgenda(ctx, auth, query),
  ),
  defineRoute(
    { method: 'get', path: '/sessions', tag: 'Sessions', access: 'signedIn', summary: "Sessions of the studio, by start time; filter by time window, status or room (guests: their projects' sessions, in the guest shape)", query: ListSessionsQuerySchema, status: 200, response: z.union([SessionListSchema, GuestSessionListSchema]), errors: ['NOT_FOUND'] },
    async ({ ctx, auth, query }) => listSessions(ctx, auth, query),
  ),
  defineRoute(
    { method: 'get', path: '/sessions/:sessionId', tag: 'Sessions', access: 'board.view', summary: 'One session (guests: in the guest shape)', params: SessionParamsSchema, status: 200, response: z.union([SessionSchema, GuestSessionSchema]), errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => getSessionFor(ctx, auth, params.sessionId),
  ),
  defineRoute(
    { method: 'get', path: '/sessions/:sessionId/board', tag: 'Boards', access: 'board.view', summary: 'Board snapshot: the session, its tasks, and the board sequence number it is at (guests: the guest board; their events arrive redacted)', params: SessionParamsSchema, status: 200, response: z.union([BoardSnapshotSchema, GuestBoardSnapshotSchema]), errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, req, res }) => boardAnswers(ctx)(auth, params.sessionId, req, res),
  ),
  defineRoute(
    { method: 'get', path: '/sessions/:sessionId/events', tag: 'Boards', access: 'board.view', summary: 'Board events after a sequence number, from the persisted log (reset=true: reload the snapshot)', params: SessionParamsSchema, query: EventsQuerySchema, status: 200, response: EventsPageSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, query }) => listEventsAfter(ctx, auth, params.sessionId, query.after),
  ),
  defineRoute(
    { method: 'post', path: '/sessions', tag: 'Sessions', access: 'sessions.create', summary: 'Book a session (from a template: with its routed tasks and setup list); refused with 409 BOOKING_CONFLICT when the room or a person is already booked then', body: SessionInputSchema, status: 201, response: SessionSchema, errors: ['BOOKING_CONFLICT'] },
    async ({ ctx, auth, body }) => createSession(ctx, auth, body),
  ),
  defineRoute(
    { method: 'patch', path: '/sessions/:sessionId', tag: 'Sessions', access: 'sessions.edit', summary: 'Change, move, restaff or cancel a session (409 BOOKING_CONFLICT on a double booking)', params: SessionParamsSchema, body: SessionPatchSchema, status: 200, response: SessionSchema, errors: ['NOT_FOUND', 'BOOKING_CONFLICT'] },
    async ({ ctx, auth, params, body }) => updateSession(ctx, auth, params.sessionId, body),
  ),
  defineRoute(
    { method: 'post', path: '/sessions/:sessionId/start', tag: 'Sessions', access: 'sessions.run', summary: 'Start a planned session (its producer or engineer, the project lead); 409 CONFLICT saying why when it is in progress, wrapped or cancelled. Work in a planned session (a task under way, a setup line checked off) starts it by itself', params: SessionParamsSchema, status: 200, response: SessionStatusChangeSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params }) => changeSessionStatus(ctx, auth, params.sessionId, 'start'),
  ),
  defineRoute(
    { method: 'post', path: '/sessions/:sessionId/wrap', tag: 'Sessions', access: 'sessions.run', summary: 'Wrap a planned or in-progress session; allowed with tasks not done (the answer warns: "3 tasks not done"); 409 CONFLICT when wrapped or cancelled', params: SessionParamsSchema, status: 200, response: SessionStatusChangeSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params }) => changeSessionStatus(ctx, auth, params.sessionId, 'wrap'),
  ),
  defineRoute(
    { method: 'post', path: '/sessions/:sessionId/reopen', tag: 'Sessions', access: 'sessions.run', summary: 'Reopen a wrapped session (back to in progress); 409 CONFLICT for any other status', params: SessionParamsSchema, status: 200, response: SessionStatusChangeSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params }) => changeSessionStatus(ctx, auth, params.sessionId, 'reopen'),
  ),
  defineRoute(
    { method: 'delete', path: '/sessions/:sessionId', tag: 'Sessions', access: 'sessions.edit', summary: 'Delete a session and its tasks', params: SessionParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => deleteSession(ctx, auth, params.sessionId),
  ),
  defineRoute(
    { method: 'post', path: '/sessions/:sessionId/routing-preview', tag: 'Routing', access: 'tasks.create', summary: 'What routing would decide for a task of this kind in this session, with ranked candidates and reasons; changes nothing', params: SessionParamsSchema, body: RoutingPreviewInputSchema, status: 200, response: RoutingPreviewSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, body }) => previewRouting(ctx, auth, params.sessionId, body),
  ),
];
