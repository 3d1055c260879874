import type { Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';

/**
 * Buttons to move a task to each other column: works with keyboard, touch and screen readers.
 * (Drag and drop will come on top of this, not instead of it.)
 */
export function MoveTaskControl({ task, disabled, onMove }: { task: Task; disabled: boolean; onMove: (status: TaskStatus) => void }) {
  return (
    <div className="move-control" role="group" aria-label={`Move “${task.title}” to`}>
      <span className="move-control__label" aria-hidden="true">
        Move to
      </span>
      {TASK_STATUSES.filter((status) => status !== task.status).map((status) => (
        <button
          key={status}
          type="button"
          className={`move-control__button move-control__button--${status.toLowerCase().replaceAll('_', '-')}`}
          disabled={disabled}
          aria-label={`Move “${task.title}” to ${TASK_STATUS_LABELS[status]}`}
          onClick={() => onMove(status)}
        >
          {TASK_STATUS_LABELS[status]}
        </button>
      ))}
    </div>
  );
}
