import type { MemberRole, Workload } from '@patchbay/shared';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { addDays, formatDay, isoWeekRange, localDateKey, localDateOf, startOfLocalDay, type LocalDate } from '@patchbay/shared/domain/time-zone';
import { useSearchParams } from 'react-router';
import { useWorkload } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { NoAccess } from '../components/no-access';
import { PageError, PageLoading } from '../components/page-state';
import { hours } from '../lib/format';
import { plural } from '../lib/labels';
import './workload-page.css';

type MemberLoad = Workload['members'][number];
type WeekLoad = MemberLoad['weeks'][number];
type DayLoad = MemberLoad['days'][number];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

function parseDateKey(key: string | null): LocalDate | null {
  const match = key ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(key) : null;
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 ? date : null;
}

/** The ISO week (studio time) shown: from ?week=YYYY-MM-DD (any day of it), else this week. */
export function weekOf(param: string | null, timeZone: string, now: Date = new Date()) {
  const date = parseDateKey(param);
  const instant = date ? startOfLocalDay(date, timeZone) : now;
  const range = isoWeekRange(instant, timeZone);
  const monday = localDateOf(range.start, timeZone);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { ...range, monday, days };
}

/** "23–29 Nov" or "30 Nov – 6 Dec". */
function weekLabel(start: Date, end: Date, timeZone: string): string {
  const first = formatDay(start, timeZone).split(' ');
  const last = formatDay(new Date(end.getTime() - 1), timeZone).split(' ');
  return first[2] === last[2] ? `${first[1]}–${last[1]} ${last[2]}` : `${first[1]} ${first[2]} – ${last[1]} ${last[2]}`;
}

const roleSlug = (role: MemberRole) => role.toLowerCase().replaceAll('_', '-');

/** Booked against capacity: a bar split by role, the capacity marked, any excess flagged. */
export function CapacityBar({
  load,
  name,
}: {
  load: Pick<WeekLoad, 'bookedMinutes' | 'capacityMinutes' | 'overCapacity'> & { byRole: Partial<Record<MemberRole, number>> };
  name: string;
}) {
  const scale = Math.max(load.bookedMinutes, load.capacityMinutes, 1);
  const pct = (minutes: number) => `${(minutes / scale) * 100}%`;
  const over = load.overCapacity;
  return (
    <div className={`capacity${over ? ' capacity--over' : ''}`} data-testid={`capacity-${name}`} aria-hidden="true">
      <div className="capacity__track">
        {MEMBER_ROLES.filter((role) => (load.byRole[role] ?? 0) > 0).map((role) => (
          <span key={role} className={`capacity__segment capacity__segment--${roleSlug(role)}`} style={{ width: pct(load.byRole[role] ?? 0) }} />
        ))}
        {over && load.capacityMinutes >= 0 ? (
          <span className="capacity__excess" style={{ left: pct(load.capacityMinutes), width: pct(load.bookedMinutes - load.capacityMinutes) }} />
        ) : null}
        {load.capacityMinutes > 0 ? <span className="capacity__marker" style={{ left: pct(load.capacityMinutes) }} /> : null}
      </div>
    </div>
  );
}

function DayStrip({ days, dates, timeZone, name }: { days: readonly DayLoad[]; dates: readonly LocalDate[]; timeZone: string; name: string }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <ol className="day-strip" aria-label={`${name}, day by day`}>
      {dates.map((date, i) => {
        const key = localDateKey(date);
        const day = byDate.get(key);
        const booked = day?.bookedMinutes ?? 0;
        const capacity = day?.capacityMinutes ?? 0;
        const over = day?.overCapacity ?? false;
        const fill = capacity > 0 ? Math.min(100, (booked / capacity) * 100) : booked > 0 ? 100 : 0;
        const label = formatDay(startOfLocalDay(date, timeZone), timeZone);
        return (
          <li key={key} className={`day-strip__day${over ? ' day-strip__day--over' : ''}${booked === 0 ? ' day-strip__day--free' : ''}`}>
            <span className="day-strip__bar" aria-hidden="true">
              <span className="day-strip__fill" style={{ height: `${fill}%` }} />
            </span>
            <span className="day-strip__name" aria-hidden="true">
              {label.slice(0, 2)}
            </span>
            <span className="day-strip__hours" aria-hidden="true">
              {booked === 0 ? '–' : hours(booked).replace(' h', '')}
            </span>
            <span className="visually-hidden">
              {`${WEEKDAYS[i]} ${label.split(' ').slice(1).join(' ')}: ${hours(booked)} booked${capacity > 0 ? ` of ${hours(capacity)}` : ''}${over ? ', over capacity' : ''}`}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function MemberRow({ entry, weekKey, dates, timeZone }: { entry: MemberLoad; weekKey: string; dates: readonly LocalDate[]; timeZone: string }) {
  const { member } = entry;
  const week: WeekLoad | undefined = entry.weeks.find((w) => w.week === weekKey) ?? entry.weeks[0];
  const booked = week?.bookedMinutes ?? 0;
  const capacity = week?.capacityMinutes ?? member.weeklyCapacityHours * 60;
  const over = week?.overCapacity ?? false;
  const headingId = `workload-${member.id}`;
  const roles = MEMBER_ROLES.filter((role) => (week?.byRole[role] ?? 0) > 0);
  return (
    <li className={`workload-row${over ? ' workload-row--over' : ''}`} aria-labelledby={headingId}>
      <div className="workload-row__who">
        <h2 className="workload-row__name" id={headingId}>
          {member.name}
        </h2>
        <p className="workload-row__roles">{member.roles.map((r) => MEMBER_ROLE_LABELS[r]).join(', ') || 'No role'}</p>
      </div>
      <div className="workload-row__load">
        <p className="workload-row__figures">
          <span className="workload-row__booked">
            {hours(booked)} <span className="workload-row__of">of {capacity > 0 ? hours(capacity) : 'no capacity set'}</span>
          </span>
          {over ? (
            <span className="tag tag--danger workload-row__flag">
              <span aria-hidden="true">▲ </span>Over capacity by {hours(booked - capacity)}
            </span>
          ) : capacity > 0 ? (
            <span className="workload-row__free">{hours(Math.max(0, capacity - booked))} free</span>
          ) : null}
        </p>
        <CapacityBar load={{ bookedMinutes: booked, capacityMinutes: capacity, byRole: week?.byRole ?? {}, overCapacity: over }} name={member.name} />
        <p className="workload-row__split">
          {roles.length === 0 ? (
            <span className="workload-row__nothing">Nothing booked this week</span>
          ) : (
            roles.map((role) => (
              <span key={role} className="workload-row__role">
                <span className={`workload-row__swatch capacity__segment--${roleSlug(role)}`} aria-hidden="true" />
                {MEMBER_ROLE_LABELS[role]} {hours(week?.byRole[role] ?? 0)}
              </span>
            ))
          )}
          {week && week.taskCount > 0 ? <span className="workload-row__tasks">{plural(week.taskCount, 'task')}</span> : null}
          {week && week.sessionMinutes > 0 ? <span className="workload-row__tasks">sessions {hours(week.sessionMinutes)}</span> : null}
          {week && week.extraTaskMinutes > 0 ? <span className="workload-row__tasks">other sessions’ tasks {hours(week.extraTaskMinutes)}</span> : null}
        </p>
      </div>
      <DayStrip days={entry.days} dates={dates} timeZone={timeZone} name={member.name} />
    </li>
  );
}

export function WorkloadPage() {
  const me = useMe();
  const permissions = usePermissions();
  const [params, setParams] = useSearchParams();
  const timeZone = me.studio.timezone;
  const week = weekOf(params.get('week'), timeZone);
  const thisWeek = weekOf(null, timeZone);
  const allowed = permissions.can('workload.viewOwn');
  const team = permissions.can('workload.viewTeam');
  const workload = useWorkload(week.start.toISOString(), week.end.toISOString(), { enabled: allowed });

  if (!allowed) return <NoAccess what="the workload" />;

  const go = (monday: LocalDate | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (monday === null) next.delete('week');
        else next.set('week', localDateKey(monday));
        return next;
      },
      { replace: true },
    );

  const members = workload.data?.members ?? [];
  const overCount = members.filter((m) => (m.weeks.find((w) => w.week === week.key) ?? m.weeks[0])?.overCapacity).length;
  const isThisWeek = week.key === thisWeek.key;
  const weekNumber = Number(week.key.split('-W')[1]);

  return (
    <div className="workload-page">
      <title>{`${team ? 'Workload' : 'Your workload'} · Patchbay`}</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">{team ? 'Workload' : 'Your workload'}</h1>
          <p className="page-heading__sub">
            Booked hours against weekly capacity: sessions staffed, plus tasks in other sessions. Times in {timeZone.replaceAll('_', ' ')}.
          </p>
        </div>
        <nav className="week-picker" aria-label="Week">
          <button type="button" className="button button--small" onClick={() => go(addDays(week.monday, -7))}>
            <span aria-hidden="true">←</span> Previous week
          </button>
          <p className="week-picker__label" aria-live="polite">
            <span className="week-picker__week">Week {weekNumber}</span> {weekLabel(week.start, week.end, timeZone)}
          </p>
          <button type="button" className="button button--small" onClick={() => go(addDays(week.monday, 7))}>
            Next week <span aria-hidden="true">→</span>
          </button>
          <button type="button" className="button button--ghost button--small" disabled={isThisWeek} onClick={() => go(null)}>
            This week
          </button>
        </nav>
      </div>

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
          {team ? (
            <p className={`workload-summary${overCount > 0 ? ' workload-summary--over' : ''}`} role="status">
              {overCount > 0 ? `${plural(overCount, 'person', 'people')} over capacity this week.` : 'Nobody is over capacity this week.'}
            </p>
          ) : null}
          <div className="workload-legend" aria-hidden="true">
            {MEMBER_ROLES.map((role) => (
              <span key={role} className="workload-legend__item">
                <span className={`workload-row__swatch capacity__segment--${roleSlug(role)}`} />
                {MEMBER_ROLE_LABELS[role]}
              </span>
            ))}
            <span className="workload-legend__item">
              <span className="workload-legend__marker" />
              Capacity
            </span>
            <span className="workload-legend__item">
              <span className="workload-row__swatch capacity__excess--swatch" />
              Over capacity
            </span>
          </div>
          {members.length === 0 ? (
            <p className="workload-empty">Nobody with a role in the studio yet.</p>
          ) : (
            <ul className="workload-list" aria-busy={workload.isFetching}>
              {members.map((entry) => (
                <MemberRow key={entry.member.id} entry={entry} weekKey={week.key} dates={week.days} timeZone={timeZone} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
