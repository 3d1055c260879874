// Session templates: a kind of session a studio books again and again, with its default tasks
// and setup list.
import { MAX_PREP_MINUTES } from '../domain/availability';
import { z } from 'zod';
import { IdSchema, InstantSchema, requiredText, text } from './common';
import { MAX_PATCH_POINTS, MAX_SETUP_ITEMS, setupFields } from './setup';

const kindKey = z.string().trim().min(1).max(64).regex(/^[a-z][a-z0-9_]*$/, 'must be a task kind key like "mic_setup"');

export const TemplateTaskSchema = z.strictObject({
  kind: kindKey,
  title: requiredText(200),
  notes: text(5000).default(''),
  /** Null: the kind's default estimate. */
  estimateMinutes: z.number().int().min(1).max(24 * 60).nullable().default(null),
});
export const TemplateInputLineSchema = z.strictObject({
  channel: setupFields.channel.default(null),
  source: requiredText(80),
  /** Inventory item; when it no longer exists, `gearLabel` is used as free text. */
  gearId: IdSchema.nullable().default(null),
  gearLabel: text(80).default(''),
  gearText: setupFields.gearText.default(''),
  stand: setupFields.stand.default(''),
  preamp: setupFields.preamp.default(''),
  phantom: z.boolean().default(false),
  padDb: setupFields.padDb.default(null),
  highPassHz: setupFields.highPassHz.default(null),
  polarity: z.boolean().default(false),
  insert: setupFields.insert.default(''),
  notes: setupFields.notes.default(''),
});
export const TemplatePatchLineSchema = z.strictObject({
  points: z.array(requiredText(80)).min(2, 'a patch chain goes from one point to at least one other').max(MAX_PATCH_POINTS),
  notes: setupFields.notes.default(''),
});
export const TemplateCheckStepSchema = z.strictObject({ text: requiredText(300), notes: setupFields.notes.default('') });
export type TemplateTask = z.output<typeof TemplateTaskSchema>;
export type TemplateInputLine = z.output<typeof TemplateInputLineSchema>;
export type TemplatePatchLine = z.output<typeof TemplatePatchLineSchema>;
export type TemplateCheckStep = z.output<typeof TemplateCheckStepSchema>;

export const SessionTemplateSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    /** Prep and teardown of sessions booked from it; null: the room's defaults. */
    prepMinutes: z.number().int().nullable(),
    teardownMinutes: z.number().int().nullable(),
    tasks: z.array(TemplateTaskSchema),
    inputs: z.array(TemplateInputLineSchema),
    patches: z.array(TemplatePatchLineSchema),
    checks: z.array(TemplateCheckStepSchema),
    updatedAt: InstantSchema,
  })
  .meta({ id: 'SessionTemplate' });
export type SessionTemplate = z.infer<typeof SessionTemplateSchema>;
export const SessionTemplateListSchema = z.object({ templates: z.array(SessionTemplateSchema) }).meta({ id: 'SessionTemplateList' });

export const SessionTemplateInputSchema = z
  .strictObject({
    name: requiredText(80),
    description: text(500).default(''),
    durationMinutes: z.number().int().min(15, 'must be at least 15 minutes').max(24 * 60, 'must be at most 24 hours').default(480),
    prepMinutes: z.number().int().min(0).max(MAX_PREP_MINUTES).nullable().default(null),
    teardownMinutes: z.number().int().min(0).max(MAX_PREP_MINUTES).nullable().default(null),
    tasks: z.array(TemplateTaskSchema).max(60).default([]),
    inputs: z.array(TemplateInputLineSchema).max(MAX_SETUP_ITEMS).default([]),
    patches: z.array(TemplatePatchLineSchema).max(MAX_SETUP_ITEMS).default([]),
    checks: z.array(TemplateCheckStepSchema).max(MAX_SETUP_ITEMS).default([]),
  })
  .superRefine((v, ctx) => {
    const lines = v.inputs.length + v.patches.length + v.checks.length;
    if (lines > MAX_SETUP_ITEMS) ctx.addIssue({ code: 'custom', path: ['inputs'], message: `a setup list holds at most ${MAX_SETUP_ITEMS} lines in all; this template has ${lines}` });
    const seen = new Map<number, number>();
    v.inputs.forEach((line, i) => {
      if (line.channel === null) return;
      const first = seen.get(line.channel);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['inputs', i, 'channel'], message: `channel ${line.channel} is also used by line ${first + 1}` });
      else seen.set(line.channel, i);
    });
  })
  .meta({ id: 'SessionTemplateInput' });
export type SessionTemplateInput = z.input<typeof SessionTemplateInputSchema>;
export const TemplateParamsSchema = z.strictObject({ templateId: IdSchema });
export const SaveAsTemplateInputSchema = z.strictObject({ name: requiredText(80), description: text(500).default('') }).meta({ id: 'SaveAsTemplateInput' });
export const DuplicateTemplateInputSchema = z.strictObject({ name: requiredText(80).optional() }).meta({ id: 'DuplicateTemplateInput' });
