import type { SetupItem } from '@patchbay/shared';

/** How a setup line reads in a sentence: "ch 3 Snare Top", "‘Power up console’", "Wall box 3 → Neve 1073". */
export function setupLineName(item: Pick<SetupItem, 'part' | 'channel' | 'source' | 'text' | 'points'>): string {
  switch (item.part) {
    case 'INPUT':
      return [item.channel !== null ? `ch ${item.channel}` : null, item.source || null].filter(Boolean).join(' ') || 'an input';
    case 'CHECK':
      return item.text ? `‘${item.text.length > 60 ? `${item.text.slice(0, 57)}…` : item.text}’` : 'a step';
    case 'PATCH':
      return item.points.length ? item.points.join(' → ') : 'a patch line';
  }
}

export const PART_IN_SENTENCE: Readonly<Record<SetupItem['part'], string>> = {
  INPUT: 'the input list',
  PATCH: 'the patch plan',
  CHECK: 'the checklist',
};

/** The gear of an input line in words: the inventory item, else the free text, else a dash. */
export function gearName(item: Pick<SetupItem, 'gear' | 'gearText'>): string {
  return item.gear?.label ?? (item.gearText || '—');
}
