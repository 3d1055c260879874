// A control-room tablet loses its connection, keeps ticking setup lines in its outbox (the
// client's own module), others change the same list meanwhile; once it is back and the outbox
// is replayed, every viewer's list equals the database's.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_ID_HEADER, type SetupItem } from '@patchbay/shared';
import { ApiError } from '../../client/src/api/http';
import { memoryOutbox, pendingView, SetupOutbox, type Sender } from '../../client/src/setup/outbox';
import { BoardClient } from '../helpers/board-client';
import { createMember, createSession, createSetupRow, createStaffedSession, createTaskRow } from '../helpers/factories';
import { startTestServer, type Api, type TestServer } from '../helpers/test-server';

describe('setup check-offs made offline', () => {
  let t: TestServer;
  let f: Awaited<ReturnType<typeof createStaffedSession>>;
  let assistantId: string;
  let assistant: Api;
  const clients: BoardClient[] = [];

  beforeAll(async () => {
    t = await startTestServer();
    f = await createStaffedSession(t.prisma);
    assistantId = (await createMember(t.prisma, f.studio.id, { name: 'Theo Assistant', roles: ['ASSISTANT_ENGINEER'] })).id;
    assistant = await t.as(assistantId);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await t.close();
  });

  const strip = (i: SetupItem) => ({ id: i.id, version: i.version, checked: i.checked !== null, by: i.checked?.by?.id ?? null, notes: i.notes, source: i.source });

  it('replays the outbox after the reconnect and converges with the database and the other viewers', async () => {
    let trial = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ line: fc.nat(5), what: fc.constantFrom('tick', 'untick', 'note') }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ line: fc.nat(5), what: fc.constantFrom('tick', 'note', 'source') }), { maxLength: 5 }),
        fc.constantFrom('mine', 'theirs'),
        async (offlineChanges, othersChanges, resolve) => {
          trial += 1;
          const session = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: f.room.id }, { startsAt: new Date(Date.UTC(2028, 0, trial, 8)), engineerId: f.engineer.id });
          await createTaskRow(t.prisma, { studioId: f.studio.id, sessionId: session.id }, { assigneeId: assistantId });
          for (let i = 0; i < 6; i++) await createSetupRow(t.prisma, { studioId: f.studio.id, sessionId: session.id }, { part: i < 4 ? 'INPUT' : 'CHECK', channel: i < 4 ? i + 1 : null, position: i });
          const tablet = new BoardClient('tablet', t.baseUrl, await t.cookieFor(assistantId), assistant, session.id);
          const producer = new BoardClient('producer', t.baseUrl, await t.cookieFor(f.producer.id), await t.as(f.producer.id), session.id);
          const engineer = await t.as(f.engineer.id);
          clients.push(tablet, producer);
          await tablet.open();
          await producer.open();
          const lines = () => [...tablet.state!.setup!.values()].sort((a, b) => a.position - b.position);
          const touched = () => new Set(othersChanges.map((c) => lines()[c.line]!.id));

          // The Wi-Fi drops; the assistant keeps working from the tablet.
          tablet.cut();
          const outbox = new SetupOutbox(memoryOutbox());
          let online = false;
          const send: Sender = async (itemId, input) => {
            if (!online) throw new ApiError(0, 'NETWORK', "Can't reach the Patchbay server.");
            const res = await assistant('PATCH', `/api/setup-items/${itemId}`, input, tablet.socketId ? { [SOCKET_ID_HEADER]: tablet.socketId } : {});
            if (res.status === 200) return res.body as SetupItem;
            throw new ApiError(res.status, res.body.error.code, res.body.error.message, res.body.error.details);
          };
          const listener = { onSaved: (item: SetupItem) => tablet.setupSaved(item) };
          for (const [n, change] of offlineChanges.entries()) {
            const base = lines()[change.line]!;
            const shown = pendingView(base, outbox.getEntries().find((e) => e.itemId === base.id), null);
            outbox.enqueue(shown, change.what === 'note' ? { notes: `tablet note ${n}` } : { checked: change.what === 'tick' }, assistantId);
            await outbox.flush(assistantId, send, listener);
          }
          // Meanwhile the session's engineer works the same list from the control room.
          for (const [n, change] of othersChanges.entries()) {
            const current = (await engineer('GET', `/api/sessions/${session.id}/board`)).body.setup.find((i: SetupItem) => i.id === lines()[change.line]!.id) as SetupItem;
            const body = change.what === 'tick' ? { version: current.version, checked: true } : change.what === 'note' ? { version: current.version, notes: `engineer note ${n}` } : { version: current.version, ...(current.part === 'INPUT' ? { source: `Renamed ${n}` } : { text: `Renamed step ${n}` }) };
            expect((await engineer('PATCH', `/api/setup-items/${current.id}`, body)).status).toBe(200);
          }

          // What the tablet shows as waiting to be sent.
          const queued = outbox.getEntries().map((e) => ({ itemId: e.itemId, fields: e.fields }));
          expect(queued.length).toBeLessThanOrEqual(6);

          // Back online: rejoin from the last seq, replay the outbox, settle any conflict.
          await tablet.reconnect();
          online = true;
          await outbox.flush(assistantId, send, listener);
          const conflicts = outbox.getEntries().map((e) => ({ itemId: e.itemId, current: e.current! }));
          for (const entry of outbox.getEntries()) {
            // Only a line someone else changed meanwhile can conflict.
            expect(entry.state).toBe('conflict');
            expect(touched().has(entry.itemId)).toBe(true);
            if (resolve === 'mine') outbox.applyMine(entry.id);
            else outbox.discard(entry.id);
          }
          await outbox.flush(assistantId, send, listener);
          expect(outbox.getEntries()).toEqual([]);

          const truth = (await t.api('GET', `/api/sessions/${session.id}/board`)).body as { seq: number; setup: SetupItem[] };
          await tablet.catchUp(truth.seq);
          await producer.catchUp(truth.seq);
          const expected = [...truth.setup].sort((a, b) => a.id.localeCompare(b.id)).map(strip);
          expect(tablet.setup().map(strip)).toEqual(expected);
          expect(producer.setup().map(strip)).toEqual(expected);
          // Nothing that waited on the tablet is lost: each queued change is in the database,
          // unless someone else changed that line meanwhile and the tablet chose to keep theirs.
          const touchedByOthers = touched();
          // A conflict kept as theirs is exactly their line; applied as mine, one version more.
          for (const { itemId, current } of conflicts) {
            const row = truth.setup.find((i) => i.id === itemId)!;
            expect(row.version).toBe(resolve === 'mine' ? current.version + 1 : current.version);
          }
          const kept = queued.filter(({ itemId }) => !(resolve === 'theirs' && touchedByOthers.has(itemId)));
          const landed = kept.map(({ itemId, fields }) => {
            const row = truth.setup.find((i) => i.id === itemId)!;
            return { itemId, ...(fields.checked !== undefined ? { checked: row.checked !== null } : {}), ...(fields.notes !== undefined ? { notes: row.notes } : {}) };
          });
          expect(landed).toEqual(kept.map(({ itemId, fields }) => ({ itemId, ...(fields.checked !== undefined ? { checked: fields.checked } : {}), ...(fields.notes !== undefined ? { notes: fields.notes } : {}) })));
          tablet.close();
          producer.close();
        },
      ),
      { numRuns: 12, seed: 20261201 },
    );
  });
});
