import { GearInputSchema, GearItemSchema, GearListSchema, GearParamsSchema, GearPatchSchema } from '@patchbay/shared';
import { createGear, deleteGear, listGear, updateGear } from '../../domain/gear';
import { defineRoute } from '../route';

export const gearRoutes = [
  defineRoute(
    { method: 'get', path: '/gear', tag: 'Gear', access: 'studio.view', summary: "The studio's gear inventory: mics, DIs, preamps, outboard…, with quantity, home room, status and the facts setup rules use", status: 200, response: GearListSchema },
    async ({ ctx, auth }) => ({ items: await listGear(ctx, auth.studioId) }),
  ),
  defineRoute(
    { method: 'post', path: '/gear', tag: 'Gear', access: 'catalog.manage', summary: 'Add an item to the inventory (label unique in the studio)', body: GearInputSchema, status: 201, response: GearItemSchema, errors: ['CONFLICT'] },
    async ({ ctx, auth, body }) => createGear(ctx, auth, body),
  ),
  defineRoute(
    { method: 'patch', path: '/gear/:gearId', tag: 'Gear', access: 'catalog.manage', summary: 'Change an item (status in repair or missing: setup lists planning it show an error)', params: GearParamsSchema, body: GearPatchSchema, status: 200, response: GearItemSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params, body }) => updateGear(ctx, auth, params.gearId, body),
  ),
  defineRoute(
    { method: 'delete', path: '/gear/:gearId', tag: 'Gear', access: 'catalog.manage', summary: 'Remove an item; setup lines that planned it keep its label as free text', params: GearParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => deleteGear(ctx, auth, params.gearId),
  ),
];
