// The studio's gear inventory as the API presents and accepts it.
import { z } from 'zod';
import { GEAR_CATEGORIES, GEAR_STATUSES } from '../domain/gear';
import { IdSchema, requiredText, text } from './common';

export const GearCategorySchema = z.enum(GEAR_CATEGORIES);
export const GearStatusSchema = z.enum(GEAR_STATUSES);

export const GearItemSchema = z
  .object({
    id: IdSchema,
    category: GearCategorySchema,
    make: z.string(),
    model: z.string(),
    /** What people call it, unique in the studio ("U87 #2"). */
    label: z.string(),
    quantity: z.number().int(),
    homeRoom: z.object({ id: IdSchema, name: z.string() }).nullable(),
    status: GearStatusSchema,
    ribbon: z.boolean(),
    tube: z.boolean(),
    needsPhantom: z.boolean(),
    notes: z.string(),
  })
  .meta({ id: 'GearItem' });
export type GearItem = z.infer<typeof GearItemSchema>;
export const GearListSchema = z.object({ items: z.array(GearItemSchema) }).meta({ id: 'GearList' });
export type GearList = z.infer<typeof GearListSchema>;

const gearFields = {
  category: GearCategorySchema,
  make: text(80),
  model: text(80),
  label: requiredText(80),
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(999, 'must be at most 999'),
  homeRoomId: IdSchema.nullable(),
  status: GearStatusSchema,
  ribbon: z.boolean(),
  tube: z.boolean(),
  needsPhantom: z.boolean(),
  notes: text(1000),
};
const noRibbonPhantom = (v: { ribbon?: boolean | undefined; needsPhantom?: boolean | undefined }) => !(v.ribbon && v.needsPhantom);
const ribbonMessage = { message: 'a ribbon mic must never get phantom power: it cannot also need it', path: ['needsPhantom'] };

export const GearInputSchema = z
  .strictObject({
    ...gearFields,
    make: gearFields.make.default(''),
    model: gearFields.model.default(''),
    quantity: gearFields.quantity.default(1),
    homeRoomId: gearFields.homeRoomId.default(null),
    status: gearFields.status.default('OK'),
    ribbon: z.boolean().default(false),
    tube: z.boolean().default(false),
    needsPhantom: z.boolean().default(false),
    notes: gearFields.notes.default(''),
  })
  .refine(noRibbonPhantom, ribbonMessage)
  .meta({ id: 'GearInput' });
export const GearPatchSchema = z
  .strictObject(gearFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change: give at least one field' })
  .refine(noRibbonPhantom, ribbonMessage)
  .meta({ id: 'GearPatch' });
export type GearInput = z.input<typeof GearInputSchema>;
export type GearPatch = z.input<typeof GearPatchSchema>;
export const GearParamsSchema = z.strictObject({ gearId: IdSchema });
