// Calendar feeds through HTTP: the .ics a calendar app fetches without a cookie, parsed back with
// ical.js and checked field by field (UIDs, SEQUENCE, call times in the studio's zone, location,
// summary, status, timed tasks), regenerating and turning feeds off (old URLs answer 404), and who
// may manage which feed.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarFeedSchema, FEED_TOKEN_PATTERN, zonedParts } from '@patchbay/shared';
import { createMember, createProject, createRoom, createSession, createStudio, createTaskRow } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Never at UTC's offset, so a time written in the wrong zone cannot pass for the right one.
const TZ = 'Europe/Berlin';

/** An hour on the clock `days` from now (feeds hold 30 days back to 180 ahead of the real now). */
const inDays = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

interface Parsed {
  calendar: ICAL.Component;
  events: Map<string, ICAL.Component>;
}

async function fetchFeed(url: string): Promise<{ status: number; headers: Headers; text: string }> {
  // A calendar app: no cookie, no Origin, just the URL.
  const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function readFeed(url: string): Promise<Parsed> {
  const res = await fetchFeed(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(res.text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = new Map<string, ICAL.Component>();
  for (const event of calendar.getAllSubcomponents('vevent')) events.set(String(event.getFirstPropertyValue('uid')), event);
  return { calendar, events };
}

const prop = (event: ICAL.Component | undefined, name: string): string => String(event?.getFirstPropertyValue(name) ?? '');
const sequenceOf = (event: ICAL.Component | undefined): number => Number(event?.getFirstPropertyValue('sequence'));

/** A DTSTART/DTEND: its TZID, its wall-clock text, and the instant it names. */
function timeOf(event: ICAL.Component | undefined, name: 'dtstart' | 'dtend') {
  const property = event?.getFirstProperty(name);
  if (!property) throw new Error(`no ${name}`);
  const value = property.getFirstValue() as ICAL.Time;
  return { tzid: property.getParameter('tzid'), wall: value.toString(), instant: value.toJSDate().toISOString() };
}

/** The wall-clock text ical.js gives for an instant in the studio's zone ('2026-12-04T09:30:00'). */
function wallIn(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

describe('calendar feeds', () => {
  let t: TestServer;
  const f = {} as {
    studioId: string; roomA: string; roomB: string;
    sam: string; lena: string; maya: string; guest: string;
    drums: string; drumsStart: Date; vocals: string; vocalsStart: Date; other: string; cancelled: string; held: string; released: string; far: string;
    timedTask: string; timedStart: Date; untimedTask: string;
    foreignAdmin: string; foreignRoom: string; foreignSession: string;
  };

  beforeAll(async () => {
    t = await startTestServer();
    const p = t.prisma;
    const studio = await createStudio(p, { name: 'Blackbird', timezone: TZ });
    const admin = await createMember(p, studio.id, { name: 'Nina', roles: [], accessRole: 'ADMIN' });
    void admin;
    const roomA = await createRoom(p, studio.id, { name: 'Live Room A' });
    const roomB = await createRoom(p, studio.id, { name: 'Vocal Booth' });
    const sam = await createMember(p, studio.id, { name: 'Sam Reyes', roles: ['ENGINEER'] });
    const lena = await createMember(p, studio.id, { name: 'Lena Park', roles: ['ENGINEER'] });
    const maya = await createMember(p, studio.id, { name: 'Maya Okafor', roles: ['PRODUCER'] });
    const guest = await createMember(p, studio.id, { name: 'Ada Quinn', roles: [], accessRole: 'GUEST' });
    const project = await createProject(p, studio.id, { artist: 'The Hollow Pines', title: 'Northern Lights', leadProducerId: maya.id });
    const ids = { studioId: studio.id, projectId: project.id };
    // Sam engineers the drums (30 min prep, 15 min teardown); he has a timed and an untimed task in Maya's vocal session.
    const drumsStart = inDays(3, 10);
    const drums = await createSession(p, { ...ids, roomId: roomA.id }, { title: 'Drum tracking', startsAt: drumsStart, hours: 6, producerId: maya.id, engineerId: sam.id });
    await p.session.update({ where: { id: drums.id }, data: { prepMinutes: 30, teardownMinutes: 15 } });
    const vocalsStart = inDays(4, 12);
    const vocals = await createSession(p, { ...ids, roomId: roomB.id }, { title: 'Lead vocal overdubs', startsAt: vocalsStart, hours: 6, producerId: maya.id, engineerId: lena.id });
    await p.session.update({ where: { id: vocals.id }, data: { prepMinutes: 20, teardownMinutes: 10 } });
    const timedStart = new Date(vocalsStart.getTime() + HOUR);
    const timedTask = await createTaskRow(p, { studioId: studio.id, sessionId: vocals.id }, { title: 'Reset the vocal mic', assigneeId: sam.id });
    await p.task.update({ where: { id: timedTask.id }, data: { startsAt: timedStart, estimateMinutes: 45 } });
    const untimedTask = await createTaskRow(p, { studioId: studio.id, sessionId: vocals.id }, { title: 'Print stems', kind: 'editing', assigneeId: sam.id });
    await p.task.update({ where: { id: untimedTask.id }, data: { estimateMinutes: 60 } });
    // Sessions Sam is not in, or that are off, or too far ahead.
    const other = await createSession(p, { ...ids, roomId: roomA.id }, { title: 'Mix check', startsAt: inDays(5, 9), hours: 2, engineerId: lena.id });
    const cancelled = await createSession(p, { ...ids, roomId: roomA.id }, { title: 'Strings', startsAt: inDays(6, 10), hours: 3, engineerId: sam.id });
    await p.session.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED' } });
    const held = await createSession(p, { ...ids, roomId: roomA.id }, { title: 'Horns', startsAt: inDays(8, 10), hours: 3, engineerId: sam.id });
    await p.session.update({ where: { id: held.id }, data: { hold: 'FIRST_HOLD', holdUntil: inDays(2, 17) } });
    const released = await createSession(p, { ...ids, roomId: roomA.id }, { title: 'Choir', startsAt: inDays(9, 10), hours: 3, engineerId: sam.id });
    await p.session.update({ where: { id: released.id }, data: { hold: 'RELEASED' } });
    const far = await createSession(p, { ...ids, roomId: roomA.id }, { title: 'Next year', startsAt: inDays(200, 10), hours: 3, engineerId: sam.id });
    // Another studio with a room of its own.
    const elsewhere = await createStudio(p, { name: 'Elsewhere', timezone: 'UTC' });
    const foreignAdmin = await createMember(p, elsewhere.id, { name: 'Foreign Admin', roles: [], accessRole: 'ADMIN' });
    const foreignRoom = await createRoom(p, elsewhere.id, { name: 'Their Room' });
    const foreignProject = await createProject(p, elsewhere.id, { artist: 'Someone Else' });
    const foreignSession = await createSession(p, { studioId: elsewhere.id, projectId: foreignProject.id, roomId: foreignRoom.id }, { title: 'Their session', startsAt: inDays(3, 10), hours: 2 });
    Object.assign(f, {
      studioId: studio.id, roomA: roomA.id, roomB: roomB.id, sam: sam.id, lena: lena.id, maya: maya.id, guest: guest.id,
      drums: drums.id, drumsStart, vocals: vocals.id, vocalsStart, other: other.id, cancelled: cancelled.id, held: held.id, released: released.id, far: far.id,
      timedTask: timedTask.id, timedStart, untimedTask: untimedTask.id,
      foreignAdmin: foreignAdmin.id, foreignRoom: foreignRoom.id, foreignSession: foreignSession.id,
    });
  });
  afterAll(() => t.close());

  it("a member's feed: their sessions with call time, room, artist and project, and their timed tasks, in the studio's zone", async () => {
    const sam = await t.as(f.sam);
    expect((await sam('GET', '/api/feeds/me')).body).toEqual({ url: null, createdAt: null });
    const made = await sam('POST', '/api/feeds/me');
    expect(made.status).toBe(200);
    const feed = CalendarFeedSchema.parse(made.body);
    expect(feed.url).toMatch(new RegExp(`^${t.baseUrl}/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(FEED_TOKEN_PATTERN.test(feed.url!.slice(`${t.baseUrl}/feeds/`.length, -'.ics'.length))).toBe(true);
    // The owner can copy the same URL again later.
    expect((await sam('GET', '/api/feeds/me')).body).toEqual(feed);

    const res = await fetchFeed(feed.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    const { calendar, events } = await readFeed(feed.url!);
    expect(prop(calendar, 'x-wr-calname')).toBe('Sam Reyes — Blackbird');
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => prop(z, 'tzid'))).toEqual([TZ]);
    expect(prop(calendar, 'x-wr-timezone')).toBe(TZ);
    // DTSTAMP and LAST-MODIFIED are UTC times (RFC 5545), whatever the studio's zone.
    expect(res.text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    expect(res.text).not.toMatch(/^(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}\r$/m);

    expect([...events.keys()].sort()).toEqual(
      [`session-${f.drums}@patchbay`, `session-${f.vocals}@patchbay`, `task-${f.timedTask}@patchbay`, `session-${f.cancelled}@patchbay`, `session-${f.held}@patchbay`, `session-${f.released}@patchbay`].sort(),
    );

    // The drums: Sam engineers, so from call time (30 min prep) until the room is clear (15 min teardown).
    const drums = events.get(`session-${f.drums}@patchbay`);
    const drumsCall = new Date(f.drumsStart.getTime() - 30 * 60_000);
    const drumsClear = new Date(f.drumsStart.getTime() + 6 * HOUR + 15 * 60_000);
    expect(wallIn(drumsCall, TZ)).not.toBe(drumsCall.toISOString().slice(0, 19));
    expect(timeOf(drums, 'dtstart')).toEqual({ tzid: TZ, wall: wallIn(drumsCall, TZ), instant: drumsCall.toISOString() });
    expect(timeOf(drums, 'dtend')).toEqual({ tzid: TZ, wall: wallIn(drumsClear, TZ), instant: drumsClear.toISOString() });
    expect(prop(drums, 'summary')).toBe('Drum tracking — The Hollow Pines');
    expect(prop(drums, 'location')).toBe('Live Room A');
    expect(prop(drums, 'status')).toBe('CONFIRMED');
    expect(prop(drums, 'url')).toBe(`${t.baseUrl}/sessions/${f.drums}`);
    const drumsRow = await t.prisma.session.findUniqueOrThrow({ where: { id: f.drums } });
    expect(sequenceOf(drums)).toBe(drumsRow.boardSeq);
    const description = prop(drums, 'description');
    expect(description).toContain('The Hollow Pines — Northern Lights');
    expect(description).toContain('Producer: Maya Okafor');
    expect(description).toContain('Engineer: Sam Reyes');
    expect(description).toContain(`Call ${wallIn(drumsCall, TZ).slice(11, 16)}`);
    expect(description).toContain(`session ${wallIn(f.drumsStart, TZ).slice(11, 16)}–`);

    // The vocals: Sam only has tasks there, so from call time to the session's end; his tasks are listed.
    const vocals = events.get(`session-${f.vocals}@patchbay`);
    const vocalsCall = new Date(f.vocalsStart.getTime() - 20 * 60_000);
    expect(timeOf(vocals, 'dtstart').instant).toBe(vocalsCall.toISOString());
    expect(timeOf(vocals, 'dtend').instant).toBe(new Date(f.vocalsStart.getTime() + 6 * HOUR).toISOString());
    expect(prop(vocals, 'location')).toBe('Vocal Booth');
    const vocalsText = prop(vocals, 'description');
    expect(vocalsText).toContain('Your tasks:');
    const timedEnd = new Date(f.timedStart.getTime() + 45 * 60_000);
    expect(vocalsText).toContain(`- Reset the vocal mic (${wallIn(f.timedStart, TZ).slice(11, 16)}–${wallIn(timedEnd, TZ).slice(11, 16)})`);
    expect(vocalsText).toContain('- Print stems (during the session, 60 min)');

    // The timed task is an event of its own: its slot, in the zone.
    const task = events.get(`task-${f.timedTask}@patchbay`);
    expect(timeOf(task, 'dtstart')).toEqual({ tzid: TZ, wall: wallIn(f.timedStart, TZ), instant: f.timedStart.toISOString() });
    expect(timeOf(task, 'dtend').instant).toBe(timedEnd.toISOString());
    expect(prop(task, 'summary')).toBe('Reset the vocal mic — Lead vocal overdubs');
    expect(prop(task, 'location')).toBe('Vocal Booth');
    expect(prop(task, 'status')).toBe('CONFIRMED');

    // Off and on hold.
    expect(prop(events.get(`session-${f.cancelled}@patchbay`), 'status')).toBe('CANCELLED');
    expect(prop(events.get(`session-${f.cancelled}@patchbay`), 'summary')).toBe('Cancelled: Strings — The Hollow Pines');
    expect(prop(events.get(`session-${f.held}@patchbay`), 'status')).toBe('TENTATIVE');
    expect(prop(events.get(`session-${f.held}@patchbay`), 'summary')).toBe('First hold: Horns — The Hollow Pines');
    expect(prop(events.get(`session-${f.released}@patchbay`), 'status')).toBe('CANCELLED');
    expect(prop(events.get(`session-${f.released}@patchbay`), 'summary')).toBe('Hold released: Choir — The Hollow Pines');
  });

  it('keeps UIDs stable, raises SEQUENCE on a change and marks a session cancelled through the API', async () => {
    const sam = await t.as(f.sam);
    const url = CalendarFeedSchema.parse((await sam('GET', '/api/feeds/me')).body).url!;
    const first = await readFeed(url);
    const again = await readFeed(url);
    expect([...again.events.keys()]).toEqual([...first.events.keys()]);
    const uid = `session-${f.drums}@patchbay`;
    const before = sequenceOf(first.events.get(uid));

    const maya = await t.as(f.maya);
    expect((await maya('PATCH', `/api/sessions/${f.drums}`, { title: 'Drum tracking, day 1' })).status).toBe(200);
    const renamed = await readFeed(url);
    expect(sequenceOf(renamed.events.get(uid))).toBeGreaterThan(before);
    expect(prop(renamed.events.get(uid), 'summary')).toBe('Drum tracking, day 1 — The Hollow Pines');
    // LAST-MODIFIED is the session's last change, to the second, in UTC.
    const changed = await t.prisma.session.findUniqueOrThrow({ where: { id: f.drums } });
    expect(new Date(prop(renamed.events.get(uid), 'last-modified')).toISOString()).toBe(new Date(Math.floor(changed.updatedAt.getTime() / 1000) * 1000).toISOString());

    expect((await maya('PATCH', `/api/sessions/${f.drums}`, { status: 'CANCELLED' })).status).toBe(200);
    const off = await readFeed(url);
    expect([...off.events.keys()].sort()).toEqual([...first.events.keys()].sort());
    expect(prop(off.events.get(uid), 'status')).toBe('CANCELLED');
    expect(sequenceOf(off.events.get(uid))).toBeGreaterThan(sequenceOf(renamed.events.get(uid)));
    expect((await maya('PATCH', `/api/sessions/${f.drums}`, { status: 'PLANNED', title: 'Drum tracking' })).status).toBe(200);
  });

  it('regenerating gives a new URL and the old one answers 404; turning the feed off makes it 404', async () => {
    const sam = await t.as(f.sam);
    const old = CalendarFeedSchema.parse((await sam('GET', '/api/feeds/me')).body).url!;
    const renewed = await sam('POST', '/api/feeds/me');
    expect(renewed.status).toBe(200);
    const url = CalendarFeedSchema.parse(renewed.body).url!;
    expect(url).not.toBe(old);
    const gone = await fetchFeed(old);
    expect(gone.status).toBe(404);
    expect(gone.text).toBe('Not found');
    expect((await fetchFeed(url)).status).toBe(200);

    expect((await sam('DELETE', '/api/feeds/me')).status).toBe(204);
    expect((await sam('GET', '/api/feeds/me')).body).toEqual({ url: null, createdAt: null });
    expect((await fetchFeed(url)).status).toBe(404);
    // Turning off a feed that is off already is fine.
    expect((await sam('DELETE', '/api/feeds/me')).status).toBe(204);
    const audit = await t.prisma.auditEntry.findMany({ where: { entityId: f.sam, action: { startsWith: 'calendar_feed.' } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['calendar_feed.created', 'calendar_feed.regenerated', 'calendar_feed.revoked']);
  });

  it('answers 404 with nothing to learn for tokens that are malformed or unknown', async () => {
    for (const path of ['/feeds/abc.ics', `/feeds/${'A'.repeat(43)}.ics`, `/feeds/${'A'.repeat(43)}`, '/feeds/', '/feeds/%E0%A4%A.ics']) {
      const res = await fetchFeed(`${t.baseUrl}${path}`);
      expect({ path, status: res.status, text: res.text }).toEqual({ path, status: 404, text: 'Not found' });
    }
  });

  it("each member manages only their own feed; a member who becomes a guest loses theirs; guests may not have one", async () => {
    const sam = await t.as(f.sam);
    const lena = await t.as(f.lena);
    const samUrl = CalendarFeedSchema.parse((await sam('POST', '/api/feeds/me')).body).url!;
    expect((await lena('GET', '/api/feeds/me')).body).toEqual({ url: null, createdAt: null });
    const lenaUrl = CalendarFeedSchema.parse((await lena('POST', '/api/feeds/me')).body).url!;
    expect(lenaUrl).not.toBe(samUrl);
    // Lena rotating and turning off her own feed leaves Sam's alone.
    expect((await lena('POST', '/api/feeds/me')).status).toBe(200);
    expect((await lena('DELETE', '/api/feeds/me')).status).toBe(204);
    expect((await sam('GET', '/api/feeds/me')).body.url).toBe(samUrl);
    expect((await fetchFeed(samUrl)).status).toBe(200);
    // Her feed holds her sessions, not Sam's.
    const lenaFeed = await readFeed(CalendarFeedSchema.parse((await lena('POST', '/api/feeds/me')).body).url!);
    expect([...lenaFeed.events.keys()].sort()).toEqual([`session-${f.vocals}@patchbay`, `session-${f.other}@patchbay`].sort());
    expect(prop(lenaFeed.calendar, 'x-wr-calname')).toBe('Lena Park — Blackbird');

    const guest = await t.as(f.guest);
    expect((await guest('GET', '/api/feeds/me')).status).toBe(403);
    expect((await guest('POST', '/api/feeds/me')).status).toBe(403);
    expect((await t.anon('POST', '/api/feeds/me')).status).toBe(401);

    await t.prisma.member.update({ where: { id: f.sam }, data: { accessRole: 'GUEST' } });
    try {
      expect((await fetchFeed(samUrl)).status).toBe(404);
    } finally {
      await t.prisma.member.update({ where: { id: f.sam }, data: { accessRole: 'ENGINEER' } });
    }
    expect((await fetchFeed(samUrl)).status).toBe(200);
  });

  it("a room's feed: every session in the room from call time until clear, managed by admins only, never another studio's", async () => {
    const sam = await t.as(f.sam);
    expect((await sam('POST', `/api/rooms/${f.roomA}/feed`)).status).toBe(403);
    expect((await sam('GET', `/api/rooms/${f.roomA}/feed`)).status).toBe(403);
    expect((await t.api('GET', `/api/rooms/${f.roomA}/feed`)).body).toEqual({ url: null, createdAt: null });
    const made = await t.api('POST', `/api/rooms/${f.roomA}/feed`);
    expect(made.status).toBe(200);
    const url = CalendarFeedSchema.parse(made.body).url!;
    const { calendar, events } = await readFeed(url);
    expect(prop(calendar, 'x-wr-calname')).toBe('Live Room A — Blackbird');
    expect([...events.keys()].sort()).toEqual([f.drums, f.other, f.cancelled, f.held, f.released].map((id) => `session-${id}@patchbay`).sort());
    const drums = events.get(`session-${f.drums}@patchbay`);
    expect(timeOf(drums, 'dtstart')).toMatchObject({ tzid: TZ, instant: new Date(f.drumsStart.getTime() - 30 * 60_000).toISOString() });
    expect(timeOf(drums, 'dtend').instant).toBe(new Date(f.drumsStart.getTime() + 6 * HOUR + 15 * 60_000).toISOString());
    expect(prop(drums, 'location')).toBe('Live Room A');
    expect(prop(drums, 'description')).not.toContain('Your tasks');

    // Another studio's admin can neither see nor make this room's feed, and their own room's feed holds only their sessions (in UTC).
    const foreign = await t.as(f.foreignAdmin);
    expect((await foreign('GET', `/api/rooms/${f.roomA}/feed`)).status).toBe(404);
    expect((await foreign('POST', `/api/rooms/${f.roomA}/feed`)).status).toBe(404);
    expect((await foreign('DELETE', `/api/rooms/${f.roomA}/feed`)).status).toBe(404);
    expect((await t.api('GET', `/api/rooms/${f.foreignRoom}/feed`)).status).toBe(404);
    const theirs = await readFeed(CalendarFeedSchema.parse((await foreign('POST', `/api/rooms/${f.foreignRoom}/feed`)).body).url!);
    expect([...theirs.events.keys()]).toEqual([`session-${f.foreignSession}@patchbay`]);
    expect(theirs.calendar.getAllSubcomponents('vtimezone')).toEqual([]);
    const foreignStart = timeOf(theirs.events.get(`session-${f.foreignSession}@patchbay`), 'dtstart');
    expect(foreignStart.tzid).toBeUndefined();
    expect(foreignStart.wall).toMatch(/Z$/);
    expect((await fetchFeed(url)).status).toBe(200);

    // Regenerate and turn off.
    const renewed = CalendarFeedSchema.parse((await t.api('POST', `/api/rooms/${f.roomA}/feed`)).body).url!;
    expect((await fetchFeed(url)).status).toBe(404);
    expect((await fetchFeed(renewed)).status).toBe(200);
    expect((await t.api('DELETE', `/api/rooms/${f.roomA}/feed`)).status).toBe(204);
    expect((await fetchFeed(renewed)).status).toBe(404);
  });
});
