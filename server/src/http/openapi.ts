import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { ERROR_STATUS, ErrorBodySchema, type ErrorCode } from '@patchbay/shared';
import { z } from 'zod';
import type { Route } from './route';

const toOpenApiPath = (path: string): string => `/api${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

/** Builds the OpenAPI 3.1 document from the route declarations. */
export function buildOpenApiDocument(routes: Route[], version: string): object {
  const registry = new OpenAPIRegistry();
  // Shared schemas name themselves with zod's `.meta({ id })`; the generator turns those into components.

  for (const { spec } of routes) {
    const errorStatuses = new Map<number, ErrorCode[]>();
    const codes: ErrorCode[] = [...(spec.params || spec.query || spec.body ? (['VALIDATION_FAILED'] as const) : []), ...(spec.errors ?? [])];
    if (spec.body) codes.push('MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
    for (const code of codes) {
      const status = ERROR_STATUS[code];
      errorStatuses.set(status, [...(errorStatuses.get(status) ?? []), code]);
    }
    const responses: Record<string, { description: string; content?: Record<string, { schema: typeof ErrorBodySchema }> }> = {};
    responses[String(spec.status)] = spec.response
      ? { description: 'Success', content: { 'application/json': { schema: spec.response as typeof ErrorBodySchema } } }
      : spec.produces
        ? { description: `Success (${spec.produces})`, content: { [spec.produces]: { schema: z.string() as unknown as typeof ErrorBodySchema } } }
        : { description: 'Success, no content' };
    for (const [status, list] of errorStatuses) {
      responses[String(status)] = { description: list.join(', '), content: { 'application/json': { schema: ErrorBodySchema } } };
    }
    registry.registerPath({
      method: spec.method,
      path: toOpenApiPath(spec.path),
      summary: spec.summary,
      tags: [spec.tag],
      request: {
        ...(spec.params ? { params: spec.params as never } : {}),
        ...(spec.query ? { query: spec.query as never } : {}),
        ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
      },
      responses,
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Patchbay API',
      version,
      description: 'Recording sessions, their tasks and live boards. Errors are always `{ "error": { "code", "message", "details" } }`.',
    },
    servers: [{ url: '/' }],
  });
}
