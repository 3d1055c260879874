import {
  CreatedSetupItemsSchema,
  CreateSetupItemInputSchema,
  DeleteSetupItemQuerySchema,
  ImportInputsSchema,
  MovedSetupItemSchema,
  MoveSetupItemInputSchema,
  SessionParamsSchema,
  SetupContextSchema,
  SetupItemParamsSchema,
  SetupItemSchema,
  UpdateSetupItemInputSchema,
} from '@patchbay/shared';
import { exportInputs, generateChecklist, getSetupContext, importInputs } from '../../domain/setup-bulk';
import { createSetupItem, deleteSetupItem, moveSetupItem, updateSetupItem } from '../../domain/setup-items';
import { defineRoute } from '../route';
import { requester } from './requester';

export const setupRoutes = [
  defineRoute(
    { method: 'post', path: '/sessions/:sessionId/setup-items', tag: 'Setup lists', access: 'setup.edit', summary: 'Add a line to the setup list (input, patch chain or checklist step), at the end of its part; a duplicate channel or gear that is not available is refused (400), gear planned beyond what the studio owns is 409 GEAR_CONFLICT', params: SessionParamsSchema, body: CreateSetupItemInputSchema, status: 201, response: SetupItemSchema, errors: ['NOT_FOUND', 'CONFLICT', 'GEAR_CONFLICT'] },
    async ({ ctx, auth, params, body, req }) => createSetupItem(ctx, auth, params.sessionId, body, requester(req)),
  ),
  defineRoute(
    { method: 'patch', path: '/setup-items/:itemId', tag: 'Setup lists', access: 'setup.check', summary: 'Change or check off a setup line; `version` must be the current one (409 with the current line), except for a check-off that is already done', params: SetupItemParamsSchema, body: UpdateSetupItemInputSchema, status: 200, response: SetupItemSchema, errors: ['NOT_FOUND', 'VERSION_CONFLICT', 'GEAR_CONFLICT'] },
    async ({ ctx, auth, params, body, req }) => updateSetupItem(ctx, auth, params.itemId, body, requester(req)),
  ),
  defineRoute(
    { method: 'post', path: '/setup-items/:itemId/move', tag: 'Setup lists', access: 'setup.edit', summary: 'Move a setup line to a place in its part; the event carries the part’s new order', params: SetupItemParamsSchema, body: MoveSetupItemInputSchema, status: 200, response: MovedSetupItemSchema, errors: ['NOT_FOUND', 'VERSION_CONFLICT'] },
    async ({ ctx, auth, params, body, req }) => moveSetupItem(ctx, auth, params.itemId, body, requester(req)),
  ),
  defineRoute(
    { method: 'delete', path: '/setup-items/:itemId', tag: 'Setup lists', access: 'setup.edit', summary: 'Delete a setup line (optionally only if still at `version`)', params: SetupItemParamsSchema, query: DeleteSetupItemQuerySchema, status: 204, errors: ['NOT_FOUND', 'VERSION_CONFLICT'] },
    async ({ ctx, auth, params, query, req }) => deleteSetupItem(ctx, auth, params.itemId, query.version, requester(req)),
  ),
  defineRoute(
    { method: 'post', path: '/sessions/:sessionId/setup/checklist', tag: 'Setup lists', access: 'setup.edit', summary: 'Generate the prep checklist from the input list: adds the steps it does not have yet (place each mic, phantom off on ribbons, PSU for tube mics, line-check)', params: SessionParamsSchema, status: 201, response: CreatedSetupItemsSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params, req }) => generateChecklist(ctx, auth, params.sessionId, requester(req)),
  ),
  defineRoute(
    { method: 'post', path: '/sessions/:sessionId/setup/inputs/import', tag: 'Setup lists', access: 'setup.edit', summary: 'Import the input list from CSV (replace or append); every bad row is reported in details.rows and nothing is imported unless all are good', params: SessionParamsSchema, body: ImportInputsSchema, ownTextCheck: ['csv'], status: 201, response: CreatedSetupItemsSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, body, req }) => importInputs(ctx, auth, params.sessionId, body, requester(req)),
  ),
  defineRoute(
    { method: 'get', path: '/sessions/:sessionId/setup/inputs.csv', tag: 'Setup lists', access: 'setup.view', summary: 'The input list as a CSV file for a spreadsheet (formula-like cells neutralised)', params: SessionParamsSchema, status: 200, produces: 'text/csv', errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, res }) => {
      const { csv, filename } = await exportInputs(ctx, auth, params.sessionId);
      res.status(200).type('text/csv; charset=utf-8').attachment(filename).send(csv);
    },
  ),
  defineRoute(
    { method: 'get', path: '/sessions/:sessionId/setup/context', tag: 'Setup lists', access: 'setup.view', summary: 'What the setup rules need besides the list (the inventory, what overlapping sessions plan) and their findings now', params: SessionParamsSchema, status: 200, response: SetupContextSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => getSetupContext(ctx, auth, params.sessionId),
  ),
];
