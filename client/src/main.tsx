import { PROTOCOL_VERSION } from '@patchbay/shared/realtime/events';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
console.log(PROTOCOL_VERSION, TASK_STATUS_LABELS);
