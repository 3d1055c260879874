import type { Member, Session, SessionStatus, SessionTemplate, Studio } from '@patchbay/shared';
import { SESSION_STATUSES, SESSION_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { HOLD_LABELS } from '@patchbay/shared/domain/holds';
import { MAX_PREP_MINUTES } from '@patchbay/shared/domain/availability';
import { addDays, formatClock, localDateKey, localDateOf, zonedTimeToInstant } from '@patchbay/shared/domain/time-zone';
import { useId, useState, type FormEvent } from 'react';
import { bookingConflicts } from '../api/client';
import type { BookingConflict, SessionCreateInput, SessionPatchInput } from '../api/types';
import { usePermissions } from '../auth/auth-context';
import { useFormState } from '../lib/use-form';
import { formatDay, zoneAbbreviation } from '../lib/time';
import { AvailabilityHint, BookingAvailability } from './booking-availability';
import { loadWithSession, personHintText, personOptionLabel, roomHintText, roomOptionLabel } from './booking-labels';
import { Field, FormError } from './field';
import { useBookingCheck, type BookingCheckState, type BookingQuestion } from './use-booking-check';
import './book-session-form.css';
import './hold-control.css';

const NONE = '';
const MAX_HOURS = 24;

type SessionField =
  | 'title' | 'projectId' | 'roomId' | 'date' | 'startTime' | 'endTime' | 'endsAt' | 'startsAt' | 'producerId' | 'engineerId' | 'status'
  | 'endsNextDay' | 'hold' | 'holdUntil' | 'holdUntilDate' | 'holdUntilTime' | 'prepMinutes' | 'teardownMinutes';

/** How firm a new booking is. */
export type NewBookingHold = 'CONFIRMED' | 'FIRST_HOLD' | 'SECOND_HOLD';
const HOLD_CHOICES: readonly { value: NewBookingHold; label: string }[] = [
  { value: 'CONFIRMED', label: 'Confirmed' },
  { value: 'FIRST_HOLD', label: '1st hold (pencilled in)' },
  { value: 'SECOND_HOLD', label: '2nd hold (behind a 1st hold)' },
];

export interface SessionFormValues {
  title: string;
  projectId: string;
  roomId: string;
  /** Local date in the studio zone, 'YYYY-MM-DD'. */
  date: string;
  /** 'HH:MM', studio time. */
  startTime: string;
  endTime: string;
  /** The end is on the day after `date` (a session across midnight); never guessed from the times. */
  endsNextDay: boolean;
  producerId: string;
  engineerId: string;
  status: SessionStatus;
  hold: NewBookingHold;
  /** A hold's release deadline, studio time; both empty: the default (a week ahead). */
  holdUntilDate: string;
  holdUntilTime: string;
  /** Minutes as typed; empty: the room's (or template's) default. */
  prepMinutes: string;
  teardownMinutes: string;
}

/** The window in instants, in the studio's time zone: the end is on the same day unless "ends the next day" is ticked. */
export function sessionWindow(values: Pick<SessionFormValues, 'date' | 'startTime' | 'endTime'> & { endsNextDay?: boolean }, timeZone: string): { startsAt: Date; endsAt: Date; overnight: boolean } | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date);
  const start = /^(\d{2}):(\d{2})$/.exec(values.startTime);
  const end = /^(\d{2}):(\d{2})$/.exec(values.endTime);
  if (!date || !start || !end) return null;
  const day = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
  const startsAt = zonedTimeToInstant({ ...day, hour: Number(start[1]), minute: Number(start[2]) }, timeZone);
  const overnight = values.endsNextDay === true;
  const endDay = overnight ? addDays(day, 1) : day;
  const endsAt = zonedTimeToInstant({ ...endDay, hour: Number(end[1]), minute: Number(end[2]) }, timeZone);
  return { startsAt, endsAt, overnight };
}

export function validateSession(values: SessionFormValues, timeZone: string): Partial<Record<SessionField, string>> {
  const errors: Partial<Record<SessionField, string>> = {};
  if (!values.title.trim()) errors.title = 'Give the session a title.';
  else if (values.title.trim().length > 160) errors.title = 'Keep the title under 160 characters.';
  if (!values.projectId) errors.projectId = 'Choose the project.';
  if (!values.roomId) errors.roomId = 'Choose the room.';
  if (!values.date) errors.date = 'Choose the day.';
  if (!values.startTime) errors.startTime = 'Enter the start time.';
  if (!values.endTime) errors.endTime = 'Enter the end time.';
  if (!errors.date && !errors.startTime && !errors.endTime) {
    const window = sessionWindow(values, timeZone);
    if (!window) errors.date = 'Enter a valid day and times.';
    else if (window.endsAt.getTime() - window.startsAt.getTime() > MAX_HOURS * 3_600_000) errors.endTime = `A session lasts at most ${MAX_HOURS} hours.`;
    else if (window.endsAt <= window.startsAt) {
      errors.endTime = values.endsNextDay ? 'The end must be after the start.' : 'The end must be after the start. For a session past midnight, tick “Ends the next day”.';
    }
  }
  for (const field of ['prepMinutes', 'teardownMinutes'] as const) {
    const text = values[field].trim();
    if (text && (!/^\d+$/.test(text) || Number(text) > MAX_PREP_MINUTES)) errors[field] = `Give minutes, from 0 to ${MAX_PREP_MINUTES}.`;
  }
  if (values.hold !== 'CONFIRMED' && (values.holdUntilDate || values.holdUntilTime)) {
    const until = holdDeadline(values, timeZone);
    if (!until) errors.holdUntilDate = 'Give both the day and the time to release by (or leave both empty).';
    else if (until.getTime() <= Date.now()) errors.holdUntilDate = 'The release deadline must be in the future.';
  }
  return errors;
}

/** A hold's release deadline as typed (studio time); null when not both given. */
export function holdDeadline(values: Pick<SessionFormValues, 'holdUntilDate' | 'holdUntilTime'>, timeZone: string): Date | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.holdUntilDate);
  const time = /^(\d{2}):(\d{2})$/.exec(values.holdUntilTime);
  if (!date || !time) return null;
  return zonedTimeToInstant({ year: Number(date[1]), month: Number(date[2]), day: Number(date[3]), hour: Number(time[1]), minute: Number(time[2]) }, timeZone);
}

const minutesOrUndefined = (text: string): number | undefined => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** The window is one the server would check: valid, after its start, at most MAX_HOURS long. */
function checkableWindow(window: ReturnType<typeof sessionWindow>): window is NonNullable<ReturnType<typeof sessionWindow>> {
  if (!window) return false;
  const ms = window.endsAt.getTime() - window.startsAt.getTime();
  return ms > 0 && ms <= MAX_HOURS * 3_600_000;
}

/** The live check's word on a chosen room, under its select. */
function roomHint(state: BookingCheckState, roomId: string, name: string | undefined, timeZone: string) {
  if (!roomId || !name) return undefined;
  if (state.phase === 'checking') return <AvailabilityHint tone="checking">Checking…</AvailabilityHint>;
  const room = state.phase === 'ready' ? state.check.rooms.find((r) => r.room.id === roomId) : undefined;
  if (!room) return undefined;
  return <AvailabilityHint tone={room.busyWith ? 'busy' : 'free'}>{roomHintText(name, room, timeZone)}</AvailabilityHint>;
}

/** The live check's word on a chosen producer or engineer, in full, under their select. */
function personHint(state: BookingCheckState, memberId: string, name: string | undefined, window: ReturnType<typeof sessionWindow>, timeZone: string) {
  if (!memberId || !name) return undefined;
  if (state.phase === 'checking') return <AvailabilityHint tone="checking">Checking…</AvailabilityHint>;
  if (state.phase !== 'ready' || !window) return undefined;
  const person = state.check.people.find((p) => p.member.id === memberId);
  if (!person) return undefined;
  const load = loadWithSession(person, state.check, window, timeZone);
  const tone = person.busyWith ? 'busy' : load.overWeek || load.overDay ? 'over' : 'free';
  return <AvailabilityHint tone={tone}>{personHintText(name, person, state.check, window, timeZone)}</AvailabilityHint>;
}

/** People who may produce / engineer a session, as the server checks it. */
const canProduce = (m: Member) => m.roles.includes('PRODUCER') || m.skills.includes('production');
const canEngineer = (m: Member) => m.roles.includes('ENGINEER') || m.roles.includes('ASSISTANT_ENGINEER') || m.skills.includes('engineering');

export function valuesFromSession(session: Session, timeZone: string): SessionFormValues {
  const start = new Date(session.startsAt);
  const end = new Date(session.endsAt);
  const until = session.holdUntil ? new Date(session.holdUntil) : null;
  return {
    title: session.title,
    projectId: session.project.id,
    roomId: session.room.id,
    date: localDateKey(localDateOf(start, timeZone)),
    startTime: formatClock(start, timeZone),
    endTime: formatClock(end, timeZone),
    endsNextDay: localDateKey(localDateOf(end, timeZone)) !== localDateKey(localDateOf(start, timeZone)),
    producerId: session.producer?.id ?? NONE,
    engineerId: session.engineer?.id ?? NONE,
    status: session.status,
    hold: session.hold === 'FIRST_HOLD' || session.hold === 'SECOND_HOLD' ? session.hold : 'CONFIRMED',
    holdUntilDate: until ? localDateKey(localDateOf(until, timeZone)) : '',
    holdUntilTime: until ? formatClock(until, timeZone) : '',
    prepMinutes: String(session.prepMinutes),
    teardownMinutes: String(session.teardownMinutes),
  };
}

function emptyValues(timeZone: string, defaults: Partial<SessionFormValues>): SessionFormValues {
  const tomorrow = addDays(localDateOf(new Date(), timeZone), 1);
  return {
    title: '', projectId: '', roomId: '', date: localDateKey(tomorrow), startTime: '10:00', endTime: '18:00', endsNextDay: false,
    producerId: NONE, engineerId: NONE, status: 'PLANNED', hold: 'CONFIRMED', holdUntilDate: '', holdUntilTime: '', prepMinutes: '', teardownMinutes: '',
    ...defaults,
  };
}

export interface BookSessionFormProps {
  studio: Studio;
  /** Projects the member may book for (producers: the ones they lead). */
  projectIds?: readonly string[];
  /** Editing an existing session; otherwise booking a new one. */
  session?: Session;
  defaults?: Partial<SessionFormValues>;
  /** Templates to book from (a new session only): their tasks and setup list come with it. */
  templates?: readonly SessionTemplate[];
  onCreate?: (input: SessionCreateInput) => Promise<Session>;
  onUpdate?: (sessionId: string, patch: SessionPatchInput) => Promise<Session>;
  onSaved: (session: Session) => void;
  onCancel: () => void;
}

/** Book a session (or change one): times in studio time; double bookings are refused by name. */
/** "5 tasks, 12 inputs, 4 patch lines, 6 steps": what booking from a template adds. */
export function templateSummary(t: SessionTemplate): string {
  const parts = [
    [t.tasks.length, 'task', 'tasks'],
    [t.inputs.length, 'input', 'inputs'],
    [t.patches.length, 'patch line', 'patch lines'],
    [t.checks.length, 'checklist step', 'checklist steps'],
  ] as const;
  const listed = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return listed.length ? listed.join(', ') : 'nothing yet';
}

/** "HH:MM" `minutes` after "HH:MM" (wrapping past midnight). */
function clockPlus(time: string, minutes: number): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return time;
  const total = (Number(m[1]) * 60 + Number(m[2]) + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The end time and day of a session `minutes` long from "HH:MM" (a template's length). */
function endAfter(time: string, minutes: number): Pick<SessionFormValues, 'endTime' | 'endsNextDay'> {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return { endTime: clockPlus(time, minutes), endsNextDay: m ? Number(m[1]) * 60 + Number(m[2]) + minutes >= 24 * 60 : false };
}

export function BookSessionForm({ studio, projectIds, session, defaults = {}, templates = [], onCreate, onUpdate, onSaved, onCancel }: BookSessionFormProps) {
  const id = useId();
  const timeZone = studio.timezone;
  const [values, setValues] = useState<SessionFormValues>(() => (session ? valuesFromSession(session, timeZone) : emptyValues(timeZone, defaults)));
  const [conflicts, setConflicts] = useState<BookingConflict[]>([]);
  const [templateId, setTemplateId] = useState('');
  const template = templates.find((t) => t.id === templateId);
  const { errors, formError, submitting, formRef, run, clearError } = useFormState<SessionField>();

  const set = <K extends keyof SessionFormValues>(field: K, value: SessionFormValues[K]) => {
    // With a template chosen, the end follows the start (the template's length).
    setValues((prev) => ({ ...prev, [field]: value, ...(field === 'startTime' && template ? endAfter(String(value), template.durationMinutes) : {}) }));
    clearError(field);
    if (field === 'holdUntilTime') clearError('holdUntilDate');
    if (field === 'date' || field === 'startTime' || field === 'endTime' || field === 'endsNextDay') {
      clearError('startsAt');
      clearError('endsAt');
    }
    // The server's clash list was about the slot as it was; the live check speaks for the new one.
    if (['date', 'startTime', 'endTime', 'endsNextDay', 'roomId', 'producerId', 'engineerId', 'hold', 'prepMinutes', 'teardownMinutes'].includes(field)) setConflicts([]);
  };

  const projects = studio.projects.filter((p) => !projectIds || projectIds.includes(p.id) || p.id === session?.project.id);
  const producers = studio.members.filter(canProduce);
  const engineers = studio.members.filter(canEngineer);
  const window = sessionWindow(values, timeZone);
  const isHeld = session ? session.hold === 'FIRST_HOLD' || session.hold === 'SECOND_HOLD' : values.hold !== 'CONFIRMED';

  // The live check of the slot as it is typed (only for people the server lets check: those who may book).
  const mayCheck = usePermissions().can('sessions.create');
  const prepMinutes = minutesOrUndefined(values.prepMinutes);
  const teardownMinutes = minutesOrUndefined(values.teardownMinutes);
  const question: BookingQuestion | null =
    mayCheck && checkableWindow(window)
      ? {
          startsAt: window.startsAt.toISOString(),
          endsAt: window.endsAt.toISOString(),
          roomId: values.roomId || null,
          producerId: values.producerId || null,
          engineerId: values.engineerId || null,
          sessionId: session?.id ?? null,
          ...(prepMinutes !== undefined ? { prepMinutes } : {}),
          ...(teardownMinutes !== undefined ? { teardownMinutes } : {}),
          ...(session ? {} : { hold: values.hold }),
        }
      : null;
  const availability = useBookingCheck(question, { paused: submitting });
  const check = availability.phase === 'ready' ? availability.check : null;
  const roomName = (roomId: string) => studio.rooms.find((r) => r.id === roomId)?.name;
  const memberName = (memberId: string) => studio.members.find((m) => m.id === memberId)?.name;
  const chosenNames = [roomName(values.roomId), memberName(values.producerId), memberName(values.engineerId)].filter((n): n is string => Boolean(n));
  const roomLabel = (r: { id: string; name: string }) => (check ? roomOptionLabel(r.name, check.rooms.find((x) => x.room.id === r.id), timeZone) : r.name);
  const personLabel = (m: Member) =>
    check && window ? personOptionLabel(m.name, check.people.find((p) => p.member.id === m.id), check, window, timeZone) : m.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setConflicts([]);
    const found = validateSession(values, timeZone);
    await run(
      found,
      async () => {
        const w = sessionWindow(values, timeZone)!;
        const until = values.hold !== 'CONFIRMED' ? holdDeadline(values, timeZone) : null;
        const body = {
          title: values.title.trim(),
          projectId: values.projectId,
          roomId: values.roomId,
          startsAt: w.startsAt.toISOString(),
          endsAt: w.endsAt.toISOString(),
          producerId: values.producerId || null,
          engineerId: values.engineerId || null,
          ...(prepMinutes !== undefined ? { prepMinutes } : {}),
          ...(teardownMinutes !== undefined ? { teardownMinutes } : {}),
          ...(until ? { holdUntil: until.toISOString() } : {}),
        };
        const saved = session
          ? await onUpdate!(session.id, { ...body, status: values.status, ...(isHeld ? {} : { holdUntil: undefined }) })
          : await onCreate!({ ...body, hold: values.hold, ...(templateId ? { templateId } : {}) });
        onSaved(saved);
      },
      (err) => {
        const clashes = bookingConflicts(err);
        if (clashes.length === 0) return false;
        setConflicts(clashes);
        return true;
      },
    );
  };

  const zone = window ? `${timeZone.replaceAll('_', ' ')} (${zoneAbbreviation(timeZone, window.startsAt)})` : timeZone.replaceAll('_', ' ');
  const room = studio.rooms.find((r) => r.id === values.roomId);
  const prepDefault = session?.prepMinutes ?? template?.prepMinutes ?? room?.prepMinutes ?? 0;
  const teardownDefault = session?.teardownMinutes ?? template?.teardownMinutes ?? room?.teardownMinutes ?? 0;
  const span = window ? { call: new Date(window.startsAt.getTime() - (prepMinutes ?? prepDefault) * 60_000), clear: new Date(window.endsAt.getTime() + (teardownMinutes ?? teardownDefault) * 60_000) } : null;
  const prepHint = span ? `Call ${formatClock(span.call, timeZone)} · clear ${formatClock(span.clear, timeZone)}${values.prepMinutes || values.teardownMinutes ? '' : ' (room defaults)'}` : undefined;
  const endHint = window?.overnight ? `Ends ${formatDay(window.endsAt, timeZone)}.` : undefined;
  const firstHolds = check?.firstHolds ?? [];
  const holdHint =
    values.hold === 'SECOND_HOLD'
      ? firstHolds.length > 0
        ? `Queues behind the 1st hold “${firstHolds[0]!.title}”. It takes no one’s time until it moves up or is confirmed.`
        : check
          ? 'There is no 1st hold on this room then: a 2nd hold is not possible.'
          : undefined
      : firstHolds.length > 0
        ? `${room?.name ?? 'The room'} has a 1st hold then (“${firstHolds[0]!.title}”): book a 2nd hold to queue behind it.`
        : values.hold === 'FIRST_HOLD'
          ? 'Pencilled in: the room and people are held until you confirm or release it.'
          : undefined;
  return (
    <section className="book-session" aria-labelledby={`${id}-heading`}>
      <form ref={formRef} className="book-session__form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="book-session__head">
          <h2 className="book-session__heading" id={`${id}-heading`}>
            {session ? `Edit “${session.title}”` : 'Book a session'}
          </h2>
          <p className="book-session__intro">Times are studio time: {zone}.</p>
        </div>
        {!session && templates.length > 0 ? (
          <Field
            label="From a template"
            hint={template ? `Adds ${templateSummary(template)}; tasks are routed by the rules.` : 'Optional: its tasks and setup list come with the booking.'}
            className="book-session__title"
          >
            {(c) => (
              <select
                {...c}
                className="input"
                value={templateId}
                onChange={(e) => {
                  const next = templates.find((t) => t.id === e.target.value);
                  setTemplateId(e.target.value);
                  if (!next) return;
                  // The title follows the template unless someone typed their own.
                  setValues((prev) => ({ ...prev, title: !prev.title.trim() || prev.title === template?.name ? next.name : prev.title, ...endAfter(prev.startTime, next.durationMinutes) }));
                  clearError('title');
                  clearError('endTime');
                  setConflicts([]);
                }}
              >
                <option value="">No template</option>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label="Title" error={errors.title} className="book-session__title">
          {(c) => (
            <input {...c} className="input" autoComplete="off" placeholder="e.g. Drum tracking" value={values.title} onChange={(e) => set('title', e.target.value)} />
          )}
        </Field>
        <Field label="Project" error={errors.projectId}>
          {(c) => (
            <select {...c} className="input" value={values.projectId} onChange={(e) => set('projectId', e.target.value)}>
              <option value="">{projects.length === 0 ? 'No project you can book for' : 'Choose a project…'}</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.artist} – {p.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Room" error={errors.roomId} hint={roomHint(availability, values.roomId, roomName(values.roomId), timeZone)}>
          {(c) => (
            <select {...c} className="input" value={values.roomId} onChange={(e) => set('roomId', e.target.value)}>
              <option value="">Choose a room…</option>
              {studio.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {roomLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Day" error={errors.date ?? errors.startsAt}>
          {(c) => <input {...c} className="input" type="date" value={values.date} onChange={(e) => set('date', e.target.value)} />}
        </Field>
        <Field label="Starts" error={errors.startTime}>
          {(c) => <input {...c} className="input" type="time" step={300} value={values.startTime} onChange={(e) => set('startTime', e.target.value)} />}
        </Field>
        <Field label="Ends" hint={endHint} error={errors.endTime ?? errors.endsAt}>
          {(c) => <input {...c} className="input" type="time" step={300} value={values.endTime} onChange={(e) => set('endTime', e.target.value)} />}
        </Field>
        <label className="book-session__check">
          <input type="checkbox" checked={values.endsNextDay} onChange={(e) => set('endsNextDay', e.target.checked)} />
          <span>Ends the next day</span>
        </label>
        <Field label="Producer" error={errors.producerId} hint={personHint(availability, values.producerId, memberName(values.producerId), window, timeZone)}>
          {(c) => (
            <select {...c} className="input" value={values.producerId} onChange={(e) => set('producerId', e.target.value)}>
              <option value={NONE}>None</option>
              {producers.map((m) => (
                <option key={m.id} value={m.id}>
                  {personLabel(m)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Engineer" error={errors.engineerId} hint={personHint(availability, values.engineerId, memberName(values.engineerId), window, timeZone)}>
          {(c) => (
            <select {...c} className="input" value={values.engineerId} onChange={(e) => set('engineerId', e.target.value)}>
              <option value={NONE}>None</option>
              {engineers.map((m) => (
                <option key={m.id} value={m.id}>
                  {personLabel(m)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Prep (min)" error={errors.prepMinutes} hint={prepHint}>
          {(c) => <input {...c} className="input" inputMode="numeric" placeholder={String(prepDefault)} value={values.prepMinutes} onChange={(e) => set('prepMinutes', e.target.value)} />}
        </Field>
        <Field label="Teardown (min)" error={errors.teardownMinutes}>
          {(c) => <input {...c} className="input" inputMode="numeric" placeholder={String(teardownDefault)} value={values.teardownMinutes} onChange={(e) => set('teardownMinutes', e.target.value)} />}
        </Field>
        {session ? (
          <div className="book-session__hold-state">
            <span className="book-session__label">Booking</span>
            <span className={`tag hold-tag hold-tag--${session.hold.toLowerCase()}`}>{HOLD_LABELS[session.hold]}</span>
          </div>
        ) : (
          <Field label="Booking" error={errors.hold} hint={holdHint} className="book-session__title">
            {(c) => (
              <select {...c} className="input" value={values.hold} onChange={(e) => set('hold', e.target.value as NewBookingHold)}>
                {HOLD_CHOICES.map((h) => (
                  <option key={h.value} value={h.value}>
                    {h.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {isHeld ? (
          <>
            <Field label="Release by (day)" error={errors.holdUntilDate ?? errors.holdUntil} hint="Not confirmed by then, the hold is released by itself. Empty: a week from now.">
              {(c) => <input {...c} className="input" type="date" value={values.holdUntilDate} onChange={(e) => set('holdUntilDate', e.target.value)} />}
            </Field>
            <Field label="Release by (time)" error={errors.holdUntilTime}>
              {(c) => <input {...c} className="input" type="time" step={300} value={values.holdUntilTime} onChange={(e) => set('holdUntilTime', e.target.value)} />}
            </Field>
          </>
        ) : null}
        {session ? (
          <Field label="Status" error={errors.status}>
            {(c) => (
              <select {...c} className="input" value={values.status} onChange={(e) => set('status', e.target.value as SessionStatus)}>
                {SESSION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {SESSION_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}

        <div className="book-session__conflicts" role="alert">
          {conflicts.length > 0 ? (
            <div className="form-error__text">
              <p>
                <strong>{conflicts.length === 1 ? 'This is a double booking:' : `This is a double booking (${conflicts.length} clashes):`}</strong>
              </p>
              <ul className="form-error__list">
                {conflicts.map((c, i) => (
                  <li key={`${c.sessionId}-${c.kind}-${i}`}>{c.message}</li>
                ))}
              </ul>
              <p className="book-session__conflict-hint">Change the time, the room or the people, then try again.</p>
            </div>
          ) : null}
        </div>
        <div className="book-session__footer">
          <BookingAvailability id={`${id}-availability`} state={availability} names={chosenNames} clashesShownAbove={conflicts.length > 0} />
          <FormError message={conflicts.length > 0 ? null : formError} />
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={submitting} aria-describedby={mayCheck ? `${id}-availability` : undefined}>
            {submitting ? 'Saving…' : session ? 'Save changes' : values.hold === 'FIRST_HOLD' ? 'Pencil in (1st hold)' : values.hold === 'SECOND_HOLD' ? 'Book 2nd hold' : 'Confirm booking'}
          </button>
        </div>
      </form>
    </section>
  );
}
