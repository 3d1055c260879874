import type { MemberRole, Task } from '@patchbay/shared';
import { MEMBER_ROLE_LABELS, TASK_STATUSES, TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useId, useMemo } from 'react';
import { FilterChips } from '../components/filter-chips';
import { isFiltering, NO_FILTER, UNASSIGNED, type TaskFilter } from './task-filter';
import type { CardView } from './card-view';
import './board-toolbar.css';

/** The toolbar's "Showing 3 of 9 tasks" line (focus lands there when a move hides the card). */
export const FILTER_COUNT_ID = 'board-filter-count';

const VIEW_OPTIONS = [
  { value: 'compact', label: 'Compact' },
  { value: 'detailed', label: 'Detailed' },
] as const satisfies readonly { value: CardView; label: string }[];

/** The people, roles and kinds of work on a board's tasks, sorted as the menus list them. */
function facetsOf(tasks: ReadonlyMap<string, Task>, kindLabel: (key: string) => string) {
  const byId = new Map<string, string>();
  const roleSet = new Set<MemberRole>();
  const kindSet = new Set<string>();
  let count = 0;
  for (const t of tasks.values()) {
    count += 1;
    if (t.assignee) byId.set(t.assignee.id, t.assignee.name);
    roleSet.add(t.role);
    kindSet.add(t.kind);
  }
  return {
    people: [...byId].sort((a, b) => a[1].localeCompare(b[1])),
    roles: [...roleSet].sort((a, b) => MEMBER_ROLE_LABELS[a].localeCompare(MEMBER_ROLE_LABELS[b])),
    kinds: [...kindSet].sort((a, b) => kindLabel(a).localeCompare(kindLabel(b))),
    total: count,
  };
}

/**
 * Above the board's columns: find a task by its words, narrow the cards to a person, a role, a
 * kind of work or one column, and choose compact cards (details on demand) or detailed ones.
 */
export function BoardToolbar({
  tasks,
  filter,
  onFilter,
  kindLabel,
  meId,
  shown,
  view,
  onView,
}: {
  tasks: ReadonlyMap<string, Task>;
  filter: TaskFilter;
  onFilter: (changes: Partial<TaskFilter>) => void;
  kindLabel: (key: string) => string;
  meId: string;
  /** How many cards the filter leaves. */
  shown: number;
  view: CardView;
  onView: (view: CardView) => void;
}) {
  const id = useId();
  // Only what is on this board: people, roles and kinds that would find something.
  const { people, roles, kinds, total } = useMemo(() => facetsOf(tasks, kindLabel), [tasks, kindLabel]);
  const filtering = isFiltering(filter);

  return (
    <div className="board-toolbar" role="search" aria-label="Find tasks on this board">
      <div className="board-toolbar__field board-toolbar__field--find">
        <label className="board-toolbar__label" htmlFor={`${id}-find`}>
          Find
        </label>
        <input
          id={`${id}-find`}
          className="input"
          type="search"
          placeholder="Title, note or person"
          value={filter.text}
          onChange={(e) => onFilter({ text: e.target.value })}
        />
      </div>
      <div className="board-toolbar__field">
        <label className="board-toolbar__label" htmlFor={`${id}-who`}>
          Person
        </label>
        <select id={`${id}-who`} className="input" value={filter.who} onChange={(e) => onFilter({ who: e.target.value })}>
          <option value="">Everyone</option>
          {people.some(([pid]) => pid === meId) || filter.who === meId ? <option value={meId}>Mine</option> : null}
          {filter.who && filter.who !== meId && filter.who !== UNASSIGNED && !people.some(([pid]) => pid === filter.who) ? (
            <option value={filter.who}>Someone with no task here now</option>
          ) : null}
          <option value={UNASSIGNED}>Unassigned</option>
          {people
            .filter(([pid]) => pid !== meId)
            .map(([pid, name]) => (
              <option key={pid} value={pid}>
                {name}
              </option>
            ))}
        </select>
      </div>
      <div className="board-toolbar__field">
        <label className="board-toolbar__label" htmlFor={`${id}-role`}>
          Role
        </label>
        <select id={`${id}-role`} className="input" value={filter.role} onChange={(e) => onFilter({ role: e.target.value })}>
          <option value="">Any role</option>
          {(filter.role && !roles.includes(filter.role as MemberRole) ? [...roles, filter.role as MemberRole] : roles).map((r) => (
            <option key={r} value={r}>
              {MEMBER_ROLE_LABELS[r] ?? r}
            </option>
          ))}
        </select>
      </div>
      <div className="board-toolbar__field">
        <label className="board-toolbar__label" htmlFor={`${id}-kind`}>
          Kind of work
        </label>
        <select id={`${id}-kind`} className="input" value={filter.kind} onChange={(e) => onFilter({ kind: e.target.value })}>
          <option value="">Any kind</option>
          {(filter.kind && !kinds.includes(filter.kind) ? [...kinds, filter.kind] : kinds).map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </div>
      <div className="board-toolbar__field">
        <label className="board-toolbar__label" htmlFor={`${id}-status`}>
          Column
        </label>
        <select
          id={`${id}-status`}
          className="input"
          value={filter.status}
          onChange={(e) => onFilter({ status: (TASK_STATUSES as readonly string[]).includes(e.target.value) ? (e.target.value as TaskFilter['status']) : '' })}
        >
          <option value="">All columns</option>
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TASK_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <FilterChips<CardView> label="Cards" options={VIEW_OPTIONS} value={view} onChange={onView} />
      <p className="board-toolbar__count" role="status" id={FILTER_COUNT_ID} tabIndex={-1}>
        {filtering ? (
          <>
            Showing {shown} of {total} {total === 1 ? 'task' : 'tasks'}.{' '}
            <button type="button" className="button button--link" onClick={() => onFilter(NO_FILTER)}>
              Clear filters
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}
