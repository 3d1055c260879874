import { useId, type ReactNode } from 'react';

/** What a form control needs to be labelled and tied to its hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form field: label, the control (render prop), a hint and the error under it.
 * The error is linked with aria-describedby and marks the control aria-invalid.
 */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : '';
  const errorId = error ? `${id}-error` : '';
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="field__help" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of checkboxes (or radios) with a legend and one error for the group. */
export function FieldSet({ legend, error, hint, className, children }: { legend: ReactNode; error?: string | undefined; hint?: ReactNode; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset
      className={['fieldset', className].filter(Boolean).join(' ')}
      aria-describedby={[error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label">{legend}</legend>
      <div className="fieldset__options">{children}</div>
      {hint ? (
        <p className="field__help" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * A form's error that is not about one field, announced when it appears (the live region is
 * always there, so screen readers notice the text arriving). `children` adds to the message.
 */
export function FormError({ message, children }: { message: string | null | undefined; children?: ReactNode }) {
  return (
    <div className="form-error" role="alert">
      {message ? (
        <div className="form-error__text">
          <p>{message}</p>
          {children}
        </div>
      ) : null}
    </div>
  );
}

/** Focuses the first control marked invalid inside `root` (after a failed submit). */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const el = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}
