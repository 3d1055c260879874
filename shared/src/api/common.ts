import { z } from 'zod';

export const IdSchema = z.uuid({ error: 'must be a UUID' });
/** Instants travel as ISO 8601 strings with an offset (UTC `Z` from the server). */
export const InstantSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset' })
  .refine((s) => {
    const year = new Date(s).getUTCFullYear();
    return year >= 1900 && year <= 9999;
  }, 'must be between the years 1900 and 9999');
export const PersonRefSchema = z.object({ id: IdSchema, name: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;
