import { describe, expect, it } from 'vitest';
import { checklistFromInputs, missingSteps, type ChecklistInputLine, type GearFacts } from '../../../shared/src/domain/index';

const facts = (id: string, label: string, extra: Partial<GearFacts> = {}): GearFacts => ({
  id, label, category: 'MICROPHONE', quantity: 1, status: 'OK', ribbon: false, tube: false, needsPhantom: false, ...extra,
});
const GEAR = new Map([
  ['coles', facts('coles', 'Coles 4038 #1', { ribbon: true })],
  ['u47', facts('u47', 'Neumann U47', { tube: true })],
  ['sm57', facts('sm57', 'Shure SM57', { quantity: 6 })],
  ['j48', facts('j48', 'Radial J48', { category: 'DI', needsPhantom: true })],
]);
const line = (id: string, channel: number | null, source: string, extra: Partial<ChecklistInputLine> = {}): ChecklistInputLine => ({
  id, channel, source, gearId: null, gearText: '', stand: '', preamp: '', ...extra,
});

describe('checklist generated from the input list', () => {
  const lines = [
    line('c', 8, 'Overhead L', { gearId: 'coles', stand: 'Boom stand' }),
    line('a', 1, 'Lead Vox', { gearId: 'u47', stand: 'Boom stand with pop filter' }),
    line('b', 3, 'Snare Top', { gearId: 'sm57', stand: 'Short boom stand' }),
    line('d', 12, 'Bass DI', { gearId: 'j48' }),
    line('e', 18, 'Guide Vox', { gearText: 'Band’s own SM58' }),
    line('f', null, 'Talkback'),
  ];

  it('places each mic on its stand in channel order, with phantom off on ribbons and the PSU for tube mics, then a line-check', () => {
    expect(checklistFromInputs(lines, GEAR)).toEqual([
      { key: 'place:a', text: 'Place Neumann U47 — ch 1 Lead Vox (Boom stand with pop filter)' },
      { key: 'psu:a', text: 'Connect the PSU for Neumann U47 (ch 1), power it and let it warm up' },
      { key: 'place:b', text: 'Place Shure SM57 — ch 3 Snare Top (Short boom stand)' },
      { key: 'place:c', text: 'Place Coles 4038 #1 — ch 8 Overhead L (Boom stand)' },
      { key: 'phantom-off:c', text: 'Phantom OFF on ch 8 before patching Coles 4038 #1 (ribbon)' },
      { key: 'place:d', text: 'Connect Radial J48 — ch 12 Bass DI' },
      { key: 'place:e', text: 'Place Band’s own SM58 — ch 18 Guide Vox' },
      { key: 'line-check', text: 'Line-check every channel and tick each one on the input list' },
    ]);
  });

  it('a list imported again (new line ids, same lines) adds only steps that read differently from the checklist’s', () => {
    const first = checklistFromInputs(lines, GEAR);
    // The steps as they are on the checklist: one edited by hand, the rest kept from a template (no key).
    const onList = first.map((s, i) => ({ generatedKey: i === 0 ? s.key : null, text: i === 0 ? 'Place the U47 with the pop filter' : `  ${s.text.toUpperCase()} ` }));
    const reimported = checklistFromInputs(lines.map((l) => ({ ...l, id: `new-${l.id}` })), GEAR);
    expect(missingSteps(reimported, onList)).toEqual([{ key: 'place:new-a', text: 'Place Neumann U47 — ch 1 Lead Vox (Boom stand with pop filter)' }]);
  });

  it('an empty input list calls for nothing', () => {
    expect(checklistFromInputs([], GEAR)).toEqual([]);
  });

  it('generating again adds only what is missing: nothing, then the steps of a new line', () => {
    const first = checklistFromInputs(lines, GEAR);
    const existing = first.map((s) => ({ generatedKey: s.key, text: s.text }));
    expect(missingSteps(first, existing)).toEqual([]);
    const more = checklistFromInputs([...lines, line('g', 9, 'Overhead R', { gearId: 'coles' })], GEAR);
    expect(missingSteps(more, [...existing, { generatedKey: null, text: 'Power up the console' }])).toEqual([
      { key: 'place:g', text: 'Place Coles 4038 #1 — ch 9 Overhead R' },
      { key: 'phantom-off:g', text: 'Phantom OFF on ch 9 before patching Coles 4038 #1 (ribbon)' },
    ]);
  });
});
