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

/**
 * Text PostgreSQL can store and people can read: no NUL or other control characters (C0 but tab
 * and newlines, DEL, C1: a terminal escape like U+009B among them), no lone surrogates.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

/** A text field of at most `max` characters (trimmed), refusing text the database cannot store. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(isStorableText, 'must not contain control characters or broken unicode');
/** Characters that show nothing (zero-width spaces and joiners, word joiner, BOM). */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** Like `text`, and not empty (nor only characters that show nothing). */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((s) => s.replace(INVISIBLE, '').trim() !== '', 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(isStorableText, 'must not contain control characters or broken unicode');
