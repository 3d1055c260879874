import type { TaskCandidates } from '@patchbay/shared';
import { formatHours } from '@patchbay/shared/domain/time-zone';
import { hours } from '../lib/format';
import { BLOCKER_LABELS, busyText } from './routing-preview';

type Routing = TaskCandidates['routing'];

/** One person's figures around a task, from routing's candidates answer. */
export type PersonFigures =
  | ({ kind: 'candidate' } & Routing['candidates'][number])
  | ({ kind: 'blocked' } & Routing['ineligible'][number]);

export function figuresByMember(data: TaskCandidates | undefined): ReadonlyMap<string, PersonFigures> {
  const map = new Map<string, PersonFigures>();
  if (!data) return map;
  for (const c of data.routing.candidates) map.set(c.member.id, { kind: 'candidate', ...c });
  for (const b of data.routing.ineligible) map.set(b.member.id, { kind: 'blocked', ...b });
  return map;
}

/** "30 of 40 h this week", or "over capacity: 46 of 40 h". */
function weekText(booked: number, capacity: number): { text: string; over: boolean } {
  const over = capacity > 0 && booked > capacity;
  return over ? { text: `over capacity: ${formatHours(booked)} of ${hours(capacity)}`, over } : { text: `${formatHours(booked)} of ${hours(capacity)} this week`, over };
}

/**
 * A person's line in the list: their week against capacity (the current assignee's with the
 * task), whether they are free when the task happens, and why routing rules them out.
 */
export function PersonLoad({
  person,
  current,
  timeZone,
}: {
  person: PersonFigures;
  /** Set for the current assignee: their week with the task in it. */
  current: TaskCandidates['current'];
  timeZone: string;
}) {
  const week = current ? weekText(current.bookedMinutes, current.capacityMinutes) : weekText(person.bookedMinutes, person.capacityMinutes);
  const busy = person.kind === 'blocked' ? person.busyWith : null;
  const blockers = person.kind === 'blocked' && !current ? person.blockers.filter((code) => code !== 'double_booked' || !busy) : [];
  return (
    <span className="assign-dialog__load">
      <span className={week.over ? 'assign-dialog__over' : undefined}>{week.text}</span>
      {' · '}
      {busy ? <span className="assign-dialog__busy">{busyText(busy, timeZone)}</span> : <span className="assign-dialog__free">free then</span>}
      {blockers.map((code) => (
        <span key={code} className="tag tag--danger assign-dialog__blocker">
          <span className="visually-hidden">, </span>
          {BLOCKER_LABELS[code] ?? code.replaceAll('_', ' ')}
        </span>
      ))}
    </span>
  );
}

/** "Sam Reyes: 30 → 32 h of 40 this week", or "no change, Theo runs the session". */
export function HoursChange({ name, before, after, capacity, staffs }: { name: string; before: number; after: number; capacity: number; staffs: boolean }) {
  if (before === after) {
    const first = name.split(' ')[0] ?? name;
    return (
      <li className="assign-dialog__change">
        <strong>{name}</strong>: {staffs ? `no change, ${first} runs the session` : 'no change to their hours'}
      </li>
    );
  }
  const over = capacity > 0 && after > capacity;
  return (
    <li className={over ? 'assign-dialog__change assign-dialog__change--over' : 'assign-dialog__change'}>
      <strong>{name}</strong>: {formatHours(before)} → {formatHours(after)} h of {formatHours(capacity)} this week
      {over ? ' (over capacity)' : ''}
    </li>
  );
}
