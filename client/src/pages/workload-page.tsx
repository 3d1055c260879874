import type { MemberRole } from '@patchbay/shared';
import { MEMBER_ROLES } from '@patchbay/shared/domain/roles';
import { addDays, localDateKey } from '@patchbay/shared/domain/time-zone';
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useMemo, useState } from 'react';
import { useUrlState } from '../lib/use-url-state';
import { useApi } from '../api/api-context';
import { useWorkload } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { ConnectionIndicator } from '../components/connection-indicator';
import { FilterChips } from '../components/filter-chips';
import { NoAccess } from '../components/no-access';
import { PageError, PageLoading } from '../components/page-state';
import { MemberRow, type Selection } from '../workload/member-row';
import { MoveTaskDialog } from '../workload/move-task-dialog';
import { overloadHeadline, overloadOf, visibleMembers, type RoleFilter } from '../workload/overload';
import { rangeLabel, workloadRange, type Span } from '../workload/range';
import { useWorkloadLive } from '../workload/use-workload-live';
import { WorkList, type MovableTask } from '../workload/work-list';
import './workload-page.css';

const ROLE_PLURALS: Readonly<Record<MemberRole, string>> = { PRODUCER: 'Producers', ENGINEER: 'Engineers', ASSISTANT_ENGINEER: 'Assistants' };

/**
 * The producer's week: everyone's booked hours against capacity per day and week (one or four
 * weeks), who is over and why, what is behind the hours, and moving work to someone else in one
 * move; live as tasks and sessions change anywhere in the studio. Engineers see their own.
 */
export function WorkloadPage() {
  const me = useMe();
  const api = useApi();
  const permissions = usePermissions();
  const [params, set] = useUrlState({ replace: true });
  const timeZone = me.studio.timezone;
  const span: Span = params.get('span') === '4' ? 4 : 1;
  const range = workloadRange(params.get('week'), span, timeZone);
  const thisWeek = workloadRange(null, span, timeZone);
  const allowed = permissions.can('workload.viewOwn');
  const team = permissions.can('workload.viewTeam');
  const canMove = permissions.can('tasks.assign');
  const from = range.start.toISOString();
  const to = range.end.toISOString();
  const workload = useWorkload(from, to, { enabled: allowed });
  const live = useWorkloadLive(allowed);
  const [role, setRole] = useState<RoleFilter>('all');
  const [projectId, setProjectId] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [moving, setMoving] = useState<{ move: MovableTask; to?: string } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));

  const members = useMemo(() => workload.data?.members ?? [], [workload.data]);
  const dates = useMemo(() => range.days.map(localDateKey), [range.days]);
  const overloads = useMemo(() => new Map(members.map((m) => [m.member.id, overloadOf(m, range.weeks, dates)])), [members, range.weeks, dates]);
  const rows = visibleMembers(members, overloads, { role, projectId }, range.weeks);
  const maxMinutes = Math.max(60, ...members.flatMap((m) => m.days.map((d) => Math.max(d.bookedMinutes, d.capacityMinutes))));
  const projects = workload.data?.projects ?? [];
  const project = projects.find((p) => p.id === projectId) ?? null;
  const selected = selection ? members.find((m) => m.member.id === selection.memberId) : undefined;

  if (!allowed) return <NoAccess what="the workload" />;

  const go = (weeks: number) => set({ week: localDateKey(addDays(range.monday, weeks * 7)) });

  const onDragEnd = (event: DragEndEvent) => {
    const move = event.active.data.current?.move as MovableTask | undefined;
    const target = event.over?.data.current?.memberId as string | undefined;
    if (move && target && target !== move.from.id) setMoving({ move, to: target });
  };

  const roleOptions = [
    { value: 'all' as const, label: 'Everyone', count: members.length },
    ...MEMBER_ROLES.map((r) => ({ value: r, label: ROLE_PLURALS[r], count: members.filter((m) => m.member.roles.includes(r)).length })).filter((o) => o.count > 0),
  ];
  const headline = overloadHeadline(rows.map((m) => overloads.get(m.member.id)!).filter(Boolean), span);
  const anyOver = rows.some((m) => (overloads.get(m.member.id)?.weeks.length ?? 0) + (overloads.get(m.member.id)?.days.length ?? 0) > 0);

  return (
    <div className="workload-page">
      <title>{`${team ? 'Workload' : 'Your workload'} · Patchbay`}</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">{team ? 'Workload' : 'Your workload'}</h1>
          <p className="page-heading__sub">
            Booked hours against capacity: sessions staffed, plus tasks in other sessions. Times in {timeZone.replaceAll('_', ' ')}.
          </p>
        </div>
        <ConnectionIndicator status={live} subject="the figures" />
      </div>

      <div className="workload-toolbar">
        <nav className="week-picker" aria-label="Weeks shown">
          <button type="button" className="button button--small" onClick={() => go(-span)}>
            <span aria-hidden="true">←</span> {span === 1 ? 'Previous week' : 'Previous 4 weeks'}
          </button>
          <p className="week-picker__label" aria-live="polite">
            <span className="week-picker__week">{span === 1 ? `Week ${Number(range.key.split('-W')[1])}` : `Weeks ${Number(range.weeks[0]?.split('-W')[1])}–${Number(range.weeks.at(-1)?.split('-W')[1])}`}</span> {rangeLabel(range.start, range.end, timeZone)}
          </p>
          <button type="button" className="button button--small" onClick={() => go(span)}>
            {span === 1 ? 'Next week' : 'Next 4 weeks'} <span aria-hidden="true">→</span>
          </button>
          <button type="button" className="button button--ghost button--small" disabled={range.key === thisWeek.key} onClick={() => set({ week: null })}>
            This week
          </button>
        </nav>
        <FilterChips<'1' | '4'> label="Show" options={[{ value: '1', label: '1 week' }, { value: '4', label: '4 weeks' }]} value={span === 1 ? '1' : '4'} onChange={(v) => set({ span: v === '4' ? '4' : null })} />
        <a className="button button--small workload-toolbar__csv" href={api.workloadCsvUrl({ from, to })} download>
          Export CSV
        </a>
      </div>

      {team ? (
        <div className="workload-filters">
          <FilterChips<RoleFilter> label="Role" options={roleOptions} value={role} onChange={setRole} />
          <label className="workload-filters__project">
            <span className="chip-group__label">Project</span>
            <select className="input input--small" value={projectId ?? ''} onChange={(e) => setProjectId(e.target.value || null)}>
              <option value="">All projects</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>{`${p.artist} – ${p.title}`}</option>
              ))}
            </select>
          </label>
        </div>
      ) : null}

      {workload.isPending ? (
        <PageLoading label="Loading the workload…" />
      ) : workload.isError && !workload.data ? (
        <PageError
          title="Couldn't load the workload"
          error={workload.error}
          action={
            <button type="button" className="button" onClick={() => void workload.refetch()}>
              Try again
            </button>
          }
        />
      ) : (
        <>
          <p className={`workload-summary${anyOver ? ' workload-summary--over' : ''}`} role="status">
            {headline}
          </p>
          <div className="workload-legend">
            <span className="workload-legend__item">
              <span className="workload-legend__swatch workload-legend__swatch--booked" aria-hidden="true" />
              Booked that day
            </span>
            <span className="workload-legend__item">
              <span className="workload-legend__swatch workload-legend__swatch--over" aria-hidden="true" />
              Over a day’s share: more than a fifth of the weekly capacity
            </span>
            <span className="workload-legend__item">
              <span className="workload-legend__line" aria-hidden="true" />
              A day’s share
            </span>
            <span className="workload-legend__item">
              <span className="tag tag--danger">▲ Over the week</span> more booked than the weekly capacity
            </span>
          </div>
          {rows.length === 0 ? (
            <p className="workload-empty">{members.length === 0 ? 'Nobody with a role in the studio yet.' : 'Nobody matches these filters.'}</p>
          ) : (
            <DndContext sensors={sensors} onDragEnd={onDragEnd}>
              <div className={`workload-body${selection ? ' workload-body--open' : ''}`}>
                <ul className="workload-list" aria-busy={workload.isFetching}>
                  {rows.map((entry) => (
                    <MemberRow
                      key={entry.member.id}
                      entry={entry}
                      range={range}
                      timeZone={timeZone}
                      overload={overloads.get(entry.member.id)!}
                      maxMinutes={maxMinutes}
                      selection={selection}
                      onSelect={(next) => setSelection(selection && selection.memberId === next.memberId && selection.date === next.date ? null : next)}
                      projectId={projectId}
                      projectName={project ? project.title : null}
                    />
                  ))}
                </ul>
                {selection && selected ? (
                  <WorkList key={`${selection.memberId}:${selection.date ?? 'all'}`} selection={selection} name={selected.member.name} from={from} to={to} timeZone={timeZone} canMove={canMove} onMove={(move) => setMoving({ move })} onClose={() => setSelection(null)} />
                ) : null}
              </div>
            </DndContext>
          )}
        </>
      )}
      {moving ? <MoveTaskDialog move={moving.move} preselected={moving.to} timeZone={timeZone} onClose={() => setMoving(null)} /> : null}
    </div>
  );
}
