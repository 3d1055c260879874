// A session's setup list (input list, patch plan, prep checklist) as the API and the live
// board present it, and the writes to it.
import { z } from 'zod';
import { SETUP_ISSUE_CODES } from '../domain/setup-rules';
import { MAX_CHANNEL, MAX_PATCH_POINTS, SETUP_PARTS, type SetupPart } from '../domain/setup-parts';
import { IdSchema, InstantSchema, PersonRefSchema, requiredText, text } from './common';
import { GearCategorySchema, GearStatusSchema } from './gear';
import { SessionStatusSchema } from './enums';

export { SETUP_PARTS, SETUP_PART_LABELS, MAX_CHANNEL, MAX_PATCH_POINTS, MAX_SETUP_ITEMS, type SetupPart } from '../domain/setup-parts';
export const SetupPartSchema = z.enum(SETUP_PARTS);

/**
 * One line of a setup list. The part decides which fields mean something: an input uses
 * channel…insert, a patch chain `points`, a checklist step `text`; every line has notes and can
 * be checked off (who and when).
 */
export const SetupItemSchema = z
  .object({
    id: IdSchema,
    sessionId: IdSchema,
    part: SetupPartSchema,
    position: z.number().int(),
    channel: z.number().int().nullable(),
    /** What is plugged in: "Kick In", "Lead Vox". */
    source: z.string(),
    /** The mic or DI from the inventory. */
    gear: z.object({ id: IdSchema, label: z.string() }).nullable(),
    /** Gear that is not in the inventory (the artist's own). */
    gearText: z.string(),
    stand: z.string(),
    /** Preamp or console channel. */
    preamp: z.string(),
    phantom: z.boolean(),
    padDb: z.number().int().nullable(),
    highPassHz: z.number().int().nullable(),
    /** Polarity flipped. */
    polarity: z.boolean(),
    insert: z.string(),
    points: z.array(z.string()),
    text: z.string(),
    /** Steps generated from the input list: what they were made for. */
    generatedKey: z.string().nullable(),
    notes: z.string(),
    checked: z.object({ at: InstantSchema, by: PersonRefSchema.nullable() }).nullable(),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'SetupItem' });
export type SetupItem = z.infer<typeof SetupItemSchema>;


const channel = z.number().int('must be a whole number').min(1, 'must be 1 or more').max(MAX_CHANNEL, `must be at most ${MAX_CHANNEL}`);
/** The fields a person edits, with their limits. */
export const setupFields = {
  channel: channel.nullable(),
  source: text(80),
  gearId: IdSchema.nullable(),
  gearText: text(80),
  stand: text(60),
  preamp: text(60),
  phantom: z.boolean(),
  padDb: z.number().int('must be a whole number of dB').min(0, 'must be 0 dB or more').max(60, 'must be at most 60 dB').nullable(),
  highPassHz: z.number().int('must be a whole number of Hz').min(10, 'must be at least 10 Hz').max(2000, 'must be at most 2000 Hz').nullable(),
  polarity: z.boolean(),
  insert: text(80),
  points: z.array(requiredText(80)).max(MAX_PATCH_POINTS, `at most ${MAX_PATCH_POINTS} points`),
  text: text(300),
  notes: text(1000),
};
export type SetupFieldName = keyof typeof setupFields;
/** Fields assistants may change besides checking off. */
export const NOTE_FIELDS: readonly SetupFieldName[] = ['notes'];

/** The fields each part has besides notes (a checklist step has no channel, an input no points). */
export const PART_FIELDS: Readonly<Record<SetupPart, readonly SetupFieldName[]>> = {
  INPUT: ['channel', 'source', 'gearId', 'gearText', 'stand', 'preamp', 'phantom', 'padDb', 'highPassHz', 'polarity', 'insert', 'notes'],
  PATCH: ['points', 'notes'],
  CHECK: ['text', 'notes'],
};

/** Problems with fields given that the part does not have. */
export function foreignFieldProblems(part: SetupPart, given: Record<string, unknown>): { path: string; message: string }[] {
  return (Object.keys(setupFields) as SetupFieldName[])
    .filter((f) => given[f] !== undefined && !PART_FIELDS[part].includes(f))
    .map((f) => ({ path: f, message: `${PART_WORD[part]} has no ${f}` }));
}

const PART_WORD: Readonly<Record<SetupPart, string>> = { INPUT: 'an input line', PATCH: 'a patch line', CHECK: 'a checklist step' };

/** What each part requires of a line to make sense. */
export function partProblems(part: SetupPart, v: { source?: string | undefined; points?: readonly string[] | undefined; text?: string | undefined }): { path: string; message: string }[] {
  if (part === 'INPUT' && !v.source?.trim()) return [{ path: 'source', message: 'name what is plugged in (e.g. "Kick In")' }];
  if (part === 'PATCH' && (v.points?.length ?? 0) < 2) return [{ path: 'points', message: 'a patch chain goes from one point to at least one other' }];
  if (part === 'CHECK' && !v.text?.trim()) return [{ path: 'text', message: 'describe the step' }];
  return [];
}

export const CreateSetupItemInputSchema = z
  .strictObject({
    /** The line is added at the end of its part (reorder with /move). */
    part: SetupPartSchema,
    ...z.object(setupFields).partial().shape,
  })
  .superRefine((v, ctx) => {
    for (const p of [...foreignFieldProblems(v.part, v), ...partProblems(v.part, v)]) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  })
  .meta({ id: 'CreateSetupItemInput' });
export type CreateSetupItemInput = z.input<typeof CreateSetupItemInputSchema>;

export const UpdateSetupItemInputSchema = z
  .strictObject({
    /** The version the change is based on; an older one is refused with 409 and the current line. */
    version: z.number().int().min(1),
    ...z.object(setupFields).partial().shape,
    /** Check the line off (true) or clear it (false). Already in that state: nothing changes. */
    checked: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: 'nothing to change: give at least one field besides version' })
  .meta({ id: 'UpdateSetupItemInput' });
export type UpdateSetupItemInput = z.input<typeof UpdateSetupItemInputSchema>;

export const MoveSetupItemInputSchema = z.strictObject({ version: z.number().int().min(1), index: z.number().int().min(0).max(10_000) }).meta({ id: 'MoveSetupItemInput' });
export type MoveSetupItemInput = z.infer<typeof MoveSetupItemInputSchema>;
export const DeleteSetupItemQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const SetupItemParamsSchema = z.strictObject({ itemId: IdSchema });

/** Lines of one part in order after a reorder, with the version each was at. */
export const SetupOrderSchema = z.array(z.object({ id: IdSchema, version: z.number().int() }));
export type SetupOrder = z.infer<typeof SetupOrderSchema>;
export const MovedSetupItemSchema = z.object({ item: SetupItemSchema, order: SetupOrderSchema, seq: z.number().int().nullable() }).meta({ id: 'MovedSetupItem' });
export type MovedSetupItem = z.infer<typeof MovedSetupItemSchema>;

export const SetupIssueSchema = z
  .object({
    code: z.enum(SETUP_ISSUE_CODES),
    severity: z.enum(['error', 'warning']),
    itemId: IdSchema,
    field: z.enum(['channel', 'gearId', 'phantom']),
    message: z.string(),
    gearId: IdSchema.optional(),
    conflicts: z.array(z.object({ sessionId: IdSchema, title: z.string(), startsAt: InstantSchema, endsAt: InstantSchema })).optional(),
  })
  .meta({ id: 'SetupIssue' });
export type SetupIssueDto = z.infer<typeof SetupIssueSchema>;

/** What the shared setup rules need besides the list: the inventory's facts and what overlapping sessions plan. */
export const SetupContextSchema = z
  .object({
    gear: z.array(
      z.object({
        id: IdSchema,
        label: z.string(),
        category: GearCategorySchema,
        quantity: z.number().int(),
        status: GearStatusSchema,
        ribbon: z.boolean(),
        tube: z.boolean(),
        needsPhantom: z.boolean(),
      }),
    ),
    uses: z.array(
      z.object({
        sessionId: IdSchema,
        title: z.string(),
        startsAt: InstantSchema,
        endsAt: InstantSchema,
        status: SessionStatusSchema,
        gearId: IdSchema,
        units: z.number().int(),
      }),
    ),
    /** The rules' findings on the list as the server holds it now. */
    issues: z.array(SetupIssueSchema),
  })
  .meta({ id: 'SetupContext' });
export type SetupContext = z.infer<typeof SetupContextSchema>;

/** Lines checked off / all lines, per part and in all. */
const Count = z.object({ done: z.number().int(), total: z.number().int() });
export const SetupProgressSchema = Count.extend({ byPart: z.record(SetupPartSchema, Count) }).meta({ id: 'SetupProgress' });
export type SetupProgress = z.infer<typeof SetupProgressSchema>;

export const CreatedSetupItemsSchema = z.object({ created: z.array(SetupItemSchema), removed: z.number().int() }).meta({ id: 'CreatedSetupItems' });
export type CreatedSetupItems = z.infer<typeof CreatedSetupItemsSchema>;

/** Fits the default request body limit (100 kB) with room for the JSON around it. */
export const MAX_CSV_CHARS = 90_000;
export const ImportInputsSchema = z
  .strictObject({
    csv: z.string().min(1, 'the file is empty').max(MAX_CSV_CHARS, `the file must be at most ${MAX_CSV_CHARS} characters`),
    /** replace: the file becomes the input list; append: its lines are added after the current ones. */
    mode: z.enum(['replace', 'append']).default('replace'),
  })
  .meta({ id: 'ImportInputs' });
export type ImportInputs = z.input<typeof ImportInputsSchema>;
/** One bad row of an imported file (line 1 is the header). */
export const ImportRowErrorSchema = z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;
