import { HoldConfirmationSchema, SessionParamsSchema, SessionSchema } from '@patchbay/shared';
import { confirmHold, releaseHold } from '../../domain/holds';
import { defineRoute } from '../route';

export const holdRoutes = [
  defineRoute(
    {
      method: 'post',
      path: '/sessions/:sessionId/confirm',
      tag: 'Sessions',
      access: 'sessions.edit',
      summary:
        'Confirm a hold. A first hold (or a second hold with no live first hold) becomes confirmed and releases the second holds behind it; a hold booked from a template gets its tasks and setup list now. A second hold behind a live first hold challenges it instead (challenged: true; the first hold must confirm or let go within 24 hours). 409 CONFLICT for a confirmed session or an ended hold, 409 BOOKING_CONFLICT if it would double-book someone',
      params: SessionParamsSchema,
      status: 200,
      response: HoldConfirmationSchema,
      errors: ['NOT_FOUND', 'CONFLICT', 'BOOKING_CONFLICT'],
    },
    async ({ ctx, auth, params }) => confirmHold(ctx, auth, params.sessionId),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/sessions/:sessionId/release',
      tag: 'Sessions',
      access: 'sessions.edit',
      summary: 'Let a hold go; the earliest second hold behind a first hold becomes the first hold. 409 CONFLICT for a confirmed session (cancel it instead) or an ended hold',
      params: SessionParamsSchema,
      status: 200,
      response: SessionSchema,
      errors: ['NOT_FOUND', 'CONFLICT'],
    },
    async ({ ctx, auth, params }) => releaseHold(ctx, auth, params.sessionId),
  ),
];
