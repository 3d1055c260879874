import type { CreateTaskInput, Member, MemberRole, Task } from '@patchbay/shared';
import { MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { TASK_TITLE_COUNT_FROM, TASK_TITLE_MAX } from '@patchbay/shared/domain/task-limits';
import { useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { ApiError } from '../api/http';
import { PausedLine, useBoardPaused } from '../board/board-paused';
import type { TaskKindInfo } from '../lib/labels';
import { formatMinutes } from '../lib/time';
import { RoutingPreviewPanel, type LoadRoutingPreview } from './routing-preview';
import { startTimeError, startsAtFromClock, type SessionWindow } from './task-time';
import { useEscape } from '../lib/use-escape';
import { TaskTimeField } from './task-time-field';
import { CharactersLeft } from './characters-left';
import './new-task-form.css';

const AUTO = 'auto';
const NONE = 'none';
const NOTES_MAX = 5000;
const ESTIMATE_MAX = 24 * 60;
const NOTE_MAX = 500;

/** The estimate as whole minutes when it is a valid one, else null (the kind's default). */
function estimateOf(text: string): number | null {
  const minutes = Number(text.trim());
  return text.trim() && Number.isInteger(minutes) && minutes >= 1 && minutes <= ESTIMATE_MAX ? minutes : null;
}

type Field = 'kind' | 'title' | 'estimate' | 'startsAt' | 'notes' | 'assignmentNote';
type FieldErrors = Partial<Record<Field, string>>;

export interface NewTaskValues {
  kind: string;
  title: string;
  assignee: string;
  estimate: string;
  notes: string;
  /** Why this person, when chosen by hand (kept in the assignment history). */
  assignmentNote?: string;
  /** A time of its own ('HH:MM', studio time, on the session's day); empty: any time during the session. */
  startsAt?: string;
}

/** What a start time is read against: the session, the studio zone, the kind's default estimate. */
export interface TaskTimeContext {
  session: SessionWindow;
  timeZone: string;
  /** The slot's length when the estimate is left empty (the server uses the kind's default). */
  defaultEstimateMinutes?: number | null;
}

/** Checks the form; returns the errors per field (empty when valid). */
export function validateNewTask(values: NewTaskValues, time?: TaskTimeContext): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.kind) errors.kind = 'Choose what kind of task this is.';
  const title = values.title.trim();
  if (!title) errors.title = 'Give the task a title.';
  else if (title.length > TASK_TITLE_MAX) errors.title = `Keep the title to ${TASK_TITLE_MAX} characters or fewer.`;
  const estimate = values.estimate.trim();
  if (estimate) {
    const minutes = Number(estimate);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > ESTIMATE_MAX) {
      errors.estimate = `Enter whole minutes between 1 and ${ESTIMATE_MAX}.`;
    }
  }
  const startsAt = values.startsAt?.trim() ?? '';
  if (startsAt && time) {
    // An empty estimate is the kind's default; an invalid one is the estimate's error already.
    const minutes = estimate ? estimateOf(estimate) : (time.defaultEstimateMinutes ?? null);
    if (!errors.estimate) {
      const error = startTimeError(startsAt, minutes, time.session, time.timeZone);
      if (error) errors.startsAt = error;
    } else if (startsAtFromClock(startsAt, time.session, time.timeZone) === null) errors.startsAt = 'Enter a time like 14:30, or leave it empty.';
  }
  if (values.notes.length > NOTES_MAX) errors.notes = `Keep notes under ${NOTES_MAX} characters.`;
  if ((values.assignmentNote ?? '').trim().length > NOTE_MAX) errors.assignmentNote = `Keep the note under ${NOTE_MAX} characters.`;
  return errors;
}

/** The request body for valid form values: assignee omitted lets the server route the task. */
export function toCreateTaskInput(values: NewTaskValues, time?: Pick<TaskTimeContext, 'session' | 'timeZone'>): CreateTaskInput {
  const input: CreateTaskInput = { kind: values.kind, title: values.title.trim() };
  const notes = values.notes.trim();
  if (notes) input.notes = notes;
  if (values.assignee === NONE) input.assigneeId = null;
  else if (values.assignee !== AUTO) {
    input.assigneeId = values.assignee;
    const note = (values.assignmentNote ?? '').trim();
    if (note) input.assignmentNote = note;
  }
  if (values.estimate.trim()) input.estimateMinutes = Number(values.estimate.trim());
  const startsAt = values.startsAt?.trim() && time ? startsAtFromClock(values.startsAt, time.session, time.timeZone) : null;
  if (startsAt) input.startsAt = startsAt;
  return input;
}

/** The browser's own zone (when the form is not told the studio's). */
function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const ROLE_GROUP_ORDER: readonly MemberRole[] = ['ENGINEER', 'ASSISTANT_ENGINEER', 'PRODUCER'];
const ROLE_GROUP_LABELS: Record<MemberRole, string> = {
  ENGINEER: 'Engineers',
  ASSISTANT_ENGINEER: 'Assistant engineers',
  PRODUCER: 'Producers',
};

/** Maps server validation issues (details.issues[].path) onto the form's fields. */
function serverFieldErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return {};
  const issues = (err.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues ?? [];
  const errors: FieldErrors = {};
  const fieldOf: Record<string, Field> = { kind: 'kind', title: 'title', estimateMinutes: 'estimate', startsAt: 'startsAt', notes: 'notes', assignmentNote: 'assignmentNote' };
  for (const issue of issues) {
    const field = typeof issue.path === 'string' ? fieldOf[issue.path] : undefined;
    if (field && typeof issue.message === 'string') errors[field] = `The server says: ${issue.message}.`;
  }
  return errors;
}

export interface NewTaskFormProps {
  kinds: readonly TaskKindInfo[] | undefined;
  members: readonly Member[];
  onCreate: (input: CreateTaskInput) => Promise<Task>;
  onCreated: (task: Task) => void;
  onClose: () => void;
  /** Asks the server who routing would pick (shown live while "Route automatically" is chosen). */
  previewRouting?: LoadRoutingPreview;
  /** Changes when the board changes (a task added or moved): the preview is asked again. */
  previewKey?: number;
  /** The session the task is for: with it the form offers a start time within it. */
  session?: SessionWindow;
  /** Studio time zone (start times are read in it); the browser's when not given. */
  timeZone?: string;
}

export function NewTaskForm({ kinds, members, onCreate, onCreated, onClose, previewRouting, previewKey = 0, session, timeZone: givenZone }: NewTaskFormProps) {
  // Escape closes the form (focus goes back to "New task"), as it closes a dialog.
  const escapeRef = useEscape<HTMLFormElement>(onClose);
  const id = useId();
  const [values, setValues] = useState<NewTaskValues>({ kind: '', title: '', assignee: AUTO, estimate: '', startsAt: '', notes: '', assignmentNote: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const paused = useBoardPaused();
  const kindRef = useRef<HTMLSelectElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const estimateRef = useRef<HTMLInputElement>(null);
  const startsAtRef = useRef<HTMLInputElement>(null);
  const timeZone = givenZone ?? browserTimeZone();
  const notesRef = useRef<HTMLTextAreaElement>(null);

  const set = (field: keyof NewTaskValues) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    if (field in errors) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const selectedKind = kinds?.find((k) => k.key === values.kind);
  const technical = kinds?.filter((k) => k.category === 'technical') ?? [];
  const creative = kinds?.filter((k) => k.category === 'creative') ?? [];
  const chosenByHand = values.assignee !== AUTO && values.assignee !== NONE;
  const time: TaskTimeContext | undefined = session ? { session, timeZone, defaultEstimateMinutes: selectedKind?.defaultEstimateMinutes ?? null } : undefined;
  // The slot's length: the estimate typed, else the kind's default (as the server does).
  const slotMinutes = values.estimate.trim() ? estimateOf(values.estimate) : (selectedKind?.defaultEstimateMinutes ?? null);
  // The preview asks about the slot only once it is one the server would take.
  const previewStartsAt =
    session && values.startsAt?.trim() && startTimeError(values.startsAt, slotMinutes, session, timeZone) === undefined
      ? startsAtFromClock(values.startsAt, session, timeZone)
      : null;
  const membersByRole = ROLE_GROUP_ORDER.map((role) => ({
    role,
    members: members.filter((m) => m.roles[0] === role).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((group) => group.members.length > 0);

  const focusFirstError = (found: FieldErrors) => {
    if (found.kind) kindRef.current?.focus();
    else if (found.title) titleRef.current?.focus();
    else if (found.estimate) estimateRef.current?.focus();
    else if (found.startsAt) startsAtRef.current?.focus();
    else if (found.notes) notesRef.current?.focus();
    else if (found.assignmentNote) document.getElementById(`${id}-assignmentNote`)?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting || paused) return;
    const found = validateNewTask(values, time);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      focusFirstError(found);
      return;
    }
    setSubmitting(true);
    try {
      const task = await onCreate(toCreateTaskInput(values, time));
      // Ready for the next one: same kind and assignee choice, fresh text and time.
      setValues((prev) => ({ ...prev, title: '', estimate: '', startsAt: '', notes: '', assignmentNote: '' }));
      onCreated(task);
      titleRef.current?.focus();
    } catch (err) {
      const fieldErrors = serverFieldErrors(err);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length > 0) focusFirstError(fieldErrors);
      else setFormError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  const describedBy = (field: Field, hint?: string) => [errors[field] ? `${id}-${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="field__error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <section className="new-task" aria-labelledby={`${id}-heading`}>
      <form
        ref={escapeRef}
        className="new-task__form"
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <div className="new-task__head">
          <h2 className="new-task__heading" id={`${id}-heading`}>
            New task
          </h2>
          <p className="new-task__intro">Leave the assignee on “Route automatically” and Patchbay picks the best-placed person, with its reason.</p>
        </div>

        <div className="field new-task__kind">
          <label className="field__label" htmlFor={`${id}-kind`}>
            Kind
          </label>
          <select
            ref={kindRef}
            id={`${id}-kind`}
            className="input"
            value={values.kind}
            required
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={describedBy('kind')}
            onChange={(e) => set('kind')(e.target.value)}
          >
            <option value="">{kinds ? 'Choose a kind…' : 'Loading kinds…'}</option>
            {technical.length > 0 ? (
              <optgroup label="Technical">
                {technical.map((k) => (
                  <option key={k.key} value={k.key}>
                    {k.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {creative.length > 0 ? (
              <optgroup label="Creative">
                {creative.map((k) => (
                  <option key={k.key} value={k.key}>
                    {k.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          {fieldError('kind')}
        </div>

        <div className="field new-task__title">
          <label className="field__label" htmlFor={`${id}-title`}>
            Title
          </label>
          <input
            ref={titleRef}
            id={`${id}-title`}
            className="input"
            type="text"
            value={values.title}
            required
            maxLength={TASK_TITLE_MAX}
            autoComplete="off"
            placeholder="e.g. Mic the kit: 12-input drum list"
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describedBy('title')}
            onChange={(e) => set('title')(e.target.value)}
          />
          <CharactersLeft length={values.title.length} max={TASK_TITLE_MAX} from={TASK_TITLE_COUNT_FROM} what="a title" />
          {fieldError('title')}
        </div>

        <div className="field new-task__assignee">
          <label className="field__label" htmlFor={`${id}-assignee`}>
            Assignee
          </label>
          <select id={`${id}-assignee`} className="input" value={values.assignee} onChange={(e) => set('assignee')(e.target.value)}>
            <option value={AUTO}>Route automatically</option>
            <option value={NONE}>Unassigned</option>
            {membersByRole.map((group) => (
              <optgroup key={group.role} label={ROLE_GROUP_LABELS[group.role]}>
                {group.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                    {m.roles.length > 1 ? ` (${m.roles.map((r) => MEMBER_ROLE_LABELS[r]).join(', ')})` : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>

        <div className="field new-task__estimate">
          <label className="field__label" htmlFor={`${id}-estimate`}>
            Estimate <span className="field__hint">(min)</span>
          </label>
          <input
            ref={estimateRef}
            id={`${id}-estimate`}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={ESTIMATE_MAX}
            step={1}
            value={values.estimate}
            placeholder={selectedKind ? `${selectedKind.defaultEstimateMinutes}` : 'Default'}
            aria-invalid={errors.estimate ? true : undefined}
            aria-describedby={describedBy('estimate', `${id}-estimate-hint`)}
            onChange={(e) => set('estimate')(e.target.value)}
          />
          <p className="visually-hidden" id={`${id}-estimate-hint`}>
            {selectedKind
              ? `Leave empty for the default of ${formatMinutes(selectedKind.defaultEstimateMinutes)}.`
              : 'Leave empty for the kind’s default.'}
          </p>
          {fieldError('estimate')}
        </div>

        {session ? (
          <TaskTimeField
            id={`${id}-startsAt`}
            className="new-task__starts"
            inputRef={startsAtRef}
            value={values.startsAt ?? ''}
            error={errors.startsAt}
            session={session}
            timeZone={timeZone}
            estimateMinutes={slotMinutes}
            onChange={set('startsAt')}
          />
        ) : null}

        {values.assignee === AUTO && previewRouting ? (
          <div className="new-task__preview">
            <RoutingPreviewPanel
              load={previewRouting}
              kind={values.kind}
              // With a slot the preview needs its length: the kind's default when left empty.
              estimateMinutes={previewStartsAt ? slotMinutes : estimateOf(values.estimate)}
              startsAt={previewStartsAt}
              timeZone={timeZone}
              refreshKey={previewKey}
            />
          </div>
        ) : null}

        {chosenByHand ? (
          <div className="field new-task__preview">
            <label className="field__label" htmlFor={`${id}-assignmentNote`}>
              Why this person? <span className="field__hint">(optional, kept in the task’s history)</span>
            </label>
            <input
              id={`${id}-assignmentNote`}
              className="input"
              type="text"
              autoComplete="off"
              value={values.assignmentNote ?? ''}
              aria-invalid={errors.assignmentNote ? true : undefined}
              aria-describedby={describedBy('assignmentNote')}
              onChange={(e) => set('assignmentNote')(e.target.value)}
            />
            {fieldError('assignmentNote')}
          </div>
        ) : null}

        <div className="field new-task__notes">
          <label className="field__label" htmlFor={`${id}-notes`}>
            Notes <span className="field__hint">(optional)</span>
          </label>
          <textarea
            ref={notesRef}
            id={`${id}-notes`}
            className="input"
            rows={2}
            value={values.notes}
            placeholder="Anything the person doing it should know"
            aria-invalid={errors.notes ? true : undefined}
            aria-describedby={describedBy('notes')}
            onChange={(e) => set('notes')(e.target.value)}
          />
          {fieldError('notes')}
        </div>

        <div className="new-task__footer">
          <div className="new-task__form-error" role="alert">
            {formError ? `Couldn't add the task: ${formError}` : null}
          </div>
          <PausedLine paused={paused} what="Adding the task" />
          <button type="button" className="button button--ghost" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button--primary" disabled={submitting || paused}>
            {submitting ? 'Adding…' : 'Add task'}
          </button>
        </div>
      </form>
    </section>
  );
}
