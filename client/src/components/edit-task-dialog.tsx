import type { Task } from '@patchbay/shared';
import { TASK_TITLE_COUNT_FROM, TASK_TITLE_MAX } from '@patchbay/shared/domain/task-limits';
import { useId, useState, type FormEvent } from 'react';
import { useBoardPaused } from '../board/board-paused';
import type { TaskEdits } from '../board/optimistic';
import { fromZonedInputValue, toZonedInputValue, zoneAbbreviation } from '../lib/time';
import { Dialog } from './dialog';
import { CharactersLeft } from './characters-left';
import { Field, focusFirstInvalid } from './field';
import { clockOf, startTimeError, startsAtFromClock, type SessionWindow } from './task-time';
import { TaskTimeField } from './task-time-field';
import './edit-task-dialog.css';

const NOTES_MAX = 5000;
const ESTIMATE_MAX = 24 * 60;

interface Values {
  title: string;
  notes: string;
  estimate: string;
  due: string;
  /** The task's own time ('HH:MM', studio time, within the session); '' for none. */
  starts?: string;
}
type Errors = Partial<Record<keyof Values, string>>;

/**
 * The edits with the task's own time too (TaskEdits does not list it yet; the board sends every
 * field it is given, and the card shows it while it is saved).
 */
export type TaskTimeEdits = TaskEdits & { startsAt?: string | null };

function valuesOf(task: Task, timeZone: string): Values {
  return {
    title: task.title,
    notes: task.notes,
    estimate: task.estimateMinutes === null ? '' : String(task.estimateMinutes),
    due: task.dueAt ? toZonedInputValue(task.dueAt, timeZone) : '',
    starts: task.startsAt ? clockOf(task.startsAt, timeZone) : '',
  };
}

export function validateEdit(values: Values, timeZone: string, session?: SessionWindow): Errors {
  const errors: Errors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Give the task a title.';
  else if (title.length > TASK_TITLE_MAX) errors.title = `Keep the title to ${TASK_TITLE_MAX} characters or fewer.`;
  if (values.notes.length > NOTES_MAX) errors.notes = `Keep notes under ${NOTES_MAX} characters.`;
  const estimate = values.estimate.trim();
  if (estimate) {
    const minutes = Number(estimate);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > ESTIMATE_MAX) errors.estimate = `Enter whole minutes between 1 and ${ESTIMATE_MAX}, or leave it empty.`;
  }
  if (values.due.trim() && fromZonedInputValue(values.due, timeZone) === null) errors.due = 'Enter a date and a time, or clear it.';
  const starts = values.starts?.trim() ?? '';
  if (starts && session && !errors.estimate) {
    const error = startTimeError(starts, estimate ? Number(estimate) : null, session, timeZone);
    if (error) errors.starts = error;
  }
  return errors;
}

/** Only what changed from the task the edit began with. */
export function editsOf(task: Task, values: Values, timeZone: string, session?: SessionWindow): TaskTimeEdits {
  const edits: TaskTimeEdits = {};
  const title = values.title.trim();
  if (title !== task.title) edits.title = title;
  if (values.notes !== task.notes) edits.notes = values.notes;
  const estimate = values.estimate.trim() ? Number(values.estimate.trim()) : null;
  if (estimate !== task.estimateMinutes) edits.estimateMinutes = estimate;
  const due = values.due.trim() ? fromZonedInputValue(values.due, timeZone) : null;
  const before = task.dueAt ? new Date(task.dueAt).getTime() : null;
  if ((due ? new Date(due).getTime() : null) !== before) edits.dueAt = due;
  if (session && values.starts !== undefined) {
    const startsAt = values.starts.trim() ? startsAtFromClock(values.starts, session, timeZone) : null;
    const had = task.startsAt ? Date.parse(task.startsAt) : null;
    if ((startsAt ? Date.parse(startsAt) : null) !== had) edits.startsAt = startsAt;
  }
  return edits;
}

export interface EditTaskDialogProps {
  /** The task as it was when the dialog opened: the edit is based on its version. */
  task: Task;
  /** The task as the board holds it now (null: deleted meanwhile). */
  live: Task | null;
  timeZone: string;
  /** The task's session: with it the dialog offers the task's own start time within it. */
  session?: SessionWindow | undefined;
  onSave: (task: Task, edits: TaskEdits) => void;
  onClose: () => void;
}

/**
 * Title, notes, estimate, start and due time of a task. Saving closes at once (the card shows the change
 * while it is saved); if someone else saved first the board shows both versions to choose from.
 */
export function EditTaskDialog({ task, live, timeZone, session, onSave, onClose }: EditTaskDialogProps) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(task, timeZone));
  const [errors, setErrors] = useState<Errors>({});
  const formId = `edit-task-${task.id}`;
  const paused = useBoardPaused();

  const set = (field: keyof Values) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (paused) return;
    const found = validateEdit(values, timeZone, session);
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      const form = event.currentTarget;
      requestAnimationFrame(() => focusFirstInvalid(form));
      return;
    }
    const edits = editsOf(task, values, timeZone, session);
    if (Object.keys(edits).length > 0) onSave(task, edits);
    onClose();
  };

  const changedMeanwhile = live !== null && live.version !== task.version;
  const zone = zoneAbbreviation(timeZone, new Date(task.dueAt ?? task.createdAt));

  return (
    <Dialog
      title={`Edit “${task.title}”`}
      description="If someone changes this task while you edit it, Patchbay shows both versions and asks which to keep."
      onClose={onClose}
      className="edit-task"
      paused={paused}
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={paused}>
            Save
          </button>
        </>
      }
    >
      {live === null ? (
        <p className="edit-task__warning" role="alert">
          Someone deleted this task while you were editing it. Saving will not bring it back.
        </p>
      ) : changedMeanwhile ? (
        <p className="edit-task__warning" role="alert">
          Someone changed this task while you were editing it (it is now at version {live.version}). If you save, you will see both versions and choose.
        </p>
      ) : null}
      <form id={formId} className="edit-task__form" noValidate onSubmit={submit}>
        <Field label="Title" error={errors.title} className="edit-task__title">
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoComplete="off"
              data-autofocus
              maxLength={TASK_TITLE_MAX}
              value={values.title}
              onChange={(e) => set('title')(e.target.value)}
            />
          )}
        </Field>
        <CharactersLeft length={values.title.length} max={TASK_TITLE_MAX} from={TASK_TITLE_COUNT_FROM} what="a title" />
        <Field
          label={
            <>
              Estimate <span className="field__hint">(min)</span>
            </>
          }
          hint="Empty: no estimate."
          error={errors.estimate}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              inputMode="numeric"
              min={1}
              max={ESTIMATE_MAX}
              step={1}
              value={values.estimate}
              onChange={(e) => set('estimate')(e.target.value)}
            />
          )}
        </Field>
        {session ? (
          <TaskTimeField
            id={`${id}-starts`}
            value={values.starts ?? ''}
            error={errors.starts}
            session={session}
            timeZone={timeZone}
            estimateMinutes={values.estimate.trim() && Number.isInteger(Number(values.estimate.trim())) ? Number(values.estimate.trim()) : null}
            onChange={set('starts')}
          />
        ) : null}
        <Field
          label={
            <>
              Due <span className="field__hint">({zone})</span>
            </>
          }
          error={errors.due}
        >
          {(control) => (
            <div className="edit-task__due">
              <input {...control} className="input" type="datetime-local" value={values.due} onChange={(e) => set('due')(e.target.value)} />
              {values.due ? (
                <button type="button" className="button button--ghost button--small" aria-label="Clear the due time" onClick={() => set('due')('')}>
                  Clear
                </button>
              ) : null}
            </div>
          )}
        </Field>
        <Field
          label={
            <>
              Notes <span className="field__hint">(optional)</span>
            </>
          }
          error={errors.notes}
          className="edit-task__notes"
        >
          {(control) => <textarea {...control} className="input" rows={4} value={values.notes} onChange={(e) => set('notes')(e.target.value)} />}
        </Field>
      </form>
    </Dialog>
  );
}
