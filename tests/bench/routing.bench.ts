// Routing benchmark: a seeded studio of 200 members with 10,000 booked tasks.
// Measures routeTask on one task (p50/p99 in µs) and a 40-task session, against a naive
// baseline that answers the same booking questions by scanning all 10,000 bookings for each
// member (scanBookings). Run: npx tsx tests/bench/routing.bench.ts. Never asserts on time.
import { pathToFileURL } from 'node:url';
import { prng, SMOKE } from './stats';
import { BUILT_IN_TASK_KINDS, MEMBER_ROLES, indexBookings, routeSessionTasks, routeTask, scanBookings } from '../../shared/src/domain/index';
import type { Booking, BookingLookup, MemberRole, RoutingContext, RoutingMember, RoutingSession, RoutingTask } from '../../shared/src/domain/index';

const MEMBERS = 200;
const BOOKED_TASKS = 10_000;
const OTHER_SESSIONS = 2_000;
const WEEKS = 8;
const HOUR = 3_600_000;
const START = Date.parse('2025-03-03T00:00:00Z'); // a Monday

export interface Studio {
  readonly members: RoutingMember[];
  readonly bookings: Booking[];
  readonly session: RoutingSession;
}

export function buildStudio(seed: number): Studio {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const rooms = ['control-a', 'live-a', 'iso-a1', 'control-b', 'booth-b1', 'suite'];
  const roleSets: MemberRole[][] = [['ENGINEER'], ['ENGINEER'], ['PRODUCER'], ['ASSISTANT_ENGINEER'], ['PRODUCER', 'ENGINEER'], [...MEMBER_ROLES].slice(0, 1)];
  const skillPool = ['engineering', 'production', ...BUILT_IN_TASK_KINDS.map((k) => k.key)];

  const members: RoutingMember[] = Array.from({ length: MEMBERS }, (_, i) => ({
    id: `member-${String(i).padStart(3, '0')}`,
    name: `Member ${int(1, 150)}`, // repeated names exercise the tie-break
    roles: pick(roleSets),
    skills: Array.from({ length: int(0, 2) }, () => pick(skillPool)),
    weeklyCapacityHours: int(20, 60),
    knownRoomIds: rooms.filter(() => random() < 0.3),
  }));

  const sessions = Array.from({ length: OTHER_SESSIONS }, (_, i) => {
    const startsAt = START + int(0, WEEKS * 7 * 24 - 12) * HOUR;
    return { id: `session-${i}`, title: `Session ${i}`, roomName: pick(rooms), startsAt: new Date(startsAt), endsAt: new Date(startsAt + int(2, 10) * HOUR) };
  });

  const bookings: Booking[] = Array.from({ length: BOOKED_TASKS }, () => {
    const s = pick(sessions);
    return { memberId: pick(members).id, sessionId: s.id, startsAt: s.startsAt, endsAt: s.endsAt, minutes: int(30, 240), title: s.title, roomName: s.roomName };
  });

  const startsAt = START + (3 * 7 + 2) * 24 * HOUR + 10 * HOUR; // Wednesday of week 4, 10:00 UTC
  const session: RoutingSession = {
    id: 'session-target',
    title: 'Drum tracking',
    roomId: 'live-a',
    roomName: 'Live Room A',
    startsAt: new Date(startsAt),
    endsAt: new Date(startsAt + 4 * HOUR),
    producerId: pick(members.filter((m) => m.roles.includes('PRODUCER'))).id,
    engineerId: pick(members.filter((m) => m.roles.includes('ENGINEER'))).id,
  };
  return { members, bookings, session };
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Per-call times in µs, sorted. */
function sample(fn: () => unknown, warmup: number, iterations: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return times.sort((a, b) => a - b);
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

export default async function run(): Promise<void> {
  const studio = buildStudio(20250303);
  const context = (bookings: BookingLookup): RoutingContext => ({ session: studio.session, members: studio.members, bookings, timeZone: 'Europe/Berlin' });
  const task: RoutingTask = { kind: 'mic_setup', sessionId: studio.session.id };
  const sessionTasks: RoutingTask[] = Array.from({ length: 40 }, (_, i) => ({ kind: BUILT_IN_TASK_KINDS[i % BUILT_IN_TASK_KINDS.length]?.key ?? 'mixing', sessionId: studio.session.id }));

  const t0 = process.hrtime.bigint();
  const index = indexBookings(studio.bookings);
  const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const baseline = scanBookings(studio.bookings);

  // Same answers both ways, or the comparison means nothing.
  const same =
    JSON.stringify(routeTask(task, context(index))) === JSON.stringify(routeTask(task, context(baseline))) &&
    JSON.stringify(routeSessionTasks(sessionTasks, context(index))) === JSON.stringify(routeSessionTasks(sessionTasks, context(baseline)));
  const example = routeTask(task, context(index));

  const runs = (n: number) => (SMOKE ? Math.max(1, Math.ceil(n / 100)) : n);
  const indexed = sample(() => routeTask(task, context(index)), runs(300), runs(3000));
  const naive = sample(() => routeTask(task, context(baseline)), runs(20), runs(200));
  const session40 = sample(() => routeSessionTasks(sessionTasks, context(index)), runs(3), runs(30)).map((us) => us / 1000);
  const session40Naive = sample(() => routeSessionTasks(sessionTasks, context(baseline)), runs(1), runs(5)).map((us) => us / 1000);

  const p50 = percentile(indexed, 0.5);
  const p99 = percentile(indexed, 0.99);
  const b50 = percentile(naive, 0.5);
  const b99 = percentile(naive, 0.99);
  const s40 = percentile(session40, 0.5);

  console.log(`Studio: ${MEMBERS} members, ${BOOKED_TASKS} booked tasks on ${OTHER_SESSIONS} sessions over ${WEEKS} weeks (seeded).`);
  console.log(`Index built once in ${fmt(indexMs, 2)} ms. Indexed and baseline results identical: ${same ? 'yes' : 'NO'}.`);
  console.log(`Example: ${example.reasons.join(' ')} (${example.candidates.length} candidates, ${example.ineligible.length} ineligible)`);
  console.log(`routeTask, indexed bookings:  p50 ${fmt(p50)} µs, p99 ${fmt(p99)} µs (${indexed.length} runs)`);
  console.log(`routeTask, baseline scan:     p50 ${fmt(b50)} µs, p99 ${fmt(b99)} µs (${naive.length} runs)`);
  console.log(`40-task session, indexed:     median ${fmt(s40, 2)} ms (${session40.length} runs); baseline median ${fmt(percentile(session40Naive, 0.5), 2)} ms`);
  console.log(`p99 speed-up over baseline:   ${fmt(b99 / p99)}x`);
  console.log(`BENCH routing p50_us=${fmt(p50)} p99_us=${fmt(p99)} baseline_p50_us=${fmt(b50)} baseline_p99_us=${fmt(b99)} session40_ms=${fmt(s40, 2)} ratio=${(p99 / b99).toFixed(4)}`);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
