import type { Studio } from '@patchbay/shared';
import type { Dispatch, FormEvent, InputHTMLAttributes, ReactNode, SetStateAction } from 'react';
import { Field, FieldSet, FormError } from '../components/field';
import { useFormState, type FieldErrors } from '../lib/use-form';
import { toggle } from './common';

/**
 * The state of one of the studio's editor forms: `useFormState` (client checks, the server's
 * field errors, focus on the first invalid field) plus its submit handler. On submit it runs
 * `check`; when that finds nothing it runs `save`, then `onDone` if the save went through.
 */
export function useEditorForm<F extends string>({ check, save, onDone }: { check: () => FieldErrors<F>; save: () => Promise<void>; onDone?: () => void }) {
  const state = useFormState<F>();
  const { run, clearError } = state;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(check(), save).then((ok) => {
      if (ok) onDone?.();
    });
  };
  /** A change handler for `field`'s control: sets the value and clears the field's error. */
  const update =
    <V,>(field: F, set: (value: V) => void) =>
    (value: V) => {
      set(value);
      clearError(field);
    };

  return { ...state, onSubmit, update };
}

export type EditorFormState = Pick<ReturnType<typeof useEditorForm>, 'formRef' | 'formError' | 'submitting' | 'onSubmit'>;

/** The row under an editor: the form's error, Cancel (when there is `onCancel`) and the submit button. */
export function EditorActions({
  formError,
  submitting,
  submitLabel,
  busyLabel = 'Saving…',
  onCancel,
}: {
  formError: string | null;
  submitting: boolean;
  submitLabel: string;
  busyLabel?: string;
  onCancel?: () => void;
}) {
  return (
    <div className="editor__footer">
      <FormError message={formError} />
      {onCancel ? (
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitting ? busyLabel : submitLabel}
      </button>
    </div>
  );
}

/**
 * An editor form: its title, the fields (`children`, laid out in the editor's grid) and the
 * actions row. It is named by `label`, or by its title when given a `titleId`.
 */
export function EditorForm({
  form: { formRef, formError, submitting, onSubmit },
  title,
  submitLabel,
  busyLabel,
  onCancel,
  children,
  ...naming
}: {
  form: EditorFormState;
  title: ReactNode;
  submitLabel: string;
  busyLabel?: string;
  onCancel?: () => void;
  children: ReactNode;
} & ({ label: string; titleId?: never } | { titleId: string; label?: never })) {
  return (
    <form ref={formRef} className="editor" noValidate aria-label={naming.label} aria-labelledby={naming.titleId} onSubmit={onSubmit}>
      <h3 className="editor__title" id={naming.titleId}>
        {title}
      </h3>
      <div className="editor__grid">{children}</div>
      <EditorActions formError={formError} submitting={submitting} submitLabel={submitLabel} busyLabel={busyLabel} onCancel={onCancel} />
    </form>
  );
}

/** Where a field sits: its label, hint, error and the class of its wrapper. */
interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
}

/** A labelled text (or email, number) input; `onChange` gets the new value. Other props go to the input. */
export function TextField({
  label,
  hint,
  error,
  className,
  inputClassName = 'input',
  value,
  onChange,
  ...input
}: FieldFrame & {
  inputClassName?: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'value' | 'onChange' | 'id' | 'aria-invalid' | 'aria-describedby'>) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(c) => <input {...c} className={inputClassName} {...input} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A labelled whole-number input from `min` to `max`. */
export function NumberField({ min, max, ...field }: Omit<Parameters<typeof TextField>[0], 'type' | 'inputMode' | 'min' | 'max'> & { min: number; max: number }) {
  return <TextField {...field} type="number" inputMode="numeric" min={min} max={max} />;
}

/** One choice of a select or a group of checkboxes. */
export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  disabled?: boolean;
}

/** The choices for each of `values`, labelled from `labels`. */
export function choices<V extends string>(values: readonly V[], labels: Record<V, ReactNode>): Choice<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The studio's projects as choices, labelled "artist – title". */
export function projectChoices(studio: Studio): Choice<string>[] {
  return studio.projects.map((p) => ({ value: p.id, label: `${p.artist} – ${p.title}` }));
}

/** A labelled select of `options`; `onChange` gets the chosen value. */
export function SelectField<V extends string>({
  label,
  hint,
  error,
  className,
  value,
  options,
  onChange,
}: FieldFrame & { value: V; options: readonly Choice<V>[]; onChange: (value: V) => void }) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(c) => (
        <select {...c} className="input" value={value} onChange={(e) => onChange(e.target.value as V)}>
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A group of checkboxes, one an option, choosing several of `options` into `chosen` (toggled
 * with `setChosen`; `onChange` after each). With `invalid`, each box is marked aria-invalid.
 */
export function CheckboxGroup<V extends string>({
  legend,
  hint,
  error,
  className,
  options,
  chosen,
  setChosen,
  onChange,
  invalid,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  options: readonly Choice<V>[];
  chosen: readonly V[];
  setChosen: Dispatch<SetStateAction<V[]>>;
  onChange?: () => void;
  invalid?: boolean;
}) {
  return (
    <FieldSet legend={legend} hint={hint} error={error} className={className}>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            aria-invalid={invalid ? true : undefined}
            onChange={() => {
              setChosen((prev) => toggle(prev, o.value));
              onChange?.();
            }}
          />
          {o.label}
        </label>
      ))}
    </FieldSet>
  );
}
