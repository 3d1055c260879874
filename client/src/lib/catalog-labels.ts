import type { Project, Room } from '@patchbay/shared';
import type { TaskCategory } from '@patchbay/shared/domain/task-kinds';

// Records over the shared unions: the typecheck fails if a kind is added there and not here.
export const ROOM_KIND_LABELS: Readonly<Record<Room['kind'], string>> = {
  CONTROL_ROOM: 'Control room',
  LIVE_ROOM: 'Live room',
  BOOTH: 'Booth',
  PRODUCTION_SUITE: 'Production suite',
  OTHER: 'Other',
};
export const ROOM_KINDS = Object.keys(ROOM_KIND_LABELS) as Room['kind'][];

export const PROJECT_KIND_LABELS: Readonly<Record<Project['kind'], string>> = {
  ALBUM: 'Album',
  EP: 'EP',
  SINGLE: 'Single',
  OTHER: 'Other',
};
export const PROJECT_KINDS = Object.keys(PROJECT_KIND_LABELS) as Project['kind'][];

export const TASK_CATEGORY_LABELS: Readonly<Record<TaskCategory, string>> = {
  technical: 'Technical',
  creative: 'Creative',
};
