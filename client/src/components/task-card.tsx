import type { DraggableAttributes } from '@dnd-kit/core';
import type { Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { formatInstant } from '../lib/format';
import { initials } from '../lib/labels';
import { countRender } from '../lib/render-count';
import { formatMinutes } from '../lib/time';
import { AssignmentHistory } from './assignment-history';
import { DeleteTaskControl } from './delete-task-control';
import { MoveTaskControl } from './move-task-control';
import { RoleBadge } from './role-badge';
import { RoutingReason } from './routing-reason';
import { taskTimeText } from './task-time';
import './task-card.css';

/** What the signed-in member may do with this card (the server still enforces it). */
export interface TaskCardAbilities {
  move: boolean;
  delete: boolean;
  assign: boolean;
  edit: boolean;
}

/** The drag handle's wiring from dnd-kit (null: this card cannot be dragged). */
export interface DragHandle {
  setNode: (element: HTMLElement | null) => void;
  attributes: DraggableAttributes;
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
  canMove: boolean;
  canDelete: boolean;
  canAssign: boolean;
  canEdit: boolean;
  handle: DragHandle | null;
  /** Studio time zone, for the due time and the history's times. */
  timeZone: string;
  onFocused: () => void;
  onMove: (task: Task, status: TaskStatus) => void;
  onDelete: (task: Task) => void;
  onAssign: (task: Task) => void;
  onReroute: (task: Task) => void;
  onEdit: (task: Task) => void;
}

/** The task's own slot: "10:00–11:00", read as "Starts 10:00, until 11:00". */
function TaskTime({ startsAt, estimateMinutes, timeZone }: { startsAt: string; estimateMinutes: number | null; timeZone: string }) {
  const { text, label } = taskTimeText(startsAt, estimateMinutes, timeZone);
  return (
    <time className="task-card__time" dateTime={startsAt}>
      <span className="visually-hidden">{label}</span>
      <span aria-hidden="true">{text}</span>
    </time>
  );
}

function GripIcon() {
  return (
    <svg viewBox="0 0 12 18" width="12" height="18" aria-hidden="true" focusable="false">
      {[3, 9, 15].map((y) => (
        <g key={y}>
          <circle cx="3" cy={y} r="1.5" fill="currentColor" />
          <circle cx="9" cy={y} r="1.5" fill="currentColor" />
        </g>
      ))}
    </svg>
  );
}

/** The same task as far as a card shows it: only its place in the column (not shown) may differ. */
function sameButPosition(a: Task, b: Task): boolean {
  if (a === b) return true;
  for (const key of Object.keys(a) as (keyof Task)[]) {
    if (key !== 'position' && a[key] !== b[key]) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

function sameProps(prev: TaskCardProps, next: TaskCardProps): boolean {
  for (const key of Object.keys(next) as (keyof TaskCardProps)[]) {
    if (key === 'task') {
      if (!sameButPosition(prev.task, next.task)) return false;
    } else if (prev[key] !== next[key]) return false;
  }
  return true;
}

/**
 * One task on the board. Memoized: with stable props (the board keeps them so) a change to one
 * task renders only its card, even on a board of hundreds. A move renumbers its neighbours'
 * positions; that alone does not render them again.
 */
export const TaskCard = memo(function TaskCard({
  task,
  kindLabel,
  busy,
  flashed,
  focusOnMount,
  canMove,
  canDelete,
  canAssign,
  canEdit,
  handle,
  timeZone,
  onFocused,
  onMove,
  onDelete,
  onAssign,
  onReroute,
  onEdit,
}: TaskCardProps) {
  countRender(`TaskCard:${task.id}`);
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
  const gripAttributes = handle?.attributes;
  const setGrip = handle?.setNode;

  return (
    <article ref={ref} className={classes} aria-labelledby={titleId} aria-busy={busy} tabIndex={-1} data-task-id={task.id}>
      <div className="task-card__top">
        <span className="task-card__lead">
          {gripAttributes && setGrip ? (
            <button
              ref={setGrip}
              type="button"
              className="task-card__grip"
              data-drag-handle=""
              aria-label={`Drag ${title}`}
              aria-roledescription={gripAttributes['aria-roledescription']}
              aria-describedby={gripAttributes['aria-describedby']}
              // Not `disabled`: after a keyboard drop focus stays here while the move is saved.
              aria-disabled={busy || undefined}
            >
              <GripIcon />
            </button>
          ) : null}
          <span className="task-card__kind">{kindLabel}</span>
        </span>
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
        {task.startsAt || task.estimateMinutes !== null ? (
          <span className="task-card__when">
            {task.startsAt ? <TaskTime startsAt={task.startsAt} estimateMinutes={task.estimateMinutes} timeZone={timeZone} /> : null}
            {task.estimateMinutes !== null ? (
              <span className="task-card__estimate">
                <span className="visually-hidden">Estimate: </span>
                {formatMinutes(task.estimateMinutes)}
              </span>
            ) : null}
          </span>
        ) : null}
      </div>
      {task.dueAt ? (
        <p className="task-card__due">
          Due <time dateTime={task.dueAt}>{formatInstant(task.dueAt, timeZone)}</time>
        </p>
      ) : null}
      {task.notes ? <p className="task-card__notes">{task.notes}</p> : null}
      {task.routingReason ? <RoutingReason reason={task.routingReason} /> : null}
      <div className="task-card__links">
        {canEdit ? (
          <button type="button" className="task-card__link" disabled={busy} aria-haspopup="dialog" aria-label={`Edit ${title}`} onClick={() => onEdit(task)}>
            Edit
          </button>
        ) : null}
        {canAssign ? (
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
      {canMove || canDelete ? (
        <div className="task-card__actions">
          {canMove ? (
            <MoveTaskControl task={task} disabled={busy} onMove={(status) => onMove(task, status)} />
          ) : (
            <span className="task-card__status">{TASK_STATUS_LABELS[task.status]}</span>
          )}
          {canDelete ? <DeleteTaskControl task={task} disabled={busy} onDelete={() => onDelete(task)} /> : null}
        </div>
      ) : null}
    </article>
  );
}, sameProps);

/** What follows the pointer or the keyboard while a card is dragged (no controls: a picture of the card). */
export function TaskCardPreview({ task, kindLabel }: { task: Task; kindLabel: string }) {
  return (
    <div className={`task-card task-card--preview task-card--${task.status.toLowerCase().replaceAll('_', '-')}`} aria-hidden="true">
      <div className="task-card__top">
        <span className="task-card__lead">
          <span className="task-card__grip task-card__grip--static">
            <GripIcon />
          </span>
          <span className="task-card__kind">{kindLabel}</span>
        </span>
        <RoleBadge role={task.role} />
      </div>
      <p className="task-card__title">{task.title}</p>
      <div className="task-card__meta">
        <span className={task.assignee ? 'task-card__assignee' : 'task-card__assignee task-card__assignee--none'}>
          <span className={task.assignee ? 'task-card__avatar' : 'task-card__avatar task-card__avatar--none'}>{task.assignee ? initials(task.assignee.name) : '?'}</span>
          {task.assignee?.name ?? 'Unassigned'}
        </span>
        {task.estimateMinutes !== null ? <span className="task-card__estimate">{formatMinutes(task.estimateMinutes)}</span> : null}
      </div>
    </div>
  );
}
