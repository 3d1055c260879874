import { z } from 'zod';
import { TASK_CATEGORIES } from '../domain/task-kinds';
import { MemberRoleSchema } from './enums';

export const TaskKindSchema = z.object({
  key: z.string(),
  label: z.string(),
  category: z.enum(TASK_CATEGORIES),
  defaultRole: MemberRoleSchema,
  roomBound: z.boolean(),
  defaultEstimateMinutes: z.number().int(),
  assistantCapable: z.boolean(),
  builtIn: z.boolean(),
}).meta({ id: 'TaskKind' });
export const TaskKindListSchema = z.object({ kinds: z.array(TaskKindSchema) });
export type TaskKindList = z.infer<typeof TaskKindListSchema>;
