import { z } from 'zod';

export const IdSchema = z.uuid({ error: 'must be a UUID' });
/** Instants travel as ISO 8601 strings with an offset (UTC `Z` from the server). */
export const InstantSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset' });
export const PersonRefSchema = z.object({ id: IdSchema, name: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;
