import { z } from 'zod';
import { SessionSchema } from './session';

/** What starting, wrapping or reopening a session answers: the session, and what to tell the person. */
export const SessionStatusChangeSchema = z
  .object({
    session: SessionSchema,
    /** E.g. wrapping with work left: `{ code: 'tasks_not_done', message: '3 tasks not done' }`. */
    warnings: z.array(z.object({ code: z.enum(['tasks_not_done']), message: z.string() })),
  })
  .meta({ id: 'SessionStatusChange' });
export type SessionStatusChange = z.infer<typeof SessionStatusChangeSchema>;
