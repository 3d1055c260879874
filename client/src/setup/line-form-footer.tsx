import { FormError } from '../components/field';

/**
 * The row under a setup line's form: what was just added (a new line's form stays open for the
 * next one), the form's error, Cancel (Close for a new line) and the submit button.
 */
export function LineFormFooter({ editing, saved, formError, saving, disabled, submitLabel, onCancel }: {
  editing: boolean;
  saved: string | null;
  formError: string | null;
  saving: boolean;
  disabled: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <div className="editor__footer">
      <p className="input-form__saved" role="status">
        {saved}
      </p>
      <FormError message={formError} />
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {editing ? 'Cancel' : 'Close'}
      </button>
      <button type="submit" className="button button--primary" disabled={saving || disabled}>
        {saving ? 'Saving…' : submitLabel}
      </button>
    </div>
  );
}
