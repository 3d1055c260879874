/**
 * Task kinds: the built-in ones from the trade (see studio-reference.md, "Who does what")
 * and a studio's own kinds.
 *
 * Decisions:
 * - Every technical kind defaults to ENGINEER, every creative/managerial kind to PRODUCER.
 * - Room prep and mic setup are also assistant-engineer work ("sets up and strikes mics and
 *   cables"), so they are `assistantCapable`: routing treats assistant engineers as a role
 *   match for them, next to engineers. The task is still filed under ENGINEER, the role
 *   accountable for it. Equipment setup (console, outboard, DAW session) stays engineer-only.
 * - `roomBound` marks work done in the session's room with its gear; routing prefers
 *   members who know that room. Editing, noise cleanup, mixing (in the box) and exports can be
 *   done anywhere, and no creative kind depends on the room.
 * - A studio's own kind with the same key as a built-in one replaces it (studios may edit
 *   everything).
 */
import type { MemberRole } from './roles';

export const TASK_CATEGORIES = ['technical', 'creative'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

export interface TaskKind {
  readonly key: string;
  readonly label: string;
  /** 'technical' is engineer work; 'creative' covers creative and managerial producer work. */
  readonly category: TaskCategory;
  readonly defaultRole: MemberRole;
  /** Done in the session's room with its gear: members who know the room are preferred. */
  readonly roomBound: boolean;
  readonly defaultEstimateMinutes: number;
  /** Assistant engineers count as a role match too (only meaningful for ENGINEER kinds). */
  readonly assistantCapable: boolean;
  readonly builtIn: boolean;
}

/** A studio's own task kind. Only key, label and default role are required. */
export interface CustomTaskKind {
  readonly key: string;
  readonly label: string;
  readonly defaultRole: MemberRole;
  /** Defaults to 'creative' for PRODUCER kinds, 'technical' otherwise. */
  readonly category?: TaskCategory;
  /** Defaults to false. */
  readonly roomBound?: boolean;
  /** Defaults to 60. */
  readonly defaultEstimateMinutes?: number;
  /** Defaults to false. */
  readonly assistantCapable?: boolean;
}

export const DEFAULT_CUSTOM_ESTIMATE_MINUTES = 60;

function technical(
  key: string,
  label: string,
  roomBound: boolean,
  defaultEstimateMinutes: number,
  assistantCapable = false,
): TaskKind {
  return { key, label, category: 'technical', defaultRole: 'ENGINEER', roomBound, defaultEstimateMinutes, assistantCapable, builtIn: true };
}

function creative(key: string, label: string, defaultEstimateMinutes: number): TaskKind {
  return { key, label, category: 'creative', defaultRole: 'PRODUCER', roomBound: false, defaultEstimateMinutes, assistantCapable: false, builtIn: true };
}

export const BUILT_IN_TASK_KINDS: readonly TaskKind[] = Object.freeze([
  // Technical: the engineer's side of a session.
  technical('room_prep', 'Room prep', true, 60, true),
  technical('equipment_setup', 'Equipment setup', true, 90),
  technical('mic_setup', 'Mic setup', true, 60, true),
  technical('soundboard_operation', 'Soundboard operation', true, 240),
  technical('tracking', 'Tracking (recording)', true, 240),
  technical('editing', 'Editing', false, 120),
  technical('noise_cleanup', 'Noise cleanup', false, 60),
  technical('mixing', 'Mixing', false, 480),
  technical('bounce_export', 'Bounce & export', false, 30),
  // Creative and managerial: the producer's side.
  creative('creative_direction', 'Creative direction', 60),
  creative('arrangement', 'Arrangement', 120),
  creative('artist_coaching', 'Artist coaching', 60),
  creative('production_planning', 'Production planning', 60),
  creative('team_coordination', 'Team coordination', 30),
  creative('mix_review', 'Mix review & approval', 60),
]);

export const BUILT_IN_TASK_KIND_KEYS = [
  'room_prep',
  'equipment_setup',
  'mic_setup',
  'soundboard_operation',
  'tracking',
  'editing',
  'noise_cleanup',
  'mixing',
  'bounce_export',
  'creative_direction',
  'arrangement',
  'artist_coaching',
  'production_planning',
  'team_coordination',
  'mix_review',
] as const;
export type BuiltInTaskKindKey = (typeof BUILT_IN_TASK_KIND_KEYS)[number];

const builtInByKey: ReadonlyMap<string, TaskKind> = new Map(BUILT_IN_TASK_KINDS.map((kind) => [kind.key, kind]));

export function isBuiltInTaskKind(key: string): key is BuiltInTaskKindKey {
  return builtInByKey.has(key);
}

/** Fills a studio's own kind with defaults. */
export function toTaskKind(custom: CustomTaskKind): TaskKind {
  return {
    key: custom.key,
    label: custom.label,
    category: custom.category ?? (custom.defaultRole === 'PRODUCER' ? 'creative' : 'technical'),
    defaultRole: custom.defaultRole,
    roomBound: custom.roomBound ?? false,
    defaultEstimateMinutes: custom.defaultEstimateMinutes ?? DEFAULT_CUSTOM_ESTIMATE_MINUTES,
    assistantCapable: custom.assistantCapable ?? false,
    builtIn: false,
  };
}

/**
 * The kind for a key: a studio's own kind first (it may replace a built-in one), then the
 * built-in kinds. Unknown key → undefined.
 */
export function resolveTaskKind(key: string, customKinds: readonly CustomTaskKind[] = []): TaskKind | undefined {
  const custom = customKinds.find((kind) => kind.key === key);
  if (custom) return toTaskKind(custom);
  return builtInByKey.get(key);
}

/** All kinds a studio can pick from: built-in ones (possibly replaced), then its own, in order. */
export function listTaskKinds(customKinds: readonly CustomTaskKind[] = []): TaskKind[] {
  const customByKey = new Map(customKinds.map((kind) => [kind.key, kind]));
  const result = BUILT_IN_TASK_KINDS.map((kind) => {
    const custom = customByKey.get(kind.key);
    return custom ? toTaskKind(custom) : kind;
  });
  const seen = new Set(result.map((kind) => kind.key));
  for (const custom of customKinds) {
    if (seen.has(custom.key)) continue;
    seen.add(custom.key);
    result.push(toTaskKind(custom));
  }
  return result;
}

/**
 * The roles that are a role match for a kind (rule 1):
 * PRODUCER kinds → producers; ENGINEER kinds → engineers (plus assistant engineers when
 * assistant-capable); ASSISTANT_ENGINEER kinds → assistant engineers and engineers.
 */
export function rolesForKind(kind: TaskKind): readonly MemberRole[] {
  switch (kind.defaultRole) {
    case 'PRODUCER':
      return ['PRODUCER'];
    case 'ENGINEER':
      return kind.assistantCapable ? ['ENGINEER', 'ASSISTANT_ENGINEER'] : ['ENGINEER'];
    case 'ASSISTANT_ENGINEER':
      return ['ASSISTANT_ENGINEER', 'ENGINEER'];
  }
}

/** The capability skill that lets a member without the role take this kind (rule 2). */
export function fallbackSkillForKind(kind: TaskKind): 'engineering' | 'production' {
  return kind.defaultRole === 'PRODUCER' ? 'production' : 'engineering';
}
