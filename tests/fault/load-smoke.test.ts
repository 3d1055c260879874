// A short run of the load benchmark (tests/bench/load.bench.ts): the real server in its own
// process, a few writers and viewers for about 5 s. Asserts only that it completes, prints its
// BENCH line and saw no errors — never a timing. The full run: `npm run bench -- load`.
import { describe, expect, it } from 'vitest';
import { runLoad } from '../bench/load.bench';

describe('load benchmark (smoke)', () => {
  it('runs the mixed workload with live viewers without an error', async () => {
    const result = await runLoad({ seconds: 5, viewers: 5, writers: 3, database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
    expect(result.line).toMatch(/^BENCH load writes_per_s=[\d.]+ p99_ms=[\d.]+ errors=0 /);
    expect(result.errors).toBe(0);
    // How many of each operation fit in 5 s depends on the machine; that some ran does not.
    expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 90_000);
});
