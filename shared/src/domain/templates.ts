/**
 * Session templates, both ways: a template expanded into a new session's tasks and setup lines,
 * and a session's tasks and setup list saved as a template.
 *
 * - Expanding keeps a line's inventory item when the studio still has it; otherwise the item's
 *   label becomes free text, so nothing planned is lost silently.
 * - Task assignees are never part of a template: booking routes every task by the rules.
 * - Check-offs and generated-step keys are the session's own and are not saved.
 */
import type { SetupItem, SetupPart } from '../api/setup';
import type { TemplateCheckStep, TemplateInputLine, TemplatePatchLine, TemplateTask } from '../api/template';

export interface TemplateContent {
  readonly tasks: readonly TemplateTask[];
  readonly inputs: readonly TemplateInputLine[];
  readonly patches: readonly TemplatePatchLine[];
  readonly checks: readonly TemplateCheckStep[];
}

/** A setup line to create, with every field a person can set. */
export interface SetupLineSpec {
  readonly part: SetupPart;
  readonly position: number;
  readonly channel: number | null;
  readonly source: string;
  readonly gearId: string | null;
  readonly gearText: string;
  readonly stand: string;
  readonly preamp: string;
  readonly phantom: boolean;
  readonly padDb: number | null;
  readonly highPassHz: number | null;
  readonly polarity: boolean;
  readonly insert: string;
  readonly points: readonly string[];
  readonly text: string;
  readonly notes: string;
}

const blank = {
  channel: null,
  source: '',
  gearId: null,
  gearText: '',
  stand: '',
  preamp: '',
  phantom: false,
  padDb: null,
  highPassHz: null,
  polarity: false,
  insert: '',
  points: [],
  text: '',
  notes: '',
} as const satisfies Omit<SetupLineSpec, 'part' | 'position'>;

/** The setup lines a template gives a new session; `gearIds` are the items the studio has now. */
export function expandTemplateSetup(template: TemplateContent, gearIds: ReadonlySet<string>): SetupLineSpec[] {
  const inputs = template.inputs.map((line, position): SetupLineSpec => {
    const kept = line.gearId !== null && gearIds.has(line.gearId);
    return {
      ...blank,
      part: 'INPUT',
      position,
      channel: line.channel,
      source: line.source,
      gearId: kept ? line.gearId : null,
      gearText: kept ? '' : line.gearText || line.gearLabel,
      stand: line.stand,
      preamp: line.preamp,
      phantom: line.phantom,
      padDb: line.padDb,
      highPassHz: line.highPassHz,
      polarity: line.polarity,
      insert: line.insert,
      notes: line.notes,
    };
  });
  const patches = template.patches.map((line, position): SetupLineSpec => ({ ...blank, part: 'PATCH', position, points: line.points, notes: line.notes }));
  const checks = template.checks.map((step, position): SetupLineSpec => ({ ...blank, part: 'CHECK', position, text: step.text, notes: step.notes }));
  return [...inputs, ...patches, ...checks];
}

/** A session's setup list and tasks as template content (order kept, check-offs dropped). */
export function templateFromSession(
  items: readonly Pick<SetupItem, 'part' | 'position' | 'channel' | 'source' | 'gear' | 'gearText' | 'stand' | 'preamp' | 'phantom' | 'padDb' | 'highPassHz' | 'polarity' | 'insert' | 'points' | 'text' | 'notes'>[],
  tasks: readonly { kind: string; title: string; notes: string; estimateMinutes: number | null }[],
): TemplateContent {
  const ordered = [...items].sort((a, b) => a.position - b.position);
  return {
    tasks: tasks.map((t) => ({ kind: t.kind, title: t.title, notes: t.notes, estimateMinutes: t.estimateMinutes })),
    inputs: ordered
      .filter((i) => i.part === 'INPUT')
      .map((i) => ({
        channel: i.channel,
        source: i.source,
        gearId: i.gear?.id ?? null,
        gearLabel: i.gear?.label ?? '',
        gearText: i.gearText,
        stand: i.stand,
        preamp: i.preamp,
        phantom: i.phantom,
        padDb: i.padDb,
        highPassHz: i.highPassHz,
        polarity: i.polarity,
        insert: i.insert,
        notes: i.notes,
      })),
    patches: ordered.filter((i) => i.part === 'PATCH' && i.points.length >= 2).map((i) => ({ points: [...i.points], notes: i.notes })),
    checks: ordered.filter((i) => i.part === 'CHECK' && i.text.trim() !== '').map((i) => ({ text: i.text, notes: i.notes })),
  };
}
