import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TASK_KIND_KEYS,
  BUILT_IN_TASK_KINDS,
  isBuiltInTaskKind,
  listTaskKinds,
  resolveTaskKind,
  rolesForKind,
} from '../../../shared/src/domain/index';

describe('task kinds', () => {
  it('built-in keys list matches the kinds', () => {
    expect(BUILT_IN_TASK_KINDS.map((k) => k.key)).toEqual([...BUILT_IN_TASK_KIND_KEYS]);
  });

  it('technical kinds default to ENGINEER and creative kinds to PRODUCER', () => {
    for (const kind of BUILT_IN_TASK_KINDS) {
      expect(kind.defaultRole).toBe(kind.category === 'technical' ? 'ENGINEER' : 'PRODUCER');
      expect(kind.defaultEstimateMinutes).toBeGreaterThan(0);
    }
  });

  it('only room prep and mic setup are assistant-capable', () => {
    expect(BUILT_IN_TASK_KINDS.filter((k) => k.assistantCapable).map((k) => k.key)).toEqual(['room_prep', 'mic_setup']);
    expect(rolesForKind(resolveTaskKind('mic_setup')!)).toEqual(['ENGINEER', 'ASSISTANT_ENGINEER']);
    expect(rolesForKind(resolveTaskKind('mixing')!)).toEqual(['ENGINEER']);
  });

  it('resolves built-in, custom and unknown keys', () => {
    expect(resolveTaskKind('mixing')?.label).toBe('Mixing');
    expect(resolveTaskKind('nope')).toBeUndefined();
    expect(resolveTaskKind('nope', [{ key: 'other', label: 'Other', defaultRole: 'PRODUCER' }])).toBeUndefined();
    expect(resolveTaskKind('reamp', [{ key: 'reamp', label: 'Re-amping', defaultRole: 'ENGINEER' }])).toEqual({
      key: 'reamp',
      label: 'Re-amping',
      category: 'technical',
      defaultRole: 'ENGINEER',
      roomBound: false,
      defaultEstimateMinutes: 60,
      assistantCapable: false,
      builtIn: false,
    });
    expect(resolveTaskKind('liner_notes', [{ key: 'liner_notes', label: 'Liner notes', defaultRole: 'PRODUCER' }])?.category).toBe('creative');
  });

  it("a studio's kind replaces a built-in one with the same key", () => {
    const custom = [{ key: 'mixing', label: 'Mixdown', defaultRole: 'PRODUCER' as const, defaultEstimateMinutes: 300 }];
    expect(resolveTaskKind('mixing', custom)).toMatchObject({ label: 'Mixdown', defaultRole: 'PRODUCER', builtIn: false });
    const all = listTaskKinds([...custom, { key: 'reamp', label: 'Re-amping', defaultRole: 'ENGINEER' }]);
    expect(all).toHaveLength(BUILT_IN_TASK_KINDS.length + 1);
    expect(all.find((k) => k.key === 'mixing')?.label).toBe('Mixdown');
    expect(all.at(-1)?.key).toBe('reamp');
    expect(isBuiltInTaskKind('mixing')).toBe(true);
    expect(isBuiltInTaskKind('reamp')).toBe(false);
  });
});
