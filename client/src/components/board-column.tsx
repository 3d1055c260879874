import type { Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { TaskCard, type TaskCardAbilities, type TaskCardProps } from './task-card';
import './board-column.css';

type CardHandlers = Pick<TaskCardProps, 'onMove' | 'onDelete' | 'onFocused' | 'onAssign' | 'onReroute' | 'timeZone'>;

export interface BoardColumnProps extends CardHandlers {
  status: TaskStatus;
  tasks: readonly Task[];
  kindLabel: (key: string) => string;
  busy: ReadonlySet<string>;
  flashed: ReadonlySet<string>;
  focusTaskId: string | null;
  abilitiesFor: (task: Task) => TaskCardAbilities;
}

/** One status column. The `data-status` hook is where drag-and-drop will attach later. */
export function BoardColumn({ status, tasks, kindLabel, busy, flashed, focusTaskId, abilitiesFor, timeZone, onMove, onDelete, onFocused, onAssign, onReroute }: BoardColumnProps) {
  const headingId = `column-${status}`;
  const slug = status.toLowerCase().replaceAll('_', '-');
  return (
    <section className={`board-column board-column--${slug}`} aria-labelledby={headingId} data-status={status}>
      <h2 className="board-column__heading" id={headingId} tabIndex={-1}>
        <span className="board-column__dot" aria-hidden="true" />
        <span>{TASK_STATUS_LABELS[status]}</span>
        <span className="board-column__count">
          <span className="visually-hidden">, </span>
          {tasks.length}
          <span className="visually-hidden"> {tasks.length === 1 ? 'task' : 'tasks'}</span>
        </span>
      </h2>
      {tasks.length === 0 ? (
        <p className="board-column__empty">No tasks</p>
      ) : (
        <ul className="board-column__list">
          {tasks.map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              kindLabel={kindLabel(task.kind)}
              busy={busy.has(task.id)}
              flashed={flashed.has(task.id)}
              focusOnMount={focusTaskId === task.id}
              abilities={abilitiesFor(task)}
              timeZone={timeZone}
              onFocused={onFocused}
              onMove={onMove}
              onDelete={onDelete}
              onAssign={onAssign}
              onReroute={onReroute}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
