import { describe, expect, it } from 'vitest';
import { SessionTemplateInputSchema, expandTemplateSetup, templateFromSession, type SetupItem } from '@patchbay/shared';

const template = SessionTemplateInputSchema.parse({
  name: 'Vocal overdub',
  tasks: [{ kind: 'tracking', title: 'Lead vocal takes', estimateMinutes: 150 }],
  inputs: [
    { channel: 1, source: 'Lead Vox', gearId: '00000000-0000-4000-8000-000000000047', gearLabel: 'Neumann U47', stand: 'Boom stand', highPassHz: 80 },
    { channel: 2, source: 'Spare', gearId: '00000000-0000-4000-8000-000000000099', gearLabel: 'U87 #9 (sold)' },
    { channel: 3, source: 'Talkback', gearText: 'Console talkback mic' },
  ],
  patches: [{ points: ['Booth wall box 1', 'API ch 1', 'Interface in 1'] }],
  checks: [{ text: 'Warm up the U47' }],
});

describe('session templates', () => {
  it('expands into setup lines in order, keeping gear the studio still has and the label of gear it no longer has', () => {
    const lines = expandTemplateSetup(template, new Set(['00000000-0000-4000-8000-000000000047']));
    expect(lines.map((l) => [l.part, l.position, l.channel, l.source || l.text || l.points.join(' → '), l.gearId, l.gearText])).toEqual([
      ['INPUT', 0, 1, 'Lead Vox', '00000000-0000-4000-8000-000000000047', ''],
      ['INPUT', 1, 2, 'Spare', null, 'U87 #9 (sold)'],
      ['INPUT', 2, 3, 'Talkback', null, 'Console talkback mic'],
      ['PATCH', 0, null, 'Booth wall box 1 → API ch 1 → Interface in 1', null, ''],
      ['CHECK', 0, null, 'Warm up the U47', null, ''],
    ]);
    expect(lines[0]).toMatchObject({ stand: 'Boom stand', highPassHz: 80, phantom: false, padDb: null });
  });

  it('a session saved as a template expands back into the same lines, without its check-offs', () => {
    const lines = expandTemplateSetup(template, new Set(['00000000-0000-4000-8000-000000000047']));
    const items = lines.map((l, i) => ({
      ...l,
      id: `i${i}`,
      gear: l.gearId ? { id: l.gearId, label: 'Neumann U47' } : null,
      points: [...l.points],
      checked: i % 2 ? { at: '2026-12-01T10:00:00.000Z', by: null } : null,
    })) as unknown as SetupItem[];
    const saved = templateFromSession(items, [{ kind: 'tracking', title: 'Lead vocal takes', notes: '', estimateMinutes: 150 }]);
    const again = expandTemplateSetup(SessionTemplateInputSchema.parse({ name: 'Copy', ...saved }), new Set(['00000000-0000-4000-8000-000000000047']));
    expect(again).toEqual(lines);
    expect(saved.tasks).toEqual([{ kind: 'tracking', title: 'Lead vocal takes', notes: '', estimateMinutes: 150 }]);
  });

  it('refuses a template whose input list repeats a channel, naming the line', () => {
    const result = SessionTemplateInputSchema.safeParse({ name: 'X', inputs: [{ channel: 1, source: 'A' }, { channel: 1, source: 'B' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['inputs.1.channel', 'channel 1 is also used by line 1']]);
  });
});
