import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { Dialog } from '../components/dialog';
import { FormError } from '../components/field';

/** "Save this session as a template": its tasks and setup list, under a new name. */
export function SaveTemplateDialog({ defaultName, onSave, onClose }: { defaultName: string; onSave: (name: string, description: string) => Promise<void>; onClose: () => void }) {
  const id = useId();
  const [name, setName] = useState(defaultName);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError('Give the template a name.');
    setBusy(true);
    setError(null);
    try {
      await onSave(name.trim(), description.trim());
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Save as a template" description="Its tasks, input list, patch plan and checklist become a template to book other sessions from. Check-offs are not saved." onClose={onClose}>
      <form noValidate className="import-form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Template name
          </label>
          <input id={`${id}-name`} className="input" data-autofocus maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-desc`}>
            Description <span className="field__hint">(optional)</span>
          </label>
          <input id={`${id}-desc`} className="input" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <FormError message={error} />
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save template'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
