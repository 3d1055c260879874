import {
  TemplateCheckStepSchema,
  TemplateInputLineSchema,
  TemplatePatchLineSchema,
  TemplateTaskSchema,
  type SessionTemplate,
} from '@patchbay/shared';
import { z } from 'zod';
import type { SessionTemplate as TemplateRow } from '../generated/prisma/client';

// The JSON columns were written through the same schemas; a line that no longer parses is dropped
// rather than failing the whole template.
const listOf = <S extends z.ZodType>(schema: S) => (value: unknown): z.output<S>[] =>
  (Array.isArray(value) ? value : []).flatMap((entry) => {
    const parsed = schema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
const tasksOf = listOf(TemplateTaskSchema);
const inputsOf = listOf(TemplateInputLineSchema);
const patchesOf = listOf(TemplatePatchLineSchema);
const checksOf = listOf(TemplateCheckStepSchema);

export function presentTemplate(row: TemplateRow): SessionTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    durationMinutes: row.durationMinutes,
    prepMinutes: row.prepMinutes,
    teardownMinutes: row.teardownMinutes,
    tasks: tasksOf(row.tasks),
    inputs: inputsOf(row.inputs),
    patches: patchesOf(row.patches),
    checks: checksOf(row.checks),
    updatedAt: row.updatedAt.toISOString(),
  };
}
