import type { Task, TaskStatus } from '@patchbay/shared';
import { useEffect, useId, useRef } from 'react';
import { formatMinutes } from '../lib/time';
import { initials } from '../lib/labels';
import { DeleteTaskControl } from './delete-task-control';
import { MoveTaskControl } from './move-task-control';
import { RoleBadge } from './role-badge';
import { RoutingReason } from './routing-reason';
import './task-card.css';

export interface TaskCardProps {
  task: Task;
  kindLabel: string;
  /** A write for this task is in flight. */
  busy: boolean;
  /** Someone else changed it a moment ago. */
  flashed: boolean;
  /** Take keyboard focus when mounted (after a move, the card lands in another column). */
  focusOnMount: boolean;
  onFocused: () => void;
  onMove: (task: Task, status: TaskStatus) => void;
  onDelete: (task: Task) => void;
}

export function TaskCard({ task, kindLabel, busy, flashed, focusOnMount, onFocused, onMove, onDelete }: TaskCardProps) {
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!focusOnMount) return;
    ref.current?.focus();
    onFocused();
  }, [focusOnMount, onFocused]);

  const classes = ['task-card', `task-card--${task.status.toLowerCase().replaceAll('_', '-')}`, flashed ? 'task-card--flash' : '', busy ? 'task-card--busy' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <li className="task-card__item">
      <article ref={ref} className={classes} aria-labelledby={titleId} aria-busy={busy} tabIndex={-1} data-task-id={task.id}>
        <div className="task-card__top">
          <span className="task-card__kind">{kindLabel}</span>
          <RoleBadge role={task.role} />
        </div>
        <h3 className="task-card__title" id={titleId}>
          {task.title}
        </h3>
        <div className="task-card__meta">
          {task.assignee ? (
            <span className="task-card__assignee">
              <span className="task-card__avatar" aria-hidden="true">
                {initials(task.assignee.name)}
              </span>
              <span className="visually-hidden">Assigned to </span>
              {task.assignee.name}
            </span>
          ) : (
            <span className="task-card__assignee task-card__assignee--none">
              <span className="task-card__avatar task-card__avatar--none" aria-hidden="true">
                ?
              </span>
              Unassigned
            </span>
          )}
          {task.estimateMinutes !== null ? (
            <span className="task-card__estimate">
              <span className="visually-hidden">Estimate: </span>
              {formatMinutes(task.estimateMinutes)}
            </span>
          ) : null}
        </div>
        {task.notes ? <p className="task-card__notes">{task.notes}</p> : null}
        {task.routingReason ? <RoutingReason reason={task.routingReason} /> : null}
        <div className="task-card__actions">
          <MoveTaskControl task={task} disabled={busy} onMove={(status) => onMove(task, status)} />
          <DeleteTaskControl task={task} disabled={busy} onDelete={() => onDelete(task)} />
        </div>
      </article>
    </li>
  );
}
