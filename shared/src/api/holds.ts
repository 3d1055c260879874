import { z } from 'zod';
import { SessionSchema } from './session';

/** The answer to confirming a hold: the session, and whether it challenged a first hold instead. */
export const HoldConfirmationSchema = z
  .object({
    session: SessionSchema,
    /** True: a live first hold is on the slot; it was challenged (it must confirm or let go within 24 hours). */
    challenged: z.boolean(),
  })
  .meta({ id: 'HoldConfirmation' });
export type HoldConfirmation = z.infer<typeof HoldConfirmationSchema>;
