// Issue 11 item 6: strangers guessing an account's password slow it down, never lock its owner out.
// The per-address limit is set high here (every test request comes from 127.0.0.1), so what is
// tested is the per-account rule. The clock is faked (Date only), so the waits are exact.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../server/src/auth/crypto';
import { SignInThrottle } from '../../server/src/auth/sign-in-throttle';
import { createStaffedSession } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';

const PASSWORD = 'owner has a long password';
const cookieOf = (res: { headers: Headers }, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`));

describe('the per-account throttle (pure, injected clock)', () => {
  it('spaces attempts out after the free failures, never extends on refusals, and fades', () => {
    let now = 0;
    const throttle = new SignInThrottle({ freeFailures: 3, maxDelayMs: 8_000, decayMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.retryAfterMs('a@x.test')).toBe(0);
      throttle.failed('a@x.test');
    }
    expect(throttle.retryAfterMs('A@X.test ')).toBe(1_000);
    // Refused attempts are not failures: asking again does not push the wait out.
    for (let i = 0; i < 100; i += 1) throttle.retryAfterMs('a@x.test');
    now += 1_000;
    expect(throttle.retryAfterMs('a@x.test')).toBe(0);
    throttle.failed('a@x.test');
    expect(throttle.retryAfterMs('a@x.test')).toBe(2_000);
    for (const wait of [2_000, 4_000, 8_000, 8_000]) {
      now += wait;
      throttle.failed('a@x.test');
    }
    expect(throttle.retryAfterMs('a@x.test')).toBe(8_000); // capped
    // Other emails are untouched.
    expect(throttle.retryAfterMs('b@x.test')).toBe(0);
    // A right password during an attack keeps the count; one after a few typos clears it.
    throttle.succeeded('a@x.test');
    expect(throttle.retryAfterMs('a@x.test')).toBe(8_000);
    throttle.failed('b@x.test');
    throttle.succeeded('b@x.test');
    throttle.failed('b@x.test');
    throttle.failed('b@x.test');
    expect(throttle.retryAfterMs('b@x.test')).toBe(0);
    // Eight failures fade one per minute: after six minutes two are left, under the free three.
    now += 6 * 60_000;
    expect(throttle.retryAfterMs('a@x.test')).toBe(0);
    throttle.failed('a@x.test');
    expect(throttle.retryAfterMs('a@x.test')).toBe(1_000);
  });

  it('forgets the oldest emails beyond its size', () => {
    const throttle = new SignInThrottle({ freeFailures: 1, maxDelayMs: 1_000, decayMs: 60_000, maxEntries: 2, now: () => 0 });
    for (const e of ['a', 'b', 'c']) throttle.failed(`${e}@x.test`);
    expect(throttle.retryAfterMs('a@x.test')).toBe(0);
    expect(throttle.retryAfterMs('c@x.test')).toBe(1_000);
  });
});

describe('sign-in under a password-guessing attack', () => {
  let t: TestServer;
  let ownerBrowser: string;
  let first: Awaited<ReturnType<TestServer['anon']>>;
  beforeAll(async () => {
    // Defaults for the account rule (10 free failures, at most 30 s apart, fading over 15 minutes).
    t = await startTestServer({ authRateLimit: 10_000 });
    const ids = await createStaffedSession(t.prisma);
    const user = await t.prisma.user.create({ data: { email: 'owner@studio.test', name: 'Owner', passwordHash: await hashPassword(PASSWORD) } });
    await t.prisma.member.update({ where: { id: ids.engineer.id }, data: { userId: user.id } });
    const other = await t.prisma.user.create({ data: { email: 'other@studio.test', name: 'Other', passwordHash: await hashPassword(PASSWORD) } });
    await t.prisma.member.update({ where: { id: ids.producer.id }, data: { userId: other.id } });
    // The owner signed in from their usual browser before the attack.
    first = await t.anon('POST', '/api/auth/sign-in', { email: 'owner@studio.test', password: PASSWORD });
    ownerBrowser = cookieOf(first, 'patchbay_browser')?.split(';')[0] ?? 'none';
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  });
  afterEach(() => vi.setSystemTime(Date.now() + 24 * 3_600_000));
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  const signIn = (email: string, password: string, cookie?: string) =>
    t.anon('POST', '/api/auth/sign-in', { email, password }, cookie ? { cookie } : {});

  async function attack(email: string, times: number) {
    const answers = [];
    for (let i = 0; i < times; i += 1) answers.push(await signIn(email, `guess number ${i}`));
    return answers;
  }

  it('gives a browser that signed in a long-lived, httpOnly, SameSite=Lax known-browser cookie', () => {
    expect(first.status).toBe(200);
    const browser = cookieOf(first, 'patchbay_browser');
    expect(browser).toMatch(/HttpOnly/i);
    expect(browser).toMatch(/SameSite=Lax/i);
    expect(browser).toMatch(/Path=\/api/);
    expect(browser).toMatch(/Max-Age=\d{7,}/); // 400 days
    expect(ownerBrowser).toMatch(/^patchbay_browser=[\w-]{43}$/);
  });

  it('slows strangers down after 50 wrong passwords, while the owner’s known browser signs in at once', async () => {
    const answers = await attack('owner@studio.test', 50);
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(401));
    expect(answers.slice(10).map((a) => a.status)).toEqual(Array(40).fill(429));
    for (const a of answers.slice(10)) {
      expect(a.body.error.code).toBe('RATE_LIMITED');
      // Seconds, not a 15-minute lock.
      const retryAfter = Number(a.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(30);
    }

    const known = await signIn('owner@studio.test', PASSWORD, ownerBrowser);
    expect(known.status).toBe(200);
    expect(known.body.user.email).toBe('owner@studio.test');

    // The right password from an unknown browser waits a second, then passes.
    const unknown = await signIn('owner@studio.test', PASSWORD);
    expect(unknown.status).toBe(429);
    expect(unknown.headers.get('retry-after')).toBe('1');
    vi.setSystemTime(Date.now() + 1_000);
    const later = await signIn('owner@studio.test', PASSWORD);
    expect(later.status).toBe(200);
    expect(cookieOf(later, 'patchbay_browser')).toBeDefined();
  });

  it('knows a browser per account: the owner’s browser is a stranger to another account', async () => {
    await attack('other@studio.test', 11);
    expect((await signIn('other@studio.test', PASSWORD, ownerBrowser)).status).toBe(429);
    // A forged or foreign browser cookie is no pass either.
    expect((await signIn('other@studio.test', PASSWORD, `patchbay_browser=${'x'.repeat(43)}`)).status).toBe(429);
  });

  it('answers an unknown email exactly like a known one: 401s, then the same 429', async () => {
    const timed = async (email: string) => {
      const started = performance.now();
      const answers = await attack(email, 12);
      return { answers, ms: performance.now() - started };
    };
    const knownEmail = await timed('owner@studio.test');
    const unknownEmail = await timed('nobody@studio.test');
    const shape = (a: { status: number; body: unknown; headers: Headers }) => ({ status: a.status, body: a.body, retryAfter: a.headers.get('retry-after') });
    expect(unknownEmail.answers.map(shape)).toEqual(knownEmail.answers.map(shape));
    expect(unknownEmail.answers.map((a) => a.status)).toEqual([...Array(10).fill(401), 429, 429]);
    // A known-browser cookie does not tell either: there is no account to know it.
    expect((await signIn('nobody@studio.test', PASSWORD, ownerBrowser)).status).toBe(429);
    console.log(`lockout: 12 attempts took ${knownEmail.ms.toFixed(0)} ms for a known email, ${unknownEmail.ms.toFixed(0)} ms for an unknown one`);
  });

  it('grows the wait to at most 30 s for a stranger who keeps guessing', async () => {
    await attack('owner@studio.test', 10);
    const waits = [];
    for (let i = 0; i < 7; i += 1) {
      const refused = await signIn('owner@studio.test', 'still guessing');
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      waits.push(wait);
      vi.setSystemTime(Date.now() + wait * 1_000);
      expect((await signIn('owner@studio.test', `guess after ${wait} s`)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30]);
    // The owner's browser is not held up by any of it.
    expect((await signIn('owner@studio.test', PASSWORD, ownerBrowser)).status).toBe(200);
  });

  it('fades: one failure is forgotten per 90 s (15 minutes / 10 free failures)', async () => {
    await attack('owner@studio.test', 10);
    expect((await signIn('owner@studio.test', 'one more guess')).status).toBe(429);
    vi.setSystemTime(Date.now() + 90_000);
    expect((await signIn('owner@studio.test', 'a guess after 90 s')).status).toBe(401);
    expect((await signIn('owner@studio.test', 'and another')).status).toBe(429);
    vi.setSystemTime(Date.now() + 15 * 60_000);
    expect((await attack('owner@studio.test', 11)).map((a) => a.status)).toEqual([...Array(10).fill(401), 429]);
  });
});
