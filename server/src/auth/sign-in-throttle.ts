// Per-account slowdown of password guessing, keyed by the email tried (known or not, so a 429
// never tells whether an account exists). It never locks: it only spaces out attempts.
import { createHash } from 'node:crypto';
import type { AppContext } from '../context';

export interface ThrottleOptions {
  /** Failures an email may collect before attempts are spaced out. */
  freeFailures: number;
  /** The longest wait between two attempts on a throttled email. */
  maxDelayMs: number;
  /** One failure is forgotten per this long without a new one. */
  decayMs: number;
  /** Most emails remembered at once (the oldest are forgotten first). */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  failures: number;
  lastFailureAt: number;
}

/**
 * After `freeFailures` failed passwords for one email, the next attempt must wait 1 s after the
 * last failure, then 2 s, 4 s … up to `maxDelayMs`; failures fade one per `decayMs`. An attempt that
 * is refused is not a failure (it was never checked), so hammering does not extend the wait.
 * In memory per instance, like the per-address limit.
 */
export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(private readonly options: ThrottleOptions) {
    this.now = options.now ?? (() => Date.now());
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  /** A fixed-size key: the map never holds the emails themselves. */
  private key(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const faded = Math.floor((now - entry.lastFailureAt) / this.options.decayMs);
    const failures = entry.failures - faded;
    if (failures <= 0) {
      this.entries.delete(key);
      return undefined;
    }
    return { failures, lastFailureAt: entry.lastFailureAt };
  }

  /** 0 when an attempt may be checked now, otherwise how many milliseconds until it may. */
  retryAfterMs(email: string): number {
    const now = this.now();
    const entry = this.current(this.key(email), now);
    if (!entry || entry.failures < this.options.freeFailures) return 0;
    const delay = Math.min(this.options.maxDelayMs, 1000 * 2 ** (entry.failures - this.options.freeFailures));
    return Math.max(0, entry.lastFailureAt + delay - now);
  }

  failed(email: string): void {
    const now = this.now();
    const key = this.key(email);
    const entry = this.current(key, now);
    // Re-inserted so the map's order is the order of last failures (oldest first).
    this.entries.delete(key);
    this.entries.set(key, { failures: (entry?.failures ?? 0) + 1, lastFailureAt: now });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * A right password clears the email's few failures (typos), but not an attack's count: the owner
   * signing in from their known browser must not hand a guesser a fresh set of free attempts.
   */
  succeeded(email: string): void {
    const key = this.key(email);
    const entry = this.current(key, this.now());
    if (entry && entry.failures < this.options.freeFailures) this.entries.delete(key);
  }
}

const throttles = new WeakMap<AppContext, SignInThrottle>();

/** The throttle of this server (one per app context; tests run several servers in one process). */
export function signInThrottle(ctx: AppContext): SignInThrottle {
  let throttle = throttles.get(ctx);
  if (!throttle) {
    const freeFailures = ctx.config.authAccountFreeFailures;
    throttle = new SignInThrottle({ freeFailures, maxDelayMs: ctx.config.authAccountMaxDelayMs, decayMs: ctx.config.authRateWindowMs / freeFailures });
    throttles.set(ctx, throttle);
  }
  return throttle;
}
