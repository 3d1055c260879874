/**
 * Prep checklist steps generated from an input list. Each step carries a key naming what it was
 * made for ("place:<line id>"), so generating again only adds the steps that are missing (for
 * new lines); steps people edited keep their key and are not added twice.
 *
 * For every line, in channel order:
 * - place its mic or DI on its stand (or where it goes);
 * - ribbon mics: phantom power off on the channel, before anything is patched;
 * - tube mics: connect the power supply and let the mic warm up;
 * then one step to line-check every channel of the list.
 */
import type { GearFacts } from './gear';

export interface ChecklistInputLine {
  readonly id: string;
  readonly channel: number | null;
  readonly source: string;
  readonly gearId: string | null;
  readonly gearText: string;
  readonly stand: string;
  readonly preamp: string;
}

export interface GeneratedStep {
  readonly key: string;
  readonly text: string;
}

function channelOrder(a: ChecklistInputLine, b: ChecklistInputLine): number {
  return (a.channel ?? Number.MAX_SAFE_INTEGER) - (b.channel ?? Number.MAX_SAFE_INTEGER);
}

const ch = (line: ChecklistInputLine) => (line.channel !== null ? `ch ${line.channel}` : 'its channel');
const named = (line: ChecklistInputLine) => [line.channel !== null ? `ch ${line.channel}` : null, line.source.trim() || null].filter(Boolean).join(' ');

/** Every step the input list calls for, in order (whether or not the checklist has it already). */
export function checklistFromInputs(lines: readonly ChecklistInputLine[], gear: ReadonlyMap<string, GearFacts>): GeneratedStep[] {
  const steps: GeneratedStep[] = [];
  const ordered = [...lines].sort(channelOrder);
  for (const line of ordered) {
    const item = line.gearId !== null ? gear.get(line.gearId) : undefined;
    const what = item?.label ?? line.gearText.trim();
    if (what) {
      const where = line.stand.trim() ? ` (${line.stand.trim()})` : '';
      const verb = item?.category === 'DI' ? 'Connect' : 'Place';
      steps.push({ key: `place:${line.id}`, text: `${verb} ${what} — ${named(line)}${where}` });
    }
    if (item?.ribbon) steps.push({ key: `phantom-off:${line.id}`, text: `Phantom OFF on ${ch(line)} before patching ${item.label} (ribbon)` });
    if (item?.tube) steps.push({ key: `psu:${line.id}`, text: `Connect the PSU for ${item.label} (${ch(line)}), power it and let it warm up` });
  }
  if (ordered.length > 0) steps.push({ key: 'line-check', text: 'Line-check every channel and tick each one on the input list' });
  return steps;
}

const sameText = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The generated steps the checklist does not hold yet: neither a step generated for the same
 * line (its key) nor a step that reads the same (a list imported again, or booked from a
 * template saved from a session, has new line ids but the same steps). Repeated steps in
 * `generated` itself (two identical lines) are kept.
 */
export function missingSteps(generated: readonly GeneratedStep[], existing: Iterable<{ readonly generatedKey: string | null; readonly text: string }>): GeneratedStep[] {
  const keys = new Set<string>();
  const texts = new Set<string>();
  for (const step of existing) {
    if (step.generatedKey) keys.add(step.generatedKey);
    texts.add(sameText(step.text));
  }
  return generated.filter((step) => !keys.has(step.key) && !texts.has(sameText(step.text)));
}
