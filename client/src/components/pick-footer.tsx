/**
 * The footer of a dialog's confirm step after someone was picked (assigning or moving a task):
 * back to the list, cancel, and the action, in the danger colour when it breaks a rule.
 */
export function PickFooter({ onBack, onCancel, onConfirm, label, breaksRules, disabled, focusFirst = false }: {
  onBack: () => void;
  onCancel: () => void;
  onConfirm: () => void;
  label: string;
  breaksRules: boolean;
  disabled: boolean;
  /** The dialog focuses the action when it opens (the Dialog's data-autofocus). */
  focusFirst?: boolean;
}) {
  return (
    <>
      <button type="button" className="button button--ghost" onClick={onBack}>
        Choose someone else
      </button>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className={breaksRules ? 'button button--danger' : 'button button--primary'} disabled={disabled} onClick={onConfirm} {...(focusFirst ? { 'data-autofocus': true } : {})}>
        {label}
      </button>
    </>
  );
}
