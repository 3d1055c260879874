import type { SetupPart, SetupProgress } from '../api/setup';

const PARTS: readonly SetupPart[] = ['INPUT', 'PATCH', 'CHECK'];

/** Lines checked off out of all lines, per part and in all. */
export function setupProgress(items: Iterable<{ part: SetupPart; checked: unknown }>): SetupProgress {
  const byPart = Object.fromEntries(PARTS.map((p) => [p, { done: 0, total: 0 }])) as Record<SetupPart, { done: number; total: number }>;
  for (const item of items) {
    const count = byPart[item.part];
    count.total += 1;
    if (item.checked) count.done += 1;
  }
  const done = PARTS.reduce((sum, p) => sum + byPart[p].done, 0);
  const total = PARTS.reduce((sum, p) => sum + byPart[p].total, 0);
  return { done, total, byPart };
}
