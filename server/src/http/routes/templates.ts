import {
  DuplicateTemplateInputSchema,
  SaveAsTemplateInputSchema,
  SessionParamsSchema,
  SessionTemplateInputSchema,
  SessionTemplateListSchema,
  SessionTemplateSchema,
  TemplateParamsSchema,
} from '@patchbay/shared';
import * as templates from '../../domain/templates';
import { defineRoute } from '../route';

export const templateRoutes = [
  defineRoute(
    { method: 'get', path: '/templates', tag: 'Templates', access: 'studio.view', summary: 'Session templates of the studio: default tasks and setup list of a kind of session', status: 200, response: SessionTemplateListSchema },
    async ({ ctx, auth }) => ({ templates: await templates.listTemplates(ctx, auth.studioId) }),
  ),
  defineRoute(
    { method: 'get', path: '/templates/:templateId', tag: 'Templates', access: 'studio.view', summary: 'One session template', params: TemplateParamsSchema, status: 200, response: SessionTemplateSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => templates.getTemplate(ctx, auth.studioId, params.templateId),
  ),
  defineRoute(
    { method: 'post', path: '/templates', tag: 'Templates', access: 'templates.manage', summary: 'Create a session template (name unique in the studio)', body: SessionTemplateInputSchema, status: 201, response: SessionTemplateSchema, errors: ['CONFLICT'] },
    async ({ ctx, auth, body }) => templates.createTemplate(ctx, auth, body),
  ),
  defineRoute(
    { method: 'put', path: '/templates/:templateId', tag: 'Templates', access: 'templates.manage', summary: 'Replace a session template', params: TemplateParamsSchema, body: SessionTemplateInputSchema, status: 200, response: SessionTemplateSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params, body }) => templates.replaceTemplate(ctx, auth, params.templateId, body),
  ),
  defineRoute(
    { method: 'post', path: '/templates/:templateId/duplicate', tag: 'Templates', access: 'templates.manage', summary: 'Copy a session template (default name: “… (copy)”)', params: TemplateParamsSchema, body: DuplicateTemplateInputSchema, status: 201, response: SessionTemplateSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params, body }) => templates.duplicateTemplate(ctx, auth, params.templateId, body),
  ),
  defineRoute(
    { method: 'delete', path: '/templates/:templateId', tag: 'Templates', access: 'templates.manage', summary: 'Delete a session template (sessions booked from it keep their tasks and setup list)', params: TemplateParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => templates.deleteTemplate(ctx, auth, params.templateId),
  ),
  defineRoute(
    { method: 'post', path: '/sessions/:sessionId/template', tag: 'Templates', access: 'templates.manage', summary: 'Save this session’s tasks and setup list as a new template', params: SessionParamsSchema, body: SaveAsTemplateInputSchema, status: 201, response: SessionTemplateSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params, body }) => templates.saveSessionAsTemplate(ctx, auth, params.sessionId, body),
  ),
];
