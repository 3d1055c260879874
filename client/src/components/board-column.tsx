import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Task, TaskComment, TaskStatus } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { memo, useMemo } from 'react';
import { columnDropId } from '../board/board-dnd';
import { countRender } from '../lib/render-count';
import { TaskCard, type DragHandle, type TaskCardAbilities, type TaskCardProps } from './task-card';
import './board-column.css';

type CardHandlers = Pick<TaskCardProps, 'onMove' | 'onDelete' | 'onFocused' | 'onAssign' | 'onReroute' | 'onEdit' | 'onExplain' | 'timeZone'>;

export interface BoardColumnProps extends CardHandlers {
  status: TaskStatus;
  tasks: readonly Task[];
  kindLabel: (key: string) => string;
  busy: ReadonlySet<string>;
  /** No live connection: every card's writes wait. */
  paused: boolean;
  /** Compact cards (details on demand). */
  compact: boolean;
  /** Each task's comments (a task's array stays the same while its comments do not change). */
  comments: ReadonlyMap<string, readonly TaskComment[]>;
  /**
   * A filter hides some cards: none can be dragged into order (a place among the shown cards is
   * not a place in the column), and an empty column says that nothing matches.
   */
  filtered: boolean;
  flashed: ReadonlySet<string>;
  focusTaskId: string | null;
  abilitiesFor: (task: Task) => TaskCardAbilities;
  /** A dragged card is over this column. */
  dropTarget: boolean;
}

const NO_COMMENTS: readonly TaskComment[] = [];

type SortableTaskCardProps = Omit<TaskCardProps, 'handle'> & { filtered: boolean };

/** A card in a column's sortable list: dnd-kit's wiring around the memoized card. */
const SortableTaskCard = memo(function SortableTaskCard({ filtered, ...props }: SortableTaskCardProps) {
  const { task, canMove, busy, paused } = props;
  const draggable = !filtered && canMove && !busy && !paused;
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, transform, transition, isDragging } = useSortable({
    id: task.id,
    // Cards that cannot be dragged still make room for one that is.
    disabled: { draggable: !draggable, droppable: false },
    attributes: { roleDescription: 'draggable task' },
  });
  const handle = useMemo<DragHandle | null>(() => (canMove && !filtered ? { setNode: setActivatorNodeRef, attributes } : null), [canMove, filtered, setActivatorNodeRef, attributes]);
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'task-card__item task-card__item--placeholder' : 'task-card__item'}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...(draggable ? listeners : undefined)}
    >
      <TaskCard {...props} handle={handle} />
    </li>
  );
});

/**
 * Whether a column would render the same: the busy and flashed sets and the focus request are
 * board-wide, so only their members among this column's tasks count.
 */
function sameColumnProps(prev: BoardColumnProps, next: BoardColumnProps): boolean {
  for (const key of Object.keys(next) as (keyof BoardColumnProps)[]) {
    if (prev[key] === next[key]) continue;
    if (key === 'comments') {
      if (next.tasks.some((t) => prev.comments.get(t.id) !== next.comments.get(t.id))) return false;
    } else if (key === 'busy' || key === 'flashed') {
      const before = prev[key];
      const after = next[key];
      if (next.tasks.some((t) => before.has(t.id) !== after.has(t.id))) return false;
    } else if (key === 'focusTaskId') {
      if (next.tasks.some((t) => t.id === prev.focusTaskId || t.id === next.focusTaskId)) return false;
    } else return false;
  }
  return true;
}

/** One status column: a drop area for cards, sortable inside. Memoized like the cards. */
export const BoardColumn = memo(function BoardColumn({
  status,
  tasks,
  kindLabel,
  busy,
  paused,
  compact,
  comments,
  filtered,
  flashed,
  focusTaskId,
  abilitiesFor,
  dropTarget,
  timeZone,
  onMove,
  onDelete,
  onFocused,
  onAssign,
  onReroute,
  onEdit,
  onExplain,
}: BoardColumnProps) {
  countRender(`BoardColumn:${status}`);
  const headingId = `column-${status}`;
  const slug = status.toLowerCase().replaceAll('_', '-');
  const { setNodeRef } = useDroppable({ id: columnDropId(status) });
  const ids = useMemo(() => tasks.map((t) => t.id), [tasks]);
  return (
    <section
      ref={setNodeRef}
      className={`board-column board-column--${slug}${dropTarget ? ' board-column--drop-target' : ''}`}
      aria-labelledby={headingId}
      data-status={status}
    >
      <h2 className="board-column__heading" id={headingId} tabIndex={-1}>
        <span className="board-column__dot" aria-hidden="true" />
        <span>{TASK_STATUS_LABELS[status]}</span>
        <span className="board-column__count">
          <span className="visually-hidden">, </span>
          {tasks.length}
          <span className="visually-hidden"> {tasks.length === 1 ? 'task' : 'tasks'}</span>
        </span>
      </h2>
      <SortableContext id={status} items={ids} strategy={verticalListSortingStrategy}>
        {tasks.length === 0 ? (
          <p className="board-column__empty">{dropTarget ? 'Drop here' : filtered ? 'None match the filters' : 'No tasks'}</p>
        ) : (
          <ul className="board-column__list">
            {tasks.map((task) => {
              const abilities = abilitiesFor(task);
              return (
                <SortableTaskCard
                  key={task.id}
                  task={task}
                  kindLabel={kindLabel(task.kind)}
                  busy={busy.has(task.id)}
                  paused={paused}
                  compact={compact}
                  comments={comments.get(task.id) ?? NO_COMMENTS}
                  filtered={filtered}
                  flashed={flashed.has(task.id)}
                  focusOnMount={focusTaskId === task.id}
                  canMove={abilities.move}
                  canDelete={abilities.delete}
                  canAssign={abilities.assign}
                  canEdit={abilities.edit}
                  timeZone={timeZone}
                  onFocused={onFocused}
                  onMove={onMove}
                  onDelete={onDelete}
                  onAssign={onAssign}
                  onReroute={onReroute}
                  onEdit={onEdit}
                  onExplain={onExplain}
                />
              );
            })}
          </ul>
        )}
      </SortableContext>
    </section>
  );
}, sameColumnProps);
