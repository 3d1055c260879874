import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkloadSchema } from '@patchbay/shared';
import { createMember, createProject, createRoom, createSession, createStudio, createTaskRow } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('GET /api/workload', () => {
  let t: TestServer;
  let ids: { sam: string; maya: string };
  beforeAll(async () => {
    t = await startTestServer();
    const studio = await createStudio(t.prisma, { name: 'Load Studio', timezone: 'UTC' });
    const room = await createRoom(t.prisma, studio.id);
    const sam = await createMember(t.prisma, studio.id, { name: 'Sam', roles: ['ENGINEER'], weeklyCapacityHours: 10 });
    const maya = await createMember(t.prisma, studio.id, { name: 'Maya', roles: ['PRODUCER'] });
    const project = await createProject(t.prisma, studio.id);
    // Monday 23 Nov 2026: 8 h staffed by Sam; Wednesday: 4 h more, over his 10 h week.
    const mon = await createSession(t.prisma, { studioId: studio.id, projectId: project.id, roomId: room.id }, { startsAt: new Date('2026-11-23T10:00:00Z'), hours: 8, engineerId: sam.id });
    await createSession(t.prisma, { studioId: studio.id, projectId: project.id, roomId: room.id }, { startsAt: new Date('2026-11-25T10:00:00Z'), hours: 4, engineerId: sam.id });
    const task = await createTaskRow(t.prisma, { studioId: studio.id, sessionId: mon.id }, { assigneeId: sam.id, status: 'DONE' });
    await t.prisma.task.update({ where: { id: task.id }, data: { estimateMinutes: 90 } });
    ids = { sam: sam.id, maya: maya.id };
  });
  afterAll(() => t.close());

  it('reports booked hours against capacity per day and week, flagging overload', async () => {
    const res = await t.api('GET', '/api/workload?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z');
    expect(res.status).toBe(200);
    const load = WorkloadSchema.parse(res.body);
    const sam = load.members.find((m) => m.member.id === ids.sam)!;
    expect(sam.weeks).toHaveLength(1);
    expect(sam.weeks[0]).toMatchObject({ week: '2026-W48', bookedMinutes: 12 * 60, capacityMinutes: 600, overCapacity: true });
    expect(sam.weeks[0]!.byRole.ENGINEER).toBe(12 * 60);
    // Task time is split by status in minutes; inside a staffed session it adds no booked time.
    expect(sam.weeks[0]!.taskCount).toBe(1);
    expect(sam.weeks[0]!.tasksByStatus.DONE).toBe(90);
    expect(sam.days.find((d) => d.date === '2026-11-23')?.bookedMinutes).toBe(8 * 60);
    const maya = load.members.find((m) => m.member.id === ids.maya)!;
    expect(maya.weeks[0]).toMatchObject({ bookedMinutes: 0, overCapacity: false });
  });

  it('refuses a reversed or too long window', async () => {
    expect((await t.api('GET', '/api/workload?from=2026-11-30T00:00:00Z&to=2026-11-23T00:00:00Z')).status).toBe(400);
    expect((await t.api('GET', '/api/workload?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z')).status).toBe(400);
  });
});
