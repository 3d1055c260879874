import type { GearItem, SetupItem } from '@patchbay/shared';
import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldIssues } from '../api/client';
import { FormError } from '../components/field';
import { useEscape } from '../lib/use-escape';
import { ProgressMeter } from '../components/progress-meter';
import { IssueList } from './issue-list';
import { draftOf, emptyInput, InputLineFields, readInput, type InputDraft, type InputField } from './input-line-form';
import { gearName } from './labels';
import { LineActions } from './line-actions';
import type { SetupRules } from './use-setup-rules';
import type { SetupWrites } from './use-setup-writes';
import { Tick } from './tick';

export interface PartProps {
  items: readonly SetupItem[];
  timeZone: string;
  canEdit: boolean;
  canCheck: boolean;
  /** No connection: adding, removing and reordering wait; check-offs and edits are kept and sent later. */
  offline: boolean;
  pending: ReadonlySet<string>;
  writes: SetupWrites;
}


/** The fields of `next` that differ from the line (what an edit sends). */
function changedFields(item: SetupItem, next: NonNullable<ReturnType<typeof readInput>['fields']>) {
  const out: Record<string, unknown> = {};
  const before: Record<string, unknown> = { ...item, gearId: item.gear?.id ?? null };
  for (const [field, value] of Object.entries(next)) if (before[field] !== value) out[field] = value;
  return out;
}

function InputForm({ item, gear, rules, offline, onSave, onCancel }: {
  item: SetupItem | null;
  gear: readonly GearItem[];
  rules: SetupRules;
  offline: boolean;
  onSave: (fields: NonNullable<ReturnType<typeof readInput>['fields']>) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<InputDraft>(() => (item ? draftOf({ ...item, gearId: item.gear?.id ?? null }) : emptyInput));
  const [errors, setErrors] = useState<Partial<Record<InputField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const channel = Number(draft.channel);
  const preview = rules.preview(
    { channel: draft.channel.trim() && Number.isInteger(channel) ? channel : null, source: draft.source, gearId: draft.gearId, phantom: draft.phantom },
    item?.id ?? null,
  );
  const blocking = preview.filter((i) => i.severity === 'error');
  const escapeRef = useEscape<HTMLFormElement>(onCancel);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { fields, errors: found } = readInput(draft);
    setErrors(found);
    setFormError(null);
    if (!fields) return;
    if (blocking.length > 0) {
      setFormError('Fix what the rules flag first: the server refuses a line that introduces an error.');
      return;
    }
    setSaving(true);
    try {
      await onSave(fields);
    } catch (err) {
      const issues = fieldIssues(err);
      setErrors(issues as Partial<Record<InputField, string>>);
      setFormError(err instanceof Error ? err.message : 'Could not save the line.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={escapeRef} className="editor input-form" noValidate aria-label={item ? `Edit ${item.source}` : 'New input'} onSubmit={submit}>
      <div className="editor__grid input-form__grid">
        <InputLineFields draft={draft} errors={errors} gear={gear} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} issues={<IssueList issues={preview} />} />
      </div>
      <div className="editor__footer">
        <FormError message={formError} />
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={saving || (!item && offline)}>
          {saving ? 'Saving…' : item ? 'Save line' : 'Add input'}
        </button>
      </div>
      {!item && offline ? <p className="field__help">Adding a line needs the connection; it is back in a moment.</p> : null}
    </form>
  );
}

/** The input list: channel, source, mic or DI, stand, preamp, phantom, pad, high-pass, polarity, insert, notes. */
export function InputList({ items, timeZone, canEdit, canCheck, offline, pending, writes, gear, rules }: PartProps & { gear: readonly GearItem[]; rules: SetupRules }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const done = items.filter((i) => i.checked).length;
  const columns = 13;

  return (
    <section className="setup-part" aria-labelledby="part-inputs">
      <div className="setup-part__head">
        <h2 className="setup-part__title" id="part-inputs">
          Input list
        </h2>
        <ProgressMeter done={done} total={items.length} unit="line-checked" empty="No inputs yet" label="Input list" />
        {rules.errors + rules.warnings > 0 ? (
          <p className={`setup-part__issues${rules.errors ? ' setup-part__issues--error' : ''}`}>
            {[rules.errors ? `${rules.errors} error${rules.errors > 1 ? 's' : ''}` : null, rules.warnings ? `${rules.warnings} warning${rules.warnings > 1 ? 's' : ''}` : null].filter(Boolean).join(', ')}
          </p>
        ) : null}
      </div>
      <div className="table-wrap">
        <table className="data-table setup-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Line-checked</span>✓
              </th>
              <th scope="col">Ch</th>
              <th scope="col">Source</th>
              <th scope="col">Mic / DI</th>
              <th scope="col">Stand</th>
              <th scope="col">Preamp</th>
              <th scope="col">48V</th>
              <th scope="col">Pad</th>
              <th scope="col">HPF</th>
              <th scope="col">
                <abbr title="Polarity">Ø</abbr>
              </th>
              <th scope="col">Insert</th>
              <th scope="col">Notes</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={columns} className="setup-table__empty">
                  No inputs yet. {canEdit ? 'Add them one by one, import a CSV from your spreadsheet, or book the session from a template.' : 'The session’s engineer plans them.'}
                </td>
              </tr>
            ) : null}
            {items.map((item, index) => {
              const issues = rules.byItem.get(item.id);
              const hasError = issues?.some((i) => i.severity === 'error');
              if (editing === item.id) {
                return (
                  <tr key={item.id} className="setup-table__editing">
                    <td colSpan={columns}>
                      <InputForm
                        item={item}
                        gear={gear}
                        rules={rules}
                        offline={offline}
                        onCancel={() => setEditing(null)}
                        onSave={async (fields) => {
                          const changes = changedFields(item, fields);
                          if (Object.keys(changes).length > 0) writes.change(item, changes);
                          setEditing(null);
                        }}
                      />
                    </td>
                  </tr>
                );
              }
              const rowClass = [item.checked ? 'setup-table__done' : '', hasError ? 'setup-table__error' : ''].filter(Boolean).join(' ') || undefined;
              return (
                <Fragment key={item.id}>
                <tr className={rowClass}>
                  <td>
                    <Tick item={item} timeZone={timeZone} canCheck={canCheck} waiting={pending.has(item.id)} onToggle={writes.toggle} />
                  </td>
                  <td className="data-table__number">{item.channel ?? ''}</td>
                  <th scope="row">{item.source}</th>
                  <td>{gearName(item)}</td>
                  <td>{item.stand}</td>
                  <td>{item.preamp}</td>
                  <td>{item.phantom ? <span className="tag tag--accent">48V</span> : null}</td>
                  <td>{item.padDb === null ? '' : `−${item.padDb} dB`}</td>
                  <td>{item.highPassHz === null ? '' : `${item.highPassHz} Hz`}</td>
                  <td>{item.polarity ? <abbr title="Polarity flipped">Ø</abbr> : ''}</td>
                  <td>{item.insert}</td>
                  <td className="data-table__notes">{item.notes}</td>
                  <td className="data-table__actions">
                    {canEdit ? (
                      <LineActions item={item} index={index} count={items.length} disabled={offline} onEdit={() => setEditing(item.id)} onMove={(i, to) => void writes.move(i, to)} onRemove={writes.remove} />
                    ) : canCheck ? (
                      <NoteButton item={item} writes={writes} />
                    ) : null}
                  </td>
                </tr>
                {issues?.length ? (
                  <tr className={`setup-table__issues${rowClass ? ` ${rowClass}` : ''}`}>
                    <td colSpan={columns}>
                      <IssueList issues={issues} />
                    </td>
                  </tr>
                ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        adding ? (
          <InputForm
            item={null}
            gear={gear}
            rules={rules}
            offline={offline}
            onCancel={() => setAdding(false)}
            onSave={async (fields) => {
              await writes.create({ part: 'INPUT', ...fields });
            }}
          />
        ) : (
          <div className="button-row">
            <button type="button" className="button" disabled={offline} onClick={() => setAdding(true)}>
              <span aria-hidden="true">+</span> Add input
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}

/** For who may keep notes but not plan: a note on the line. */
export function NoteButton({ item, writes, large = false }: { item: SetupItem; writes: SetupWrites; large?: boolean }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(item.notes);
  const input = useRef<HTMLInputElement>(null);
  const escapeRef = useEscape<HTMLFormElement>(() => setOpen(false));
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  if (!open) {
    return (
      <button type="button" className={`button ${large ? 'button--touch' : 'button--small'}`} aria-label={`Note on ${item.source || item.text || 'this line'}`} onClick={() => {
        setText(item.notes);
        setOpen(true);
      }}>
        Note
      </button>
    );
  }
  return (
    <form
      ref={escapeRef}
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== item.notes) writes.change(item, { notes: text.trim() });
        setOpen(false);
      }}
    >
      <input ref={input} className="input" aria-label="Note" maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className={`button button--primary ${large ? 'button--touch' : 'button--small'}`}>
        Save
      </button>
      <button type="button" className={`button button--ghost ${large ? 'button--touch' : 'button--small'}`} onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
