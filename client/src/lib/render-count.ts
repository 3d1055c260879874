/**
 * Counts renders of hot components (a card of a 300-task board) so tests can check that one
 * change renders one card. Only under the test runner: in a build `import.meta.env.MODE` is
 * replaced by its value and the whole body is dropped.
 */
export const renderCounts = new Map<string, number>();

export function countRender(key: string): void {
  if (import.meta.env.MODE !== 'test') return;
  renderCounts.set(key, (renderCounts.get(key) ?? 0) + 1);
}
