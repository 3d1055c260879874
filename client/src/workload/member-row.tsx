import type { WorkloadMemberLoad } from '@patchbay/shared';
import { MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { formatDay, localDateKey, startOfLocalDay, type LocalDate } from '@patchbay/shared/domain/time-zone';
import { useDroppable } from '@dnd-kit/core';
import { hours } from '../lib/format';
import { plural } from '../lib/labels';
import { DayChart, type DayBar } from './day-chart';
import type { MemberOverload } from './overload';
import type { WorkloadRange } from './range';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface Selection {
  memberId: string;
  /** A day ('YYYY-MM-DD'), or null for the whole range. */
  date: string | null;
}

export const memberDropId = (memberId: string) => `member:${memberId}`;

function dayBars(entry: WorkloadMemberLoad, days: readonly LocalDate[], timeZone: string): DayBar[] {
  const byDate = new Map(entry.days.map((d) => [d.date, d]));
  return days.map((date) => {
    const key = localDateKey(date);
    const day = byDate.get(key);
    const label = formatDay(startOfLocalDay(date, timeZone), timeZone).split(' ');
    return {
      date: key,
      label: `${label[0]?.slice(0, 2) ?? ''} ${label[1] ?? ''}`,
      bookedMinutes: day?.bookedMinutes ?? 0,
      capacityMinutes: day?.capacityMinutes ?? (entry.member.weeklyCapacityHours * 60) / 5,
      over: day?.overCapacity ?? false,
    };
  });
}

/**
 * One member's row: the weeks' hours against capacity, the days as a chart with a button per day
 * (one week) or per week (four weeks) to see what is behind them; a drop target for a task dragged
 * from the list of another member's work.
 */
export function MemberRow({
  entry,
  range,
  timeZone,
  overload,
  maxMinutes,
  selection,
  onSelect,
  projectId,
  projectName,
}: {
  entry: WorkloadMemberLoad;
  range: WorkloadRange;
  timeZone: string;
  overload: MemberOverload;
  maxMinutes: number;
  selection: Selection | null;
  onSelect: (selection: Selection) => void;
  projectId: string | null;
  projectName: string | null;
}) {
  const { member } = entry;
  const { setNodeRef, isOver, active } = useDroppable({ id: memberDropId(member.id), data: { memberId: member.id } });
  const shownWeeks = entry.weeks.filter((w) => range.weeks.includes(w.week));
  const booked = shownWeeks.reduce((sum, w) => sum + w.bookedMinutes, 0);
  const capacity = shownWeeks.reduce((sum, w) => sum + w.capacityMinutes, 0);
  const overWeek = overload.weeks.length > 0;
  const overDays = overload.days.length;
  const bars = dayBars(entry, range.days, timeZone);
  const projectMinutes = projectId ? shownWeeks.reduce((sum, w) => sum + (w.byProject[projectId] ?? 0), 0) : 0;
  const isSelected = selection?.memberId === member.id;
  const headingId = `workload-${member.id}`;
  const dragFrom = active?.data.current?.memberId as string | undefined;
  const dropTarget = active !== null && dragFrom !== member.id;
  return (
    <li
      ref={setNodeRef}
      className={`workload-row${overWeek ? ' workload-row--over' : overDays > 0 ? ' workload-row--over-day' : ''}${isSelected ? ' workload-row--selected' : ''}${dropTarget ? ' workload-row--drop' : ''}${isOver && dropTarget ? ' workload-row--drop-over' : ''}`}
      aria-labelledby={headingId}
    >
      <div className="workload-row__who">
        <h2 className="workload-row__name" id={headingId}>
          <button type="button" className="link-button workload-row__open" aria-expanded={isSelected && selection?.date === null} onClick={() => onSelect({ memberId: member.id, date: null })}>
            {member.name}
          </button>
        </h2>
        <p className="workload-row__roles">{member.roles.map((r) => MEMBER_ROLE_LABELS[r]).join(', ') || 'No role'}</p>
      </div>
      <div className="workload-row__load">
        <p className="workload-row__figures">
          <span className={`workload-row__booked${overWeek ? ' workload-row__booked--over' : ''}`}>{hours(booked)}</span>
          <span className="workload-row__of"> of {capacity > 0 ? hours(capacity) : 'no capacity set'}</span>
        </p>
        <p className="workload-row__flags">
          {overWeek ? (
            <span className="tag tag--danger">
              <span aria-hidden="true">▲ </span>
              {range.span === 1 ? `Over the week by ${hours(booked - capacity)}` : `Over capacity in ${plural(overload.weeks.length, 'week')}`}
            </span>
          ) : null}
          {overDays > 0 ? <span className="tag tag--warning">{`Over a day’s share on ${plural(overDays, 'day')}`}</span> : null}
          {!overWeek && overDays === 0 && capacity > 0 ? <span className="workload-row__free">{hours(Math.max(0, capacity - booked))} free</span> : null}
          {projectName && projectMinutes > 0 ? <span className="workload-row__project">{`${projectName}: ${hours(projectMinutes)}`}</span> : null}
        </p>
      </div>
      <div className={`workload-row__days workload-row__days--${range.span === 1 ? 'week' : 'month'}`}>
        <DayChart days={bars} maxMinutes={maxMinutes} selected={isSelected ? selection?.date ?? null : null} onPick={(date) => onSelect({ memberId: member.id, date })} />
        {range.span === 1 ? (
          <ol className="day-cells" aria-label={`${member.name}, day by day`}>
            {bars.map((bar, i) => (
              <li key={bar.date}>
                <button
                  type="button"
                  className={`day-cell${bar.over ? ' day-cell--over' : ''}${bar.bookedMinutes === 0 ? ' day-cell--free' : ''}`}
                  aria-pressed={isSelected && selection?.date === bar.date}
                  onClick={() => onSelect({ memberId: member.id, date: bar.date })}
                >
                  {/* Named by the words, not by the short cell shown (no aria-label that would differ from it). */}
                  <span className="visually-hidden">{`${WEEKDAYS[i]} ${bar.label.split(' ')[1] ?? ''}: ${hours(bar.bookedMinutes)} booked of ${hours(bar.capacityMinutes)}${bar.over ? ', over a day’s share' : ''}. Show what it is.`}</span>
                  <span className="day-cell__name" aria-hidden="true">{bar.label.split(' ')[0]}</span>
                  <span className="day-cell__hours" aria-hidden="true">{bar.bookedMinutes === 0 ? '–' : hours(bar.bookedMinutes).replace(' h', '')}</span>
                </button>
              </li>
            ))}
          </ol>
        ) : (
          <ol className="day-cells day-cells--weeks" aria-label={`${member.name}, week by week`}>
            {range.weeks.map((key) => {
              const week = entry.weeks.find((w) => w.week === key);
              const over = week?.overCapacity ?? false;
              return (
                <li key={key}>
                  <span className={`day-cell day-cell--week${over ? ' day-cell--over' : ''}`}>
                    <span className="day-cell__name">{`W${Number(key.split('-W')[1])}`}</span>
                    <span className="day-cell__hours">{`${hours(week?.bookedMinutes ?? 0).replace(' h', '')} / ${hours(week?.capacityMinutes ?? 0)}`}</span>
                    <span className="visually-hidden">{over ? ', over the week’s capacity' : ''}</span>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </li>
  );
}
