import type { WorkloadItem, WorkloadItems } from '@patchbay/shared';
import { MEMBER_ROLE_LABELS, TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useDraggable } from '@dnd-kit/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTaskKinds, useWorkloadItems } from '../api/queries';
import { PageError } from '../components/page-state';
import { hours } from '../lib/format';
import { kindLabel } from '../lib/labels';
import { dayHeading, dayKey, formatWindow } from '../lib/time';
import type { Selection } from './member-row';
import { dayStartOf } from './range';

export interface MovableTask {
  item: WorkloadItem;
  task: NonNullable<WorkloadItem['task']>;
  from: WorkloadItems['member'];
}

export const taskDragId = (taskId: string) => `task:${taskId}`;

function Grip({ task, from, item }: MovableTask) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: taskDragId(task.id), data: { memberId: from.id, move: { item, task, from } satisfies MovableTask } });
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={`work-item__grip${isDragging ? ' work-item__grip--dragging' : ''}`}
      aria-label={`Drag “${task.title}” onto someone else's row`}
      {...attributes}
      {...listeners}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
}

function ItemLine({ item, from, timeZone, canMove, onMove, kinds }: { item: WorkloadItem; from: WorkloadItems['member']; timeZone: string; canMove: boolean; onMove: (move: MovableTask) => void; kinds: ReturnType<typeof useTaskKinds>['data'] }) {
  const { session, task } = item;
  // Only where the viewer may reassign the task (its session's scope, decided by the server).
  const movable = canMove && task?.canMove === true;
  const when = item.busy ? formatWindow(new Date(item.startsAt), new Date(item.endsAt), timeZone) : `any time ${formatWindow(new Date(session.startsAt), new Date(session.endsAt), timeZone)}`;
  const what = task
    ? `${kindLabel(task.kind, kinds)} · ${TASK_STATUS_LABELS[task.status]}`
    : `${MEMBER_ROLE_LABELS[item.role]} on the session`;
  const hoursText = task?.withinStaffedSession ? 'in session time' : hours(item.minutes);
  return (
    <li className={`work-item work-item--${item.kind}${task?.status === 'DONE' ? ' work-item--done' : ''}`}>
      {task && movable ? <Grip item={item} task={task} from={from} /> : <span className="work-item__grip work-item__grip--none" aria-hidden="true" />}
      <div className="work-item__main">
        <p className="work-item__title">
          {task ? <span className="work-item__task">{task.title}</span> : null}
          <Link to={`/sessions/${session.id}`} className="work-item__session">
            {task ? `in ${session.title}` : session.title}
          </Link>
        </p>
        <p className="work-item__meta">
          {when} · {what} · {session.room.name} · {session.project.artist}
        </p>
      </div>
      <span className={`work-item__hours${task?.withinStaffedSession ? ' work-item__hours--covered' : ''}`}>{hoursText}</span>
      {task && movable ? (
        <button type="button" className="button button--small work-item__move" onClick={() => onMove({ item, task, from })}>
          Move to…
        </button>
      ) : null}
    </li>
  );
}

/**
 * What is behind a member's hours: the sessions they staff and their tasks, by day, with the
 * hours each adds; tasks can be moved to someone else from here (a button, or drag the grip onto
 * another member's row).
 */
export function WorkList({
  selection,
  name,
  from,
  to,
  timeZone,
  canMove,
  onMove,
  onClose,
}: {
  selection: Selection;
  name: string;
  from: string;
  to: string;
  timeZone: string;
  canMove: boolean;
  onMove: (move: MovableTask) => void;
  onClose: () => void;
}) {
  const items = useWorkloadItems(selection.memberId, from, to);
  const kinds = useTaskKinds();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Mounted afresh for each member or day picked (keyed by the page): the heading takes focus.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const all = items.data?.items ?? [];
  const date = selection.date;
  const shown = date ? all.filter((i) => Object.hasOwn(i.days, date)) : all;
  const groups = new Map<string, WorkloadItem[]>();
  for (const item of shown) {
    const key = selection.date ?? dayKey(item.busy ? item.startsAt : item.session.startsAt, timeZone);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const minutesOf = (item: WorkloadItem) => (selection.date ? (item.days[selection.date] ?? 0) : item.minutes);
  const total = shown.reduce((sum, i) => sum + minutesOf(i), 0);
  const title = selection.date ? `${name} — ${dayHeading(dayStartOf(selection.date, timeZone), timeZone)}` : `${name} — all of it`;
  return (
    <section className="work-list" aria-labelledby="work-list-title" aria-busy={items.isFetching}>
      <div className="work-list__head">
        <h2 className="work-list__title" id="work-list-title" tabIndex={-1} ref={headingRef}>
          {title}
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      </div>
      {items.isPending ? (
        <p className="work-list__note">Loading what is behind the hours…</p>
      ) : items.isError && !items.data ? (
        <PageError title="Couldn't load the sessions and tasks" error={items.error} />
      ) : shown.length === 0 ? (
        <p className="work-list__note">Nothing booked{selection.date ? ' that day' : ''}.</p>
      ) : (
        <>
          <p className="work-list__note">
            {hours(total)} from {shown.length === 1 ? '1 session or task' : `${shown.length} sessions and tasks`}.
            {canMove ? ' Move a task to someone else with “Move to…”, or drag it onto their row.' : ''}
          </p>
          {[...groups.entries()].map(([key, list]) => (
            <div key={key} className="work-list__day">
              {selection.date ? null : <h3 className="work-list__day-title">{dayHeading(dayStartOf(key, timeZone), timeZone)}</h3>}
              <ul className="work-list__items">
                {list.map((item) => (
                  <ItemLine key={`${item.kind}:${item.task?.id ?? item.session.id}`} item={{ ...item, minutes: minutesOf(item) }} from={items.data!.member} timeZone={timeZone} canMove={canMove} onMove={onMove} kinds={kinds.data} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
