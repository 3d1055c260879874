import type { TaskKindList } from '@patchbay/shared';
import { resolveTaskKind } from '@patchbay/shared/domain/task-kinds';

export type TaskKindInfo = TaskKindList['kinds'][number];

/** The label of a kind: from the studio's list when loaded, else the built-in label, else the key. */
export function kindLabel(key: string, kinds: readonly TaskKindInfo[] | undefined): string {
  return kinds?.find((k) => k.key === key)?.label ?? resolveTaskKind(key)?.label ?? key.replaceAll('_', ' ');
}

/** "Maya Okafor" → "MO". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

/** "1 task" / "3 tasks". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
