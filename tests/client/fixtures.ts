import { PROTOCOL_VERSION } from '@patchbay/shared/realtime/events';
import type { BoardEvent, BoardSnapshot, ColumnOrder, PersonRef, Session, SetupItem, Studio, Task, TaskComment, TaskKindList } from '@patchbay/shared';

export const SESSION_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_SESSION_ID = '22222222-2222-4222-8222-222222222222';
export const ROOM_A = '33333333-3333-4333-8333-333333333331';
export const ROOM_B = '33333333-3333-4333-8333-333333333332';
export const MAYA = { id: '44444444-4444-4444-8444-444444444441', name: 'Maya Okafor' };
export const SAM = { id: '44444444-4444-4444-8444-444444444442', name: 'Sam Reyes' };
export const THEO = { id: '44444444-4444-4444-8444-444444444443', name: 'Theo Grant' };

export const PROJECT_ID = '66666666-6666-4666-8666-666666666666';

export const taskId = (n: number) => `55555555-5555-4555-8555-${String(n).padStart(12, '0')}`;

export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    id: SESSION_ID,
    title: 'Drum tracking',
    status: 'IN_PROGRESS',
    startsAt: '2026-11-24T10:00:00.000Z',
    endsAt: '2026-11-24T20:00:00.000Z',
    callAt: '2026-11-24T10:00:00.000Z',
    clearAt: '2026-11-24T20:00:00.000Z',
    prepMinutes: 0,
    teardownMinutes: 0,
    hold: 'CONFIRMED',
    holdUntil: null,
    challengedAt: null,
    guestNote: '',
    room: { id: ROOM_A, name: 'Live Room A' },
    project: { id: PROJECT_ID, artist: 'The Hollow Pines', title: 'Northern Lights' },
    producer: MAYA,
    engineer: SAM,
    taskCounts: { TODO: 0, IN_PROGRESS: 0, BLOCKED: 0, DONE: 0 },
    setup: null,
    seq: 10,
    ...overrides,
  };
}

export function makeTask(n: number, overrides: Partial<Task> = {}): Task {
  return {
    id: taskId(n),
    sessionId: SESSION_ID,
    kind: 'mic_setup',
    title: `Task ${n}`,
    notes: '',
    role: 'ENGINEER',
    assignee: SAM,
    status: 'TODO',
    blockedReason: '',
    estimateMinutes: 60,
    dueAt: null,
    startsAt: null,
    position: n,
    routingReason: 'Sam Reyes is the session engineer and knows Live Room A.',
    routingRule: 'session_staff',
    assignedManually: false,
    version: 1,
    createdAt: '2026-11-24T08:00:00.000Z',
    updatedAt: '2026-11-24T08:00:00.000Z',
    ...overrides,
  };
}

export function makeSnapshot(tasks: Task[], seq = 10, session: Session = makeSession({ seq }), setup: SetupItem[] | null = null): BoardSnapshot {
  return { session, tasks, setup, comments: [], seq };
}

const envelope = (seq: number, actor: PersonRef | null = SAM) => ({ v: PROTOCOL_VERSION as typeof PROTOCOL_VERSION, sessionId: SESSION_ID, seq, at: '2026-11-24T10:30:00.000Z', actor });

/** Board events by Sam Reyes (or the given actor; null: Patchbay itself). */
export const ev = {
  created: (seq: number, task: Task, actor?: PersonRef | null): BoardEvent => ({ ...envelope(seq, actor), type: 'task.created', task }),
  updated: (seq: number, task: Task, changed: string[] = ['status'], actor?: PersonRef | null): BoardEvent => ({ ...envelope(seq, actor), type: 'task.updated', task, changed }),
  moved: (seq: number, task: Task, columns: ColumnOrder, actor?: PersonRef | null): BoardEvent => ({ ...envelope(seq, actor), type: 'task.moved', task, columns }),
  deleted: (seq: number, id: string, actor?: PersonRef | null): BoardEvent => ({ ...envelope(seq, actor), type: 'task.deleted', taskId: id }),
  session: (seq: number, session: Session): BoardEvent => ({ ...envelope(seq), type: 'session.updated', session }),
  setupCreated: (seq: number, item: SetupItem, actor?: PersonRef | null): BoardEvent => ({ ...envelope(seq, actor), type: 'setup.created', item }),
  setupUpdated: (seq: number, item: SetupItem, changed: string[] = ['checked'], actor?: PersonRef | null): BoardEvent => ({ ...envelope(seq, actor), type: 'setup.updated', item, changed }),
  setupMoved: (seq: number, item: SetupItem, order: { id: string; version: number }[], actor?: PersonRef | null): BoardEvent => ({ ...envelope(seq, actor), type: 'setup.moved', item, order }),
  setupDeleted: (seq: number, itemId: string, part: SetupItem['part'] = 'INPUT'): BoardEvent => ({ ...envelope(seq), type: 'setup.deleted', itemId, part }),
  commentAdded: (seq: number, comment: TaskComment, actor?: PersonRef | null): BoardEvent => ({ ...envelope(seq, actor), type: 'comment.added', comment }),
  commentDeleted: (seq: number, comment: Pick<TaskComment, 'id' | 'taskId'>, actor?: PersonRef | null): BoardEvent => ({ ...envelope(seq, actor), type: 'comment.deleted', commentId: comment.id, taskId: comment.taskId }),
  redacted: (seq: number): BoardEvent => ({ ...envelope(seq, null), type: 'redacted' }),
};

export const lineId = (n: number) => `88888888-8888-4888-8888-${String(n).padStart(12, '0')}`;
export const U87 = { id: '99999999-0000-4000-8000-000000000087', label: 'U87 #1' };
export const COLES = { id: '99999999-0000-4000-8000-000000004038', label: 'Coles 4038 #1' };

/** A setup line: an input by default ("ch n Source n"), unchecked, version 1. */
export function makeLine(n: number, overrides: Partial<SetupItem> = {}): SetupItem {
  const part = overrides.part ?? 'INPUT';
  return {
    id: lineId(n),
    sessionId: SESSION_ID,
    part,
    position: n,
    channel: part === 'INPUT' ? n : null,
    source: part === 'INPUT' ? `Source ${n}` : '',
    gear: null,
    gearText: '',
    stand: '',
    preamp: '',
    phantom: false,
    padDb: null,
    highPassHz: null,
    polarity: false,
    insert: '',
    points: part === 'PATCH' ? ['Wall box 1', 'Neve 1073 #1'] : [],
    text: part === 'CHECK' ? `Step ${n}` : '',
    generatedKey: null,
    notes: '',
    checked: null,
    version: 1,
    createdAt: '2026-11-24T08:00:00.000Z',
    updatedAt: '2026-11-24T08:00:00.000Z',
    ...overrides,
  };
}

export const checkedBy = (who: PersonRef = THEO, at = '2026-11-24T09:30:00.000Z') => ({ at, by: who });

/** A column's order as a move's event lists it. */
export const order = (...tasks: Task[]) => tasks.map((t) => ({ id: t.id, version: t.version }));

export const studio: Studio = {
  id: '77777777-7777-4777-8777-777777777777',
  name: 'Blackbird Lane Studios',
  timezone: 'Europe/London',
  rooms: [
    { id: ROOM_A, name: 'Live Room A', kind: 'LIVE_ROOM', notes: '', prepMinutes: 30, teardownMinutes: 15 },
    { id: ROOM_B, name: 'Control Room B', kind: 'CONTROL_ROOM', notes: '', prepMinutes: 30, teardownMinutes: 15 },
  ],
  members: [
    { id: MAYA.id, name: MAYA.name, email: 'maya@example.com', roles: ['PRODUCER'], skills: [], weeklyCapacityHours: 40, knownRoomIds: [], accessRole: 'PRODUCER', hasAccount: true, guestProjectIds: [] },
    { id: SAM.id, name: SAM.name, email: 'sam@example.com', roles: ['ENGINEER'], skills: [], weeklyCapacityHours: 40, knownRoomIds: [ROOM_A], accessRole: 'ENGINEER', hasAccount: true, guestProjectIds: [] },
    { id: THEO.id, name: THEO.name, email: 'theo@example.com', roles: ['ASSISTANT_ENGINEER'], skills: [], weeklyCapacityHours: 30, knownRoomIds: [ROOM_A], accessRole: 'ASSISTANT_ENGINEER', hasAccount: false, guestProjectIds: [] },
  ],
  projects: [{ id: PROJECT_ID, artist: 'The Hollow Pines', title: 'Northern Lights', kind: 'ALBUM', leadProducerId: MAYA.id }],
};

export const taskKinds: TaskKindList = {
  kinds: [
    { key: 'mic_setup', label: 'Mic setup', category: 'technical', defaultRole: 'ENGINEER', roomBound: true, defaultEstimateMinutes: 60, assistantCapable: true, builtIn: true },
    { key: 'mixing', label: 'Mixing', category: 'technical', defaultRole: 'ENGINEER', roomBound: false, defaultEstimateMinutes: 480, assistantCapable: false, builtIn: true },
    { key: 'arrangement', label: 'Arrangement', category: 'creative', defaultRole: 'PRODUCER', roomBound: false, defaultEstimateMinutes: 120, assistantCapable: false, builtIn: true },
  ],
};
