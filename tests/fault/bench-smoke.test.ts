// Benchmarks must not rot: each one in tests/bench/ runs once at a tiny size (BENCH_SMOKE=1),
// as `npm run bench -- <name>` runs it, and must finish and print its BENCH line. A benchmark
// that reports errors must report none. Never a timing assertion: the full runs are
// `npm run bench` (figures in the issue notes).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BENCHES = readdirSync(path.join(ROOT, 'tests/bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();

function runBench(name: string): Promise<{ code: number | null; output: string; errors: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', name], {
      cwd: ROOT, env: { ...process.env, BENCH_SMOKE: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
      errors += c.toString();
    });
    child.once('exit', (code) => resolve({ code, output, errors }));
  });
}

describe('benchmarks (smoke: tiny sizes)', () => {
  it('finds every benchmark', () => {
    expect(BENCHES).toEqual(expect.arrayContaining(['api', 'fanout', 'load', 'routing', 'workload', 'writes']));
  });

  for (const name of BENCHES) {
    it(`${name}: completes and prints its BENCH line`, async () => {
      const { code, output, errors } = await runBench(name);
      const line = output.split('\n').find((l) => l.startsWith(`BENCH ${name} `)) ?? '';
      // When it did not finish: the start of what it wrote to stderr (a crash's message and stack
      // come first, before any dump of the error's properties) and the output's tail.
      if (code !== 0 || !line) {
        throw new Error(`${name} exited with ${code}${line ? '' : ' and no BENCH line'}:\n${errors.slice(0, 2000)}\n…\n${output.slice(-1500)}`);
      }
      expect(line).toMatch(new RegExp(`^BENCH ${name} \\S+=`));
      expect(line).not.toMatch(/\berrors=[1-9]/);
    }, 180_000);
  }
});
