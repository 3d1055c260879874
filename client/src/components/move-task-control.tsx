import type { Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useEffect, useId, useRef, useState } from 'react';

/** The usual next step for a task in each column: one tap on the control-room tablet. */
export const NEXT_STEP: Readonly<Record<TaskStatus, { to: TaskStatus; label: string }>> = {
  TODO: { to: 'IN_PROGRESS', label: 'Start' },
  IN_PROGRESS: { to: 'DONE', label: 'Done' },
  BLOCKED: { to: 'IN_PROGRESS', label: 'Unblock' },
  DONE: { to: 'TODO', label: 'Reopen' },
};

/** The task's usual next step in one tap ("Start", "Done", "Unblock", "Reopen"). */
export function NextStepButton({ task, disabled, onMove }: { task: Task; disabled: boolean; onMove: (status: TaskStatus) => void }) {
  const next = NEXT_STEP[task.status];
  return (
    <button
      type="button"
      className="move-control__next"
      disabled={disabled}
      aria-label={`${next.label}: move “${task.title}” to ${TASK_STATUS_LABELS[next.to]}`}
      onClick={() => onMove(next.to)}
    >
      {next.label}
    </button>
  );
}

/**
 * Moving a task with buttons (keyboard, touch and screen readers alike): the next step, plus
 * "Move" to open every other column. Drag and drop will come on top of this, not instead of it.
 */
export function MoveTaskControl({ task, disabled, onMove }: { task: Task; disabled: boolean; onMove: (status: TaskStatus) => void }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const title = `“${task.title}”`;

  useEffect(() => {
    if (open) menuRef.current?.querySelector('button')?.focus();
  }, [open]);

  return (
    <div className="move-control">
      <NextStepButton task={task} disabled={disabled} onMove={onMove} />
      <button
        type="button"
        className="move-control__toggle"
        disabled={disabled}
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Move ${title} to another column`}
        onClick={() => setOpen((v) => !v)}
      >
        Move
        <svg className="move-control__chevron" viewBox="0 0 10 6" width="10" height="6" aria-hidden="true" focusable="false">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          className="move-control__menu"
          role="group"
          aria-label={`Move ${title} to`}
        >
          <span className="move-control__menu-label" aria-hidden="true">
            Move to
          </span>
          {TASK_STATUSES.filter((status) => status !== task.status).map((status) => (
            <button
              key={status}
              type="button"
              className={`move-control__target move-control__target--${status.toLowerCase().replaceAll('_', '-')}`}
              disabled={disabled}
              aria-label={`Move ${title} to ${TASK_STATUS_LABELS[status]}`}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setOpen(false);
              }}
              onClick={() => {
                setOpen(false);
                onMove(status);
              }}
            >
              {TASK_STATUS_LABELS[status]}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
