import type { GearItem, SetupItem } from '@patchbay/shared';
import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldIssues } from '../api/client';
import { useEscape } from '../lib/use-escape';
import { ProgressMeter } from '../components/progress-meter';
import { IssueList } from './issue-list';
import { draftOf, emptyInput, InputLineFields, readInput, type InputDraft, type InputField } from './input-line-form';
import { gearName } from './labels';
import { LineActions } from './line-actions';
import { LineFormFooter } from './line-form-footer';
import type { SetupRules } from './use-setup-rules';
import type { SetupWrites } from './use-setup-writes';
import { Tick } from './tick';
import { TableWrap } from '../components/table-wrap';

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

/** The next free channel after the list's highest (a new line's suggestion). */
function nextChannel(items: readonly SetupItem[]): string {
  const highest = Math.max(0, ...items.map((i) => i.channel ?? 0));
  return highest < 999 ? String(highest + 1) : '';
}

function InputForm({ item, gear, rules, offline, suggestedChannel = '', onSave, onCancel }: {
  item: SetupItem | null;
  gear: readonly GearItem[];
  rules: SetupRules;
  offline: boolean;
  /** A new line's channel to start from. */
  suggestedChannel?: string;
  /** Resolves with what to say when saved; a new line's form then starts again for the next one. */
  onSave: (fields: NonNullable<ReturnType<typeof readInput>['fields']>) => Promise<string | void>;
  onCancel: () => void;
}) {
  const fresh = (): InputDraft => ({ ...emptyInput, channel: suggestedChannel });
  const [draft, setDraft] = useState<InputDraft>(() => (item ? draftOf({ ...item, gearId: item.gear?.id ?? null }) : fresh()));
  const [errors, setErrors] = useState<Partial<Record<InputField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const channel = Number(draft.channel);
  const preview = rules.preview(
    { channel: draft.channel.trim() && Number.isInteger(channel) ? channel : null, source: draft.source, gearId: draft.gearId, gearText: draft.gearText, phantom: draft.phantom },
    item?.id ?? null,
  );
  const blocking = preview.filter((i) => i.severity === 'error');
  const escapeRef = useEscape<HTMLFormElement>(onCancel);
  // The first field takes the focus when the form opens (and again for the next new line).
  const focusFirst = () => escapeRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  useEffect(() => {
    escapeRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [escapeRef]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { fields, errors: found } = readInput(draft);
    setErrors(found);
    setFormError(null);
    setSaved(null);
    if (!fields) return;
    if (blocking.length > 0) {
      setFormError(`This line can’t be saved yet: ${blocking[0]!.message}`);
      return;
    }
    setSaving(true);
    try {
      const said = await onSave(fields);
      if (!item) {
        // Ready for the next input, one channel on.
        setDraft({ ...emptyInput, channel: fields.channel !== null && fields.channel < 999 ? String(fields.channel + 1) : '' });
        setSaved(said ?? 'Added.');
        requestAnimationFrame(focusFirst);
      }
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
        <InputLineFields
          draft={draft}
          errors={errors}
          gear={gear}
          onChange={(patch) => {
            setDraft((d) => ({ ...d, ...patch }));
            setFormError(null);
            setSaved(null);
          }}
          issues={<IssueList issues={preview} />}
        />
      </div>
      <LineFormFooter editing={item !== null} saved={saved} formError={formError} saving={saving} disabled={!item && offline} submitLabel={item ? 'Save line' : 'Add input'} onCancel={onCancel} />
      {!item && offline ? <p className="field__help">Adding a line needs the connection; it is back in a moment.</p> : null}
    </form>
  );
}

/** 48V, pad, high-pass and polarity as short chips. */
function Settings({ item }: { item: SetupItem }) {
  const chips = [
    item.phantom ? { key: '48v', text: '48V', tone: 'tag--accent' } : null,
    item.padDb !== null ? { key: 'pad', text: `Pad −${item.padDb} dB` } : null,
    item.highPassHz !== null ? { key: 'hpf', text: `HPF ${item.highPassHz} Hz` } : null,
    item.polarity ? { key: 'pol', text: 'Ø flip', tone: 'tag--accent' } : null,
  ].filter((c): c is { key: string; text: string; tone?: string } => c !== null);
  if (chips.length === 0) return null;
  return (
    <span className="tag-row">
      {chips.map((c) => (
        <span key={c.key} className={`tag${c.tone ? ` ${c.tone}` : ''}`}>
          {c.text}
        </span>
      ))}
    </span>
  );
}

/** Focuses the Edit (or Note) button of a line after its form closed. */
function focusLine(id: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-line-focus="${id}"]`)?.focus());
}

/**
 * The input list: channel, source (and notes), mic or DI, stand, preamp (and insert), and the
 * channel's settings (48V, pad, high-pass, polarity). The actions column stays in view when the
 * table scrolls sideways on a narrow screen.
 */
export function InputList({ items, timeZone, canEdit, canCheck, offline, pending, writes, gear, rules }: PartProps & { gear: readonly GearItem[]; rules: SetupRules }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [sorting, setSorting] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const done = items.filter((i) => i.checked).length;
  const columns = 8;
  const byChannel = [...items].sort((a, b) => (a.channel ?? Number.MAX_SAFE_INTEGER) - (b.channel ?? Number.MAX_SAFE_INTEGER));
  const sorted = byChannel.every((item, i) => item === items[i]);

  const closeEditor = (id: string) => {
    setEditing(null);
    focusLine(id);
  };
  const sortByChannel = async () => {
    setSorting(true);
    try {
      // One move per line out of place, each to its place in channel order.
      for (const [index, item] of byChannel.entries()) {
        if (items.indexOf(item) !== index && !(await writes.move(item, index))) break;
      }
    } finally {
      setSorting(false);
    }
  };

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
        {canEdit && !sorted ? (
          <button type="button" className="button button--small setup-part__action" disabled={offline || sorting} onClick={() => void sortByChannel()}>
            {sorting ? 'Sorting…' : 'Sort by channel'}
          </button>
        ) : null}
      </div>
      <TableWrap label="Input list">
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
              <th scope="col">Preamp · insert</th>
              <th scope="col">Settings</th>
              <th scope="col" className="setup-table__sticky">
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
                        onCancel={() => closeEditor(item.id)}
                        onSave={async (fields) => {
                          const changes = changedFields(item, fields);
                          if (Object.keys(changes).length > 0) writes.change(item, changes);
                          closeEditor(item.id);
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
                    <th scope="row" className="setup-table__source">
                      {item.source}
                      {item.notes ? <span className="data-table__secondary">{item.notes}</span> : null}
                    </th>
                    <td>{gearName(item)}</td>
                    <td className="setup-table__wrap">{item.stand}</td>
                    <td className="setup-table__wrap">
                      {item.preamp}
                      {item.insert ? <span className="data-table__secondary">→ {item.insert}</span> : null}
                    </td>
                    <td>
                      <Settings item={item} />
                    </td>
                    <td className="data-table__actions setup-table__sticky">
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
      </TableWrap>
      {canEdit ? (
        adding ? (
          <InputForm
            item={null}
            gear={gear}
            rules={rules}
            offline={offline}
            suggestedChannel={nextChannel(items)}
            onCancel={() => {
              setAdding(false);
              requestAnimationFrame(() => addButton.current?.focus());
            }}
            onSave={async (fields) => {
              const item = await writes.create({ part: 'INPUT', ...fields });
              return `Added ch ${item.channel ?? '–'} ${item.source}. Next one:`;
            }}
          />
        ) : (
          <div className="button-row">
            <button ref={addButton} type="button" className="button" disabled={offline} onClick={() => setAdding(true)}>
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
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const escapeRef = useEscape<HTMLFormElement>(() => setOpen(false));
  useEffect(() => {
    if (open) input.current?.focus();
    // Back to the Note button when the note form closes.
    else if (wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!open) {
    return (
      <button ref={button} data-line-focus={item.id} type="button" className={`button ${large ? 'button--touch' : 'button--small'}`} aria-label={`Note on ${item.source || item.text || 'this line'}`} onClick={() => {
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
