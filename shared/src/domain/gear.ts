/**
 * The studio's gear inventory: categories, states and the facts the setup rules need.
 * The string values match the database enums (prisma/schema.prisma).
 */

export const GEAR_CATEGORIES = [
  'MICROPHONE',
  'DI',
  'PREAMP',
  'CONSOLE_CHANNEL',
  'OUTBOARD',
  'MONITOR',
  'HEADPHONES',
  'INSTRUMENT',
  'STAND',
  'CABLE',
  'OTHER',
] as const;
export type GearCategory = (typeof GEAR_CATEGORIES)[number];

export const GEAR_CATEGORY_LABELS: Readonly<Record<GearCategory, string>> = {
  MICROPHONE: 'Microphone',
  DI: 'DI box',
  PREAMP: 'Preamp',
  CONSOLE_CHANNEL: 'Console channel',
  OUTBOARD: 'Outboard',
  MONITOR: 'Monitor',
  HEADPHONES: 'Headphones',
  INSTRUMENT: 'Instrument',
  STAND: 'Stand',
  CABLE: 'Cable',
  OTHER: 'Other',
};

export const GEAR_STATUSES = ['OK', 'IN_REPAIR', 'MISSING'] as const;
export type GearStatus = (typeof GEAR_STATUSES)[number];

export const GEAR_STATUS_LABELS: Readonly<Record<GearStatus, string>> = {
  OK: 'OK',
  IN_REPAIR: 'In repair',
  MISSING: 'Missing',
};

/** Categories that can be the source of an input line (what a channel is plugged into). */
export const INPUT_SOURCE_CATEGORIES: readonly GearCategory[] = ['MICROPHONE', 'DI', 'INSTRUMENT', 'OTHER'];

/** What the setup rules need to know about one inventory item. */
export interface GearFacts {
  readonly id: string;
  readonly label: string;
  readonly category: GearCategory;
  /** How many identical units the item stands for (1 for a labelled single unit). */
  readonly quantity: number;
  readonly status: GearStatus;
  /** Ribbon microphone: phantom power can damage it. */
  readonly ribbon: boolean;
  /** Tube microphone: runs from its own power supply. */
  readonly tube: boolean;
  /** Condenser that needs phantom power to work. */
  readonly needsPhantom: boolean;
}

/** "Neumann U87 Ai" from make and model, else the label. */
export function gearDisplayName(item: { label: string; make?: string; model?: string }): string {
  return item.label || [item.make, item.model].filter(Boolean).join(' ');
}
