import type { Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useEffect, useId, useRef, useState } from 'react';
import { formatMinutes } from '../lib/time';
import { initials } from '../lib/labels';
import { AssignmentHistory } from './assignment-history';
import { DeleteTaskControl } from './delete-task-control';
import { MoveTaskControl } from './move-task-control';
import { RoleBadge } from './role-badge';
import { RoutingReason } from './routing-reason';
import './task-card.css';

/** What the signed-in member may do with this card (the server still enforces it). */
export interface TaskCardAbilities {
  move: boolean;
  delete: boolean;
  assign: boolean;
}

export interface TaskCardProps {
  task: Task;
  kindLabel: string;
  /** A write for this task is in flight. */
  busy: boolean;
  /** Someone else changed it a moment ago. */
  flashed: boolean;
  /** Take keyboard focus when mounted (after a move, the card lands in another column). */
  focusOnMount: boolean;
  abilities: TaskCardAbilities;
  /** Studio time zone, for the history's times. */
  timeZone: string;
  onFocused: () => void;
  onMove: (task: Task, status: TaskStatus) => void;
  onDelete: (task: Task) => void;
  onAssign: (task: Task) => void;
  onReroute: (task: Task) => void;
}

export function TaskCard({ task, kindLabel, busy, flashed, focusOnMount, abilities, timeZone, onFocused, onMove, onDelete, onAssign, onReroute }: TaskCardProps) {
  const titleId = useId();
  const historyId = useId();
  const ref = useRef<HTMLElement>(null);
  const [historyOpen, setHistoryOpen] = useState(false);

  useEffect(() => {
    if (!focusOnMount) return;
    ref.current?.focus();
    onFocused();
  }, [focusOnMount, onFocused]);

  const classes = ['task-card', `task-card--${task.status.toLowerCase().replaceAll('_', '-')}`, flashed ? 'task-card--flash' : '', busy ? 'task-card--busy' : '']
    .filter(Boolean)
    .join(' ');
  const title = `“${task.title}”`;

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
              {task.assignedManually ? (
                <span className="task-card__by-hand" title="Assigned by hand, not by routing">
                  <span className="visually-hidden">, </span>by hand
                </span>
              ) : null}
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
        <div className="task-card__links">
          {abilities.assign ? (
            <>
              <button type="button" className="task-card__link" disabled={busy} aria-haspopup="dialog" aria-label={`Assign ${title}`} onClick={() => onAssign(task)}>
                Assign
              </button>
              <button
                type="button"
                className="task-card__link"
                disabled={busy}
                aria-label={`Re-route ${title}: let Patchbay pick again`}
                onClick={() => onReroute(task)}
              >
                Re-route
              </button>
            </>
          ) : null}
          <button
            type="button"
            className="task-card__link"
            aria-expanded={historyOpen}
            aria-controls={historyOpen ? historyId : undefined}
            aria-label={`Assignment history of ${title}`}
            onClick={() => setHistoryOpen((v) => !v)}
          >
            History
          </button>
        </div>
        {historyOpen ? <AssignmentHistory task={task} timeZone={timeZone} id={historyId} /> : null}
        {abilities.move || abilities.delete ? (
          <div className="task-card__actions">
            {abilities.move ? (
              <MoveTaskControl task={task} disabled={busy} onMove={(status) => onMove(task, status)} />
            ) : (
              <span className="task-card__status">{TASK_STATUS_LABELS[task.status]}</span>
            )}
            {abilities.delete ? <DeleteTaskControl task={task} disabled={busy} onDelete={() => onDelete(task)} /> : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}
