// The audit log in words (presenters/audit.ts): what an entry is about by its current name, member
// ids in the details as names, internal references and empty values left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffedSession } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('audit log in words', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  beforeAll(async () => {
    t = await startTestServer();
    ids = await createStaffedSession(t.prisma);
  });
  afterAll(() => t.close());

  it('names the task and its assignee, leaves out ids and empty warnings', async () => {
    const created = await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'mic_setup', title: 'Mic the kit' });
    expect(created.status).toBe(201);
    const { entries } = (await t.api('GET', `/api/audit?entityType=task&entityId=${created.body.id}`)).body;
    const routed = entries.find((e: { action: string }) => e.action === 'task.routed');
    expect(routed).toMatchObject({ entityType: 'task', entityName: 'Mic the kit', details: { assignee: 'Eli Engineer', rule: expect.any(String), reason: expect.any(String) } });
    expect(routed.details).not.toHaveProperty('assigneeId');
    expect(routed.details).not.toHaveProperty('warnings');
    expect(JSON.stringify(routed.details)).not.toContain(ids.engineer.id);
  });

  it('says "removed" for what is gone, and "nobody" for an unassigned task', async () => {
    const created = await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'mic_setup', title: 'Spare task', assigneeId: null });
    expect((await t.api('DELETE', `/api/tasks/${created.body.id}?version=${created.body.version}`)).status).toBe(204);
    const { entries } = (await t.api('GET', `/api/audit?entityType=task&entityId=${created.body.id}`)).body;
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.entityName).toBe('removed');
    expect(entries.find((e: { action: string }) => e.action.startsWith('task.')).details.assignee).toBe('nobody');
  });
});
