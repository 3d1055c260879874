import type { DraggableAttributes } from '@dnd-kit/core';
import type { Task, TaskComment, TaskStatus } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { formatInstant } from '../lib/format';
import { initials } from '../lib/labels';
import { countRender } from '../lib/render-count';
import { formatMinutes } from '../lib/time';
import { AssignmentHistory } from './assignment-history';
import { TaskComments } from '../comments/task-comments';
import { DeleteTaskControl } from './delete-task-control';
import { MoveTaskControl, NextStepButton } from './move-task-control';
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
  /** No live connection: the card's writes wait (its buttons are disabled). */
  paused: boolean;
  /** Compact: kind, title, who and when, the next step; the rest behind "Details". */
  compact: boolean;
  /** Its comments, oldest first (the same array while they do not change). */
  comments: readonly TaskComment[];
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
  /** Say (or change) why it is blocked. */
  onExplain: (task: Task) => void;
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
  paused,
  compact,
  comments,
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
  onExplain,
}: TaskCardProps) {
  countRender(`TaskCard:${task.id}`);
  const titleId = useId();
  const historyId = useId();
  const detailsId = useId();
  const ref = useRef<HTMLElement>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const commentsId = useId();
  const commentCount = comments.length;
  const showDetails = !compact || detailsOpen;

  useEffect(() => {
    if (!focusOnMount) return;
    ref.current?.focus();
    onFocused();
  }, [focusOnMount, onFocused]);

  const classes = [
    'task-card',
    `task-card--${task.status.toLowerCase().replaceAll('_', '-')}`,
    compact ? 'task-card--compact' : '',
    flashed ? 'task-card--flash' : '',
    busy ? 'task-card--busy' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = `“${task.title}”`;
  const gripAttributes = handle?.attributes;
  const disabled = busy || paused;
  const commentWords = `${commentCount} ${commentCount === 1 ? 'comment' : 'comments'}`;
  const move = (status: TaskStatus) => onMove(task, status);
  // A compact card shows the next step only; the full move menu is behind Details.
  const statusControl = !canMove ? (
    <span className="task-card__status">{TASK_STATUS_LABELS[task.status]}</span>
  ) : compact && !detailsOpen ? (
    <NextStepButton task={task} disabled={disabled} onMove={move} />
  ) : (
    <MoveTaskControl task={task} disabled={disabled} onMove={move} />
  );
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
              aria-disabled={disabled || undefined}
            >
              <GripIcon />
            </button>
          ) : null}
          <span className="task-card__kind">{kindLabel}</span>
        </span>
        <RoleBadge role={task.role} />
      </div>
      <h3 className={compact && !detailsOpen ? 'task-card__title task-card__title--clamped' : 'task-card__title'} id={titleId} title={compact && !detailsOpen ? task.title : undefined}>
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
        {task.dueAt && !showDetails ? (
          <span className="task-card__due task-card__due--short">
            Due <time dateTime={task.dueAt}>{formatInstant(task.dueAt, timeZone)}</time>
          </span>
        ) : null}
      </div>
      {task.status === 'BLOCKED' ? (
        <p className="task-card__blocked">
          <span className="task-card__blocked-label">Waiting for:</span>{' '}
          {task.blockedReason ? task.blockedReason : <span className="task-card__blocked-none">no reason given yet</span>}
          {canMove ? (
            <>
              {' '}
              <button
                type="button"
                className="task-card__link"
                disabled={disabled}
                aria-haspopup="dialog"
                aria-label={`${task.blockedReason ? 'Change' : 'Say'} why ${title} is blocked`}
                onClick={() => onExplain(task)}
              >
                {task.blockedReason ? 'Change' : 'Say why'}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {showDetails ? (
        <div className="task-card__details" id={detailsId}>
          {task.dueAt ? (
            <p className="task-card__due">
              Due <time dateTime={task.dueAt}>{formatInstant(task.dueAt, timeZone)}</time>
            </p>
          ) : null}
          {task.notes ? <p className="task-card__notes">{task.notes}</p> : null}
          {task.routingReason ? <RoutingReason reason={task.routingReason} /> : null}
          <div className="task-card__links">
            {canEdit ? (
              <button type="button" className="task-card__link" disabled={disabled} aria-haspopup="dialog" aria-label={`Edit ${title}`} onClick={() => onEdit(task)}>
                Edit
              </button>
            ) : null}
            {canAssign ? (
              <>
                <button type="button" className="task-card__link" disabled={disabled} aria-haspopup="dialog" aria-label={`Assign ${title}`} onClick={() => onAssign(task)}>
                  Assign
                </button>
                <button
                  type="button"
                  className="task-card__link"
                  disabled={disabled}
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
            <button
              type="button"
              className="task-card__link"
              aria-expanded={commentsOpen}
              aria-controls={commentsOpen ? commentsId : undefined}
              aria-label={`Comments${commentCount > 0 ? ` (${commentCount})` : ''} on ${title}`}
              onClick={() => setCommentsOpen((v) => !v)}
            >
              Comments{commentCount > 0 ? ` (${commentCount})` : ''}
            </button>
          </div>
          {commentsOpen ? <TaskComments task={task} comments={comments} id={commentsId} /> : null}
          {historyOpen ? <AssignmentHistory task={task} timeZone={timeZone} id={historyId} /> : null}
        </div>
      ) : null}
      {compact ? (
        <div className="task-card__actions task-card__actions--compact">
          {statusControl}
          {commentCount > 0 && !detailsOpen ? (
            <span className="task-card__more-count" title={commentWords}>
              <span aria-hidden="true">{commentCount}</span>
              <span className="visually-hidden">{commentWords}</span>
            </span>
          ) : null}
          <button
            type="button"
            className="task-card__more"
            aria-expanded={detailsOpen}
            aria-controls={detailsOpen ? detailsId : undefined}
            aria-label={`Details of ${title}`}
            onClick={() => setDetailsOpen((v) => !v)}
          >
            Details
            {task.notes && !detailsOpen ? <span className="task-card__more-dot" title="Has a note" aria-hidden="true" /> : null}
            <svg className="task-card__more-chevron" viewBox="0 0 10 6" width="10" height="6" aria-hidden="true" focusable="false">
              <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
          {detailsOpen && canDelete ? <DeleteTaskControl task={task} disabled={disabled} onDelete={() => onDelete(task)} /> : null}
        </div>
      ) : canMove || canDelete ? (
        <div className="task-card__actions">
          {statusControl}
          {canDelete ? <DeleteTaskControl task={task} disabled={disabled} onDelete={() => onDelete(task)} /> : null}
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
