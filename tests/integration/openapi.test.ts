import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/src/http/api';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('GET /api/openapi.json', () => {
  let t: TestServer;
  let doc: any;
  beforeAll(async () => {
    t = await startTestServer();
    doc = (await t.anon('GET', '/api/openapi.json')).body;
  });
  afterAll(() => t.close());

  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Patchbay API');
  });

  it('lists every mounted endpoint, and nothing else', () => {
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const mounted = apiRoutes()
      .map((r) => `${r.spec.method.toUpperCase()} /api${r.spec.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(documented).toEqual(mounted);
    expect(mounted).toContain('POST /api/sessions/{sessionId}/tasks');
    expect(mounted).toContain('GET /api/openapi.json');
  });

  it('describes request bodies and path parameters from the validating schemas', () => {
    const create = doc.paths['/api/sessions/{sessionId}/tasks'].post;
    expect(create.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'sessionId', in: 'path', required: true })]));
    const ref: string = create.requestBody.content['application/json'].schema.$ref;
    expect(ref).toBe('#/components/schemas/CreateTaskInput');
    const body = doc.components.schemas.CreateTaskInput;
    expect(body.required).toEqual(expect.arrayContaining(['kind', 'title']));
    expect(body.additionalProperties).toBe(false);
    expect(create.responses['201']).toBeDefined();
    expect(create.responses['400']).toBeDefined();
    expect(doc.paths['/api/tasks/{taskId}'].patch.responses['409']).toBeDefined();
  });

  it('names the shared shapes as components', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Task', 'Session', 'BoardSnapshot', 'Error']));
  });
});
