// Input lists in and out as CSV: refused whole on one bad row (rules included), replaced or
// appended with one event per line, exported for a spreadsheet and read back.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupItem } from '@patchbay/shared';
import { createGear, createSession, createSetupRow, createStaffedSession } from '../helpers/factories';
import { connectSocket, joinBoard, waitForEvents, type TestSocket } from '../helpers/sockets';
import { startTestServer, type Api, type TestServer } from '../helpers/test-server';

const CSV = [
  'Channel,Source,Mic / DI,Stand,Preamp,Phantom,Pad (dB),High-pass (Hz),Polarity,Insert,Notes',
  '1,Kick In,Beta 91A,inside,Neve 1073 #1,on,,,normal,,',
  '2,Snare Top,Shure SM57,short,Neve 1073 #2,off,,,,1176,"=HYPERLINK(""http://x"")"',
  '3,Snare Bottom,Shure SM57,short,Neve 1073 #3,off,,,flipped,,',
  '4,Overhead L,Coles 4038 #1,boom,Neve 1073 #4,off,,,,,ribbon',
].join('\n');

describe('input lists as CSV', () => {
  let t: TestServer;
  let f: Awaited<ReturnType<typeof createStaffedSession>>;
  let engineer: Api;
  const sockets: TestSocket[] = [];
  const board = async (sessionId = f.session.id) => (await t.api('GET', `/api/sessions/${sessionId}/board`)).body as { seq: number; setup: SetupItem[] };
  const inputs = async (sessionId = f.session.id) => (await board(sessionId)).setup.filter((i) => i.part === 'INPUT');

  beforeAll(async () => {
    t = await startTestServer();
    f = await createStaffedSession(t.prisma);
    engineer = await t.as(f.engineer.id);
    await createGear(t.prisma, f.studio.id, { label: 'Beta 91A', needsPhantom: true });
    await createGear(t.prisma, f.studio.id, { label: 'Shure SM57', quantity: 2 });
    await createGear(t.prisma, f.studio.id, { label: 'Coles 4038 #1', ribbon: true });
    await createGear(t.prisma, f.studio.id, { label: 'MD421 #3', status: 'IN_REPAIR' });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  it('imports a good file, replacing the input list, with one event per line', async () => {
    const old = await createSetupRow(t.prisma, { studioId: f.studio.id, sessionId: f.session.id }, { channel: 9, source: 'Old line' });
    await createSetupRow(t.prisma, { studioId: f.studio.id, sessionId: f.session.id }, { part: 'CHECK', text: 'Power up' });
    const viewer = await connectSocket(t.baseUrl, await t.cookieFor(f.producer.id));
    sockets.push(viewer);
    const { seq } = await board();
    await joinBoard(viewer, f.session.id, seq);

    const res = await engineer('POST', `/api/sessions/${f.session.id}/setup/inputs/import`, { csv: CSV, mode: 'replace' });
    expect(res.status).toBe(201);
    expect(res.body.removed).toBe(1);
    expect(res.body.created.map((i: SetupItem) => [i.channel, i.source, i.gear?.label ?? i.gearText, i.phantom, i.polarity])).toEqual([
      [1, 'Kick In', 'Beta 91A', true, false],
      [2, 'Snare Top', 'Shure SM57', false, false],
      [3, 'Snare Bottom', 'Shure SM57', false, true],
      [4, 'Overhead L', 'Coles 4038 #1', false, false],
    ]);
    // Kept as text, never run: it is just a note.
    expect(res.body.created[1].notes).toBe('=HYPERLINK("http://x")');
    const events = await waitForEvents(viewer, 5);
    expect(events.map((e) => [e.type, e.seq])).toEqual([['setup.deleted', seq + 1], ['setup.created', seq + 2], ['setup.created', seq + 3], ['setup.created', seq + 4], ['setup.created', seq + 5]]);
    expect(events[0]).toMatchObject({ itemId: old.id, part: 'INPUT' });
    // The checklist was left alone.
    expect((await board()).setup.filter((i) => i.part === 'CHECK').map((i) => i.text)).toEqual(['Power up']);
  });

  it('exports a CSV a spreadsheet opens cleanly, with formula cells neutralised, that imports back to the same list', async () => {
    const res = await t.api('GET', `/api/sessions/${f.session.id}/setup/inputs.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?vocal-overdubs-input-list\.csv"?$/);
    // The byte-order mark is there (fetch's text() drops it, so read the bytes).
    const bytes = new Uint8Array(await (await fetch(`${t.baseUrl}/api/sessions/${f.session.id}/setup/inputs.csv`, { headers: { cookie: await t.cookieFor() } })).arrayBuffer());
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text.startsWith('"Channel","Source","Mic / DI"')).toBe(true);
    const rows = Papa.parse<string[]>(res.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Channel', 'Source', 'Mic / DI', 'Stand', 'Preamp', 'Phantom', 'Pad (dB)', 'High-pass (Hz)', 'Polarity', 'Insert', 'Notes']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[5], r[8]])).toEqual([
      ['1', 'Kick In', 'Beta 91A', 'on', 'normal'],
      ['2', 'Snare Top', 'Shure SM57', 'off', 'normal'],
      ['3', 'Snare Bottom', 'Shure SM57', 'off', 'flipped'],
      ['4', 'Overhead L', 'Coles 4038 #1', 'off', 'normal'],
    ]);
    expect(rows[2]![10]).toBe('\'=HYPERLINK("http://x")');

    const before = await inputs();
    const back = await engineer('POST', `/api/sessions/${f.session.id}/setup/inputs/import`, { csv: res.text, mode: 'replace' });
    expect(back.status).toBe(201);
    const strip = (i: SetupItem) => [i.channel, i.source, i.gear?.id ?? null, i.gearText, i.stand, i.preamp, i.phantom, i.padDb, i.highPassHz, i.polarity, i.insert, i.notes];
    expect((await inputs()).map(strip)).toEqual(before.map(strip));
  });

  it('refuses the whole file when any row is bad — its own values or the rules — naming every line, and changes nothing', async () => {
    const before = await board();
    const other = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: f.room.id }, { title: 'Drums', startsAt: f.session.startsAt, hours: 2 });
    void other;
    const bad = [
      'Channel,Source,Mic / DI,Phantom',
      '1,Kick In,Beta 91A,on',
      '2,Snare Top,MD421 #3,off',
      '3,Tom,Shure SM57,off',
      '4,Tom 2,Shure SM57,off',
      '5,Tom 3,Shure SM57,off',
      '5,Floor,,maybe',
    ].join('\n');
    const res = await engineer('POST', `/api/sessions/${f.session.id}/setup/inputs/import`, { csv: bad, mode: 'replace' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.rows).toEqual([
      { line: 7, column: 'Channel', message: 'channel 5 is also on line 6' },
      { line: 7, column: 'Phantom', message: '"maybe" is not on or off' },
    ]);
    expect(res.body.error.message).toBe('Nothing was imported: 1 line has a problem (line 7: channel 5 is also on line 6)');

    // With the file itself fixed, the rules find the rest: gear in repair, three SM57s of two.
    const fixed = bad.split('\n').slice(0, 6).join('\n');
    const rules = await engineer('POST', `/api/sessions/${f.session.id}/setup/inputs/import`, { csv: fixed, mode: 'replace' });
    expect(rules.status).toBe(400);
    expect(rules.body.error.details.rows).toEqual([
      { line: 3, column: 'Mic / DI', message: 'MD421 #3 is in repair: choose other gear.' },
      { line: 4, column: 'Mic / DI', message: 'Shure SM57 is planned on channels 3, 4, 5; the studio has 2.' },
      { line: 5, column: 'Mic / DI', message: 'Shure SM57 is planned on channels 3, 4, 5; the studio has 2.' },
      { line: 6, column: 'Mic / DI', message: 'Shure SM57 is planned on channels 3, 4, 5; the studio has 2.' },
    ]);
    const after = await board();
    expect(after.seq).toBe(before.seq);
    expect(after.setup).toEqual(before.setup);
  });

  it('appends after the current lines, checking channels against them', async () => {
    const count = (await inputs()).length;
    const clash = await engineer('POST', `/api/sessions/${f.session.id}/setup/inputs/import`, { csv: 'Channel,Source\n4,Overhead R\n', mode: 'append' });
    expect(clash.status).toBe(400);
    expect(clash.body.error.details.rows).toEqual([{ line: 2, column: 'Channel', message: 'Channel 4 is also used by “Overhead L”.' }]);
    const ok = await engineer('POST', `/api/sessions/${f.session.id}/setup/inputs/import`, { csv: 'Channel,Source\n5,Overhead R\n', mode: 'append' });
    expect(ok.status).toBe(201);
    expect(ok.body.removed).toBe(0);
    expect((await inputs()).map((i) => i.source).slice(count)).toEqual(['Overhead R']);
  });

  it('refuses what is not a file of text', async () => {
    expect((await engineer('POST', `/api/sessions/${f.session.id}/setup/inputs/import`, { csv: '', mode: 'replace' })).status).toBe(400);
    expect((await engineer('POST', `/api/sessions/${f.session.id}/setup/inputs/import`, { csv: 'Source\nx', mode: 'merge' })).status).toBe(400);
    const nul = await engineer('POST', `/api/sessions/${f.session.id}/setup/inputs/import`, { csv: 'Source\nKick\u0000', mode: 'append' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.details.rows[0]).toMatchObject({ line: 2, column: 'Source' });
  });
});
