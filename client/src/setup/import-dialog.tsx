import { useId, useState, type FormEvent } from 'react';
import { errorMessage, importRowErrors } from '../api/client';
import { Dialog } from '../components/dialog';
import { FormError } from '../components/field';

/**
 * Import the input list from a CSV file (from a spreadsheet). The server checks every row and
 * imports nothing unless all are good; the rows it refuses are listed by line number.
 */
export function ImportDialog({ inputs, onImport, onClose }: { inputs: number; onImport: (csv: string, mode: 'replace' | 'append') => Promise<number>; onClose: () => void }) {
  const id = useId();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  // Adding is the safe choice; replacing the list (and its check-offs) is asked for on purpose.
  const [mode, setMode] = useState<'replace' | 'append'>('append');
  const [rows, setRows] = useState<{ line: number; column: string | null; message: string }[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRows([]);
    setFormError(null);
    if (!csv.trim()) {
      setFormError('Choose a CSV file (or paste the rows) first.');
      return;
    }
    setBusy(true);
    try {
      await onImport(csv, mode);
      onClose();
    } catch (err) {
      setRows(importRowErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Import the input list"
      description="A CSV from a spreadsheet: a header row (Channel, Source, Mic / DI, Stand, Preamp, Phantom, Pad (dB), High-pass (Hz), Polarity, Insert, Notes — only Source is required; an exported list has them all), then one row per input. Mics and DIs are matched to the studio’s gear by label."
      onClose={onClose}
      className="import-dialog"
    >
      <form className="import-form" noValidate onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            CSV file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv,text/plain"
            data-autofocus
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setCsv(await file.text());
            }}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-text`}>
            {fileName ? `Contents of ${fileName}` : 'Or paste the rows'}
          </label>
          <textarea id={`${id}-text`} className="input input--mono" rows={6} spellCheck={false} value={csv} onChange={(e) => setCsv(e.target.value)} />
        </div>
        {inputs > 0 ? (
          <fieldset className="fieldset import-form__modes">
            <legend className="field__label">The {inputs === 1 ? 'input' : `${inputs} inputs`} already on the list</legend>
            <label className="check">
              <input type="radio" name={`${id}-mode`} checked={mode === 'append'} onChange={() => setMode('append')} />
              Keep {inputs === 1 ? 'it' : 'them'} and add the file’s lines after
            </label>
            <label className="check">
              <input type="radio" name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} />
              Replace {inputs === 1 ? 'it' : `all ${inputs}`} with the file (their check-offs are lost)
            </label>
          </fieldset>
        ) : null}
        <FormError message={formError}>
          {rows.length > 0 ? (
            <ul className="form-error__list">
              {rows.slice(0, 30).map((r) => (
                <li key={`${r.line}:${r.column ?? ''}:${r.message}`}>
                  Line {r.line}
                  {r.column ? `, ${r.column}` : ''}: {r.message}
                </li>
              ))}
              {rows.length > 30 ? <li>…and {rows.length - 30} more.</li> : null}
            </ul>
          ) : null}
        </FormError>
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={`button ${mode === 'replace' && inputs > 0 ? 'button--danger' : 'button--primary'}`} disabled={busy}>
            {busy ? 'Importing…' : mode === 'replace' && inputs > 0 ? `Replace ${inputs === 1 ? '1 input' : `${inputs} inputs`}` : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
