import type { GearItem, SessionTemplate, SessionTemplateInput } from '@patchbay/shared';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useApi } from '../api/api-context';
import { errorMessage } from '../api/client';
import { ApiError } from '../api/http';
import { queryKeys, useGear, useTaskKinds, useTemplates } from '../api/queries';
import { templateSummary } from '../components/book-session-form';
import { FormError } from '../components/field';
import { PageError, PageLoading } from '../components/page-state';
import { formatMinutes } from '../lib/time';
import { plural } from '../lib/labels';
import { draftOf, emptyInput, GearPicker, readInput, type InputDraft } from '../setup/input-line-form';
import { parseChain } from '../setup/step-lists';
import { ConfirmAction, useRefreshAndNotify } from './common';
import { DeleteAction, EditButton, EditableTable } from './editable-table';
import '../setup/setup.css';
import { TableWrap } from '../components/table-wrap';

interface TaskDraft {
  kind: string;
  title: string;
  notes: string;
  estimate: string;
}
interface Draft {
  name: string;
  description: string;
  hours: string;
  /** Minutes; empty: the room's defaults. */
  prep: string;
  teardown: string;
  tasks: TaskDraft[];
  inputs: InputDraft[];
  patches: { chain: string; notes: string }[];
  checks: { text: string; notes: string }[];
}

function draftFrom(t: SessionTemplate | null): Draft {
  return {
    name: t?.name ?? '',
    description: t?.description ?? '',
    hours: String((t?.durationMinutes ?? 480) / 60),
    prep: t?.prepMinutes === null || t?.prepMinutes === undefined ? '' : String(t.prepMinutes),
    teardown: t?.teardownMinutes === null || t?.teardownMinutes === undefined ? '' : String(t.teardownMinutes),
    tasks: (t?.tasks ?? []).map((x) => ({ kind: x.kind, title: x.title, notes: x.notes, estimate: x.estimateMinutes === null ? '' : String(x.estimateMinutes) })),
    inputs: (t?.inputs ?? []).map((l) => ({ ...draftOf(l), gearText: l.gearId ? '' : l.gearText || l.gearLabel })),
    patches: (t?.patches ?? []).map((p) => ({ chain: p.points.join(' → '), notes: p.notes })),
    checks: (t?.checks ?? []).map((c) => ({ text: c.text, notes: c.notes })),
  };
}

/** The draft as the API takes it, or the first problem in words. */
function toInput(d: Draft): { input: SessionTemplateInput | null; problem: string | null } {
  const hours = Number(d.hours.replace(',', '.'));
  if (!d.name.trim()) return { input: null, problem: 'Give the template a name.' };
  if (!Number.isFinite(hours) || hours < 0.25 || hours > 24) return { input: null, problem: 'The usual length is from 0.25 to 24 hours.' };
  const minutes = (text: string): number | null | undefined => (text.trim() === '' ? null : /^\d+$/.test(text.trim()) && Number(text.trim()) <= 240 ? Number(text.trim()) : undefined);
  const prepMinutes = minutes(d.prep);
  const teardownMinutes = minutes(d.teardown);
  if (prepMinutes === undefined || teardownMinutes === undefined) return { input: null, problem: 'Prep and teardown are whole minutes from 0 to 240 (or empty for the room’s defaults).' };
  const tasks = [];
  for (const [i, t] of d.tasks.entries()) {
    if (!t.title.trim()) return { input: null, problem: `Task ${i + 1} needs a title.` };
    const estimate = t.estimate.trim() === '' ? null : Number(t.estimate);
    if (estimate !== null && (!Number.isInteger(estimate) || estimate < 1 || estimate > 1440)) return { input: null, problem: `Task ${i + 1}: the estimate is whole minutes from 1 to 1440.` };
    tasks.push({ kind: t.kind, title: t.title.trim(), notes: t.notes.trim(), estimateMinutes: estimate });
  }
  const inputs = [];
  for (const [i, line] of d.inputs.entries()) {
    const { fields, errors } = readInput(line);
    const first = Object.values(errors)[0];
    if (!fields) return { input: null, problem: `Input ${i + 1}: ${first ?? 'check the line.'}` };
    inputs.push({ ...fields, gearLabel: '' });
  }
  const patches = [];
  for (const [i, p] of d.patches.entries()) {
    const points = parseChain(p.chain);
    if (points.length < 2) return { input: null, problem: `Patch line ${i + 1} goes from one point to at least one other (“A → B”).` };
    patches.push({ points, notes: p.notes.trim() });
  }
  const checks = [];
  for (const [i, c] of d.checks.entries()) {
    if (!c.text.trim()) return { input: null, problem: `Step ${i + 1} is empty.` };
    checks.push({ text: c.text.trim(), notes: c.notes.trim() });
  }
  return { input: { name: d.name.trim(), description: d.description.trim(), durationMinutes: Math.round(hours * 60), prepMinutes, teardownMinutes, tasks, inputs, patches, checks }, problem: null };
}

/** Up, down and remove for one row of a list being edited. */
function RowTools<T>({ list, index, set, name }: { list: T[]; index: number; set: (next: T[]) => void; name: string }) {
  const move = (to: number) => {
    const next = [...list];
    const [row] = next.splice(index, 1);
    next.splice(to, 0, row!);
    set(next);
  };
  return (
    <div className="line-actions">
      <button type="button" className="button button--small button--icon" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(index - 1)}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" className="button button--small button--icon" aria-label={`Move ${name} down`} disabled={index === list.length - 1} onClick={() => move(index + 1)}>
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" className="button button--small button--danger" aria-label={`Remove ${name}`} onClick={() => set(list.filter((_, i) => i !== index))}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

function Part({ title, count, onAdd, addLabel, children }: { title: string; count: number; onAdd: () => void; addLabel: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="template-part" aria-labelledby={id}>
      <div className="setup-part__head">
        <h4 className="template-part__title" id={id}>
          {title} <span className="tag">{count}</span>
        </h4>
        <button type="button" className="button button--small setup-part__action" onClick={onAdd}>
          <span aria-hidden="true">+</span> {addLabel}
        </button>
      </div>
      {children}
    </section>
  );
}

function TemplateEditor({ template, gear, onDone }: { template: SessionTemplate | null; gear: readonly GearItem[]; onDone: () => void }) {
  const api = useApi();
  const kinds = useTaskKinds();
  const { announce } = useRefreshAndNotify(queryKeys.templates);
  const [d, setD] = useState<Draft>(() => draftFrom(template));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const kindOptions = kinds.data ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, problem } = toInput(d);
    setError(problem);
    if (!input) return;
    setSaving(true);
    try {
      const saved = template ? await api.replaceTemplate(template.id, input) : await api.createTemplate(input);
      await announce(template ? `Saved the template “${saved.name}”.` : `Added the template “${saved.name}”.`);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'CONFLICT' ? 'A template with this name exists already: choose another name.' : errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const updateRow = <K extends 'tasks' | 'inputs' | 'patches' | 'checks'>(key: K, index: number, patch: Partial<Draft[K][number]>) =>
    set(key, d[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) as Draft[K]);

  return (
    <form className="editor template-editor" noValidate aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 className="editor__title" id={`${id}-title`}>
        {template ? `Edit “${template.name}”` : 'New template'}
      </h3>
      <div className="editor__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input id={`${id}-name`} className="input" maxLength={80} placeholder="Drum tracking" value={d.name} onChange={(e) => set('name', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-hours`}>
            Usual length (hours)
          </label>
          <input id={`${id}-hours`} className="input" inputMode="decimal" value={d.hours} onChange={(e) => set('hours', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-prep`}>
            Prep (min)
          </label>
          <input id={`${id}-prep`} className="input" inputMode="numeric" placeholder="Room default" value={d.prep} onChange={(e) => set('prep', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-teardown`}>
            Teardown (min)
          </label>
          <input id={`${id}-teardown`} className="input" inputMode="numeric" placeholder="Room default" value={d.teardown} onChange={(e) => set('teardown', e.target.value)} />
        </div>
        <div className="field editor__wide">
          <label className="field__label" htmlFor={`${id}-desc`}>
            Description
          </label>
          <input id={`${id}-desc`} className="input" maxLength={500} value={d.description} onChange={(e) => set('description', e.target.value)} />
        </div>
      </div>

      <Part title="Tasks" count={d.tasks.length} addLabel="Add task" onAdd={() => set('tasks', [...d.tasks, { kind: 'mic_setup', title: '', notes: '', estimate: '' }])}>
        <p className="field__help">Booking from the template routes each task to the right person, with the reason.</p>
        {d.tasks.length ? (
          <TableWrap label="The template's tasks">
            <table className="data-table template-table">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Title</th>
                  <th scope="col">Estimate (min)</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.tasks.map((t, i) => (
                  <tr key={i}>
                    <td>
                      <select className="input input--compact" aria-label={`Kind of task ${i + 1}`} value={t.kind} onChange={(e) => updateRow('tasks', i, { kind: e.target.value })}>
                        {kindOptions.length === 0 ? <option value={t.kind}>{t.kind}</option> : null}
                        {kindOptions.map((k) => (
                          <option key={k.key} value={k.key}>
                            {k.label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input className="input input--compact template-table__wide" aria-label={`Title of task ${i + 1}`} maxLength={200} value={t.title} onChange={(e) => updateRow('tasks', i, { title: e.target.value })} />
                    </td>
                    <td>
                      <input className="input input--compact template-table__num" aria-label={`Estimate of task ${i + 1} in minutes`} inputMode="numeric" placeholder="default" value={t.estimate} onChange={(e) => updateRow('tasks', i, { estimate: e.target.value })} />
                    </td>
                    <td>
                      <RowTools list={d.tasks} index={i} set={(next) => set('tasks', next)} name={`task ${i + 1}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </Part>

      <Part title="Input list" count={d.inputs.length} addLabel="Add input" onAdd={() => set('inputs', [...d.inputs, { ...emptyInput, channel: String(d.inputs.length + 1) }])}>
        {d.inputs.length ? (
          <TableWrap label="The template's input list">
            <table className="data-table template-table">
              <thead>
                <tr>
                  <th scope="col">Ch</th>
                  <th scope="col">Source</th>
                  <th scope="col">Mic / DI</th>
                  <th scope="col">Stand</th>
                  <th scope="col">Preamp</th>
                  <th scope="col">48V</th>
                  <th scope="col">Pad</th>
                  <th scope="col">HPF</th>
                  <th scope="col">Ø</th>
                  <th scope="col">Insert</th>
                  <th scope="col">Notes</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.inputs.map((line, i) => {
                  const n = `input ${i + 1}`;
                  return (
                    <tr key={i}>
                      <td>
                        <input className="input input--compact template-table__num" aria-label={`Channel of ${n}`} inputMode="numeric" value={line.channel} onChange={(e) => updateRow('inputs', i, { channel: e.target.value })} />
                      </td>
                      <td>
                        <input className="input input--compact template-table__text" aria-label={`Source of ${n}`} value={line.source} onChange={(e) => updateRow('inputs', i, { source: e.target.value })} />
                      </td>
                      <td>
                        <GearPicker id={`${id}-gear-${i}`} label={`Mic or DI of ${n}`} gear={gear} value={line.gearId} text={line.gearText} onChange={(gearId, gearText) => updateRow('inputs', i, { gearId, gearText })} />
                      </td>
                      <td>
                        <input className="input input--compact template-table__text" aria-label={`Stand of ${n}`} value={line.stand} onChange={(e) => updateRow('inputs', i, { stand: e.target.value })} />
                      </td>
                      <td>
                        <input className="input input--compact template-table__text" aria-label={`Preamp of ${n}`} value={line.preamp} onChange={(e) => updateRow('inputs', i, { preamp: e.target.value })} />
                      </td>
                      <td>
                        <input type="checkbox" aria-label={`Phantom power on ${n}`} checked={line.phantom} onChange={(e) => updateRow('inputs', i, { phantom: e.target.checked })} />
                      </td>
                      <td>
                        <input className="input input--compact template-table__num" aria-label={`Pad of ${n} in dB`} inputMode="numeric" value={line.padDb} onChange={(e) => updateRow('inputs', i, { padDb: e.target.value })} />
                      </td>
                      <td>
                        <input className="input input--compact template-table__num" aria-label={`High-pass of ${n} in Hz`} inputMode="numeric" value={line.highPassHz} onChange={(e) => updateRow('inputs', i, { highPassHz: e.target.value })} />
                      </td>
                      <td>
                        <input type="checkbox" aria-label={`Polarity flipped on ${n}`} checked={line.polarity} onChange={(e) => updateRow('inputs', i, { polarity: e.target.checked })} />
                      </td>
                      <td>
                        <input className="input input--compact template-table__text" aria-label={`Insert of ${n}`} value={line.insert} onChange={(e) => updateRow('inputs', i, { insert: e.target.value })} />
                      </td>
                      <td>
                        <input className="input input--compact template-table__text" aria-label={`Notes of ${n}`} value={line.notes} onChange={(e) => updateRow('inputs', i, { notes: e.target.value })} />
                      </td>
                      <td>
                        <RowTools list={d.inputs} index={i} set={(next) => set('inputs', next)} name={n} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </Part>

      <Part title="Patch plan" count={d.patches.length} addLabel="Add patch line" onAdd={() => set('patches', [...d.patches, { chain: '', notes: '' }])}>
        {d.patches.map((p, i) => (
          <div key={i} className="template-row">
            <input className="input" aria-label={`Patch line ${i + 1}, from → to`} placeholder="Wall box 3 → Neve 1073 #3 → Interface in 3" value={p.chain} onChange={(e) => updateRow('patches', i, { chain: e.target.value })} />
            <input className="input" aria-label={`Notes of patch line ${i + 1}`} placeholder="Notes" value={p.notes} onChange={(e) => updateRow('patches', i, { notes: e.target.value })} />
            <RowTools list={d.patches} index={i} set={(next) => set('patches', next)} name={`patch line ${i + 1}`} />
          </div>
        ))}
      </Part>

      <Part title="Prep checklist" count={d.checks.length} addLabel="Add step" onAdd={() => set('checks', [...d.checks, { text: '', notes: '' }])}>
        <p className="field__help">Steps for the room and equipment. Steps for each mic (placement, phantom, PSU) can be generated on the session from its input list.</p>
        {d.checks.map((c, i) => (
          <div key={i} className="template-row">
            <input className="input" aria-label={`Step ${i + 1}`} value={c.text} onChange={(e) => updateRow('checks', i, { text: e.target.value })} />
            <input className="input" aria-label={`Notes of step ${i + 1}`} placeholder="Notes" value={c.notes} onChange={(e) => updateRow('checks', i, { notes: e.target.value })} />
            <RowTools list={d.checks} index={i} set={(next) => set('checks', next)} name={`step ${i + 1}`} />
          </div>
        ))}
      </Part>

      <div className="editor__footer">
        <FormError message={error} />
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : template ? 'Save template' : 'Add template'}
        </button>
      </div>
    </form>
  );
}

/** The studio's session templates: what booking one adds, edit, duplicate, delete. */
export function TemplatesTab() {
  const api = useApi();
  const { announce } = useRefreshAndNotify(queryKeys.templates);
  const templates = useTemplates();
  const gear = useGear();

  if (templates.isPending) return <PageLoading label="Loading templates…" />;
  if (templates.isError) return <PageError title="Couldn't load the templates" error={templates.error} />;

  return (
    <EditableTable
      summary={`${plural(templates.data.length, 'template')} · book a session from one on the sessions page`}
      addLabel="Add template"
      columns={['Template', 'Length', 'Adds']}
      items={templates.data}
      itemKey={(t) => t.id}
      renderForm={(template, done) => <TemplateEditor template={template} gear={gear.data ?? []} onDone={done} />}
      renderRow={(t, edit) => (
        <>
          <th scope="row">
            <span className="data-table__primary">{t.name}</span>
            {t.description ? <span className="data-table__secondary">{t.description}</span> : null}
          </th>
          <td className="data-table__nowrap">{formatMinutes(t.durationMinutes)}</td>
          <td>{templateSummary(t)}</td>
          <td className="data-table__actions">
            <EditButton name={t.name} onEdit={edit} />
            <ConfirmAction
              label={`Duplicate ${t.name}`}
              question={`Make a copy of “${t.name}”?`}
              confirmLabel="Duplicate"
              tone="plain"
              failure={`Couldn't duplicate “${t.name}”.`}
              onConfirm={async () => {
                const copy = await api.duplicateTemplate(t.id);
                await announce(`Added “${copy.name}”.`, 'Edit it to make it your own.');
              }}
            />
            <DeleteAction
              name={t.name}
              shown={`“${t.name}”`}
              question={`Delete “${t.name}”? Sessions booked from it keep their tasks and setup lists.`}
              onDelete={async () => {
                await api.deleteTemplate(t.id);
                await announce(`Deleted the template “${t.name}”.`);
              }}
            />
          </td>
        </>
      )}
    />
  );
}
