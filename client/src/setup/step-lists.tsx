import type { SetupItem } from '@patchbay/shared';
import { MAX_PATCH_POINTS } from '@patchbay/shared/domain/setup-parts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { useEscape } from '../lib/use-escape';
import { ProgressMeter } from '../components/progress-meter';
import { useNotices } from '../components/notices';
import { NoteButton, type PartProps } from './input-list';
import { LineActions } from './line-actions';
import { LineFormFooter } from './line-form-footer';
import { checkedText, Tick } from './tick';

/** "Wall box 3 → Neve 1073 #3 → 1176" (arrows, ">" or new lines between points) → the points. */
export function parseChain(text: string): string[] {
  return text
    .split(/\s*(?:→|->|>|\n)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function StepForm({ part, item, offline, onSave, onCancel }: {
  part: 'PATCH' | 'CHECK';
  item: SetupItem | null;
  offline: boolean;
  onSave: (fields: { points?: string[]; text?: string; notes: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [main, setMain] = useState(item ? (part === 'PATCH' ? item.points.join(' → ') : item.text) : '');
  const [notes, setNotes] = useState(item?.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const escapeRef = useEscape<HTMLFormElement>(onCancel);
  const mainRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    mainRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFormError(null);
    let fields: { points?: string[]; text?: string; notes: string };
    if (part === 'PATCH') {
      const points = parseChain(main);
      if (points.length < 2) return setError('A patch line goes from one point to at least one other: “Wall box 3 → Neve 1073 #3”.');
      if (points.length > MAX_PATCH_POINTS) return setError(`At most ${MAX_PATCH_POINTS} points in one line.`);
      if (points.some((p) => p.length > 80)) return setError('Keep each point under 80 characters.');
      fields = { points, notes: notes.trim() };
    } else {
      if (!main.trim()) return setError('Describe the step.');
      if (main.trim().length > 300) return setError('Keep the step under 300 characters.');
      fields = { text: main.trim(), notes: notes.trim() };
    }
    setSaving(true);
    try {
      await onSave(fields);
      if (!item) {
        // Ready for the next one.
        setMain('');
        setNotes('');
        setSaved(part === 'PATCH' ? 'Added the patch line. Next one:' : 'Added the step. Next one:');
        mainRef.current?.focus();
      }
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const label = part === 'PATCH' ? 'Chain, from → to' : 'Step';
  return (
    <form ref={escapeRef} className="editor step-form" noValidate aria-label={item ? 'Edit line' : part === 'PATCH' ? 'New patch line' : 'New step'} onSubmit={submit}>
      <div className="step-form__fields">
        <div className="field step-form__main">
          <label className="field__label" htmlFor={`${id}-main`}>
            {label}
          </label>
          <input
            ref={mainRef}
            id={`${id}-main`}
            className="input"
            autoComplete="off"
            placeholder={part === 'PATCH' ? 'Live Room wall box 3 → Neve 1073 #3 → 1176 → Interface in 3' : 'Check the word clock: 48 kHz, every device locked'}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : part === 'PATCH' ? `${id}-hint` : undefined}
            value={main}
            onChange={(e) => {
              setMain(e.target.value);
              setSaved(null);
              setError(null);
            }}
          />
          {part === 'PATCH' ? (
            <p className="field__help" id={`${id}-hint`}>
              Separate the points with → or &gt;.
            </p>
          ) : null}
          {error ? (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-notes`}>
            Notes
          </label>
          <input id={`${id}-notes`} className="input" autoComplete="off" maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
      </div>
      <LineFormFooter editing={item !== null} saved={saved} formError={formError} saving={saving} disabled={!item && offline} submitLabel={item ? 'Save' : part === 'PATCH' ? 'Add patch line' : 'Add step'} onCancel={onCancel} />
    </form>
  );
}

/** A part made of one-line entries: the patch plan (chains) or the prep checklist (steps). */
export function StepList({ part, items, timeZone, canEdit, canCheck, offline, pending, writes }: PartProps & { part: 'PATCH' | 'CHECK' }) {
  const { notify } = useNotices();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [generating, setGenerating] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const closeEditor = (itemId: string) => {
    setEditing(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-line-focus="${itemId}"]`)?.focus());
  };
  const done = items.filter((i) => i.checked).length;
  const title = part === 'PATCH' ? 'Patch plan' : 'Prep checklist';
  const headingId = part === 'PATCH' ? 'part-patch' : 'part-checklist';

  const generate = async () => {
    setGenerating(true);
    try {
      const added = await writes.generateChecklist();
      notify(
        added > 0
          ? { tone: 'success', title: `Added ${added === 1 ? '1 step' : `${added} steps`} from the input list.`, message: 'Edit or remove any of them; generating again adds only what is missing.' }
          : { tone: 'info', title: 'The checklist already has every step the input list calls for.' },
      );
    } catch (err) {
      notify({ tone: 'error', title: 'Couldn’t generate the checklist.', message: errorMessage(err) });
    } finally {
      setGenerating(false);
    }
  };

  return (
    <section className="setup-part" aria-labelledby={headingId}>
      <div className="setup-part__head">
        <h2 className="setup-part__title" id={headingId}>
          {title}
        </h2>
        <ProgressMeter done={done} total={items.length} unit={part === 'PATCH' ? 'patched' : 'done'} empty={part === 'PATCH' ? 'No patch lines yet' : 'No steps yet'} label={title} />
        {part === 'CHECK' && canEdit ? (
          <button type="button" className="button button--small setup-part__action" disabled={offline || generating} onClick={() => void generate()}>
            {generating ? 'Generating…' : 'Generate from input list'}
          </button>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="setup-part__empty">
          {part === 'PATCH'
            ? 'No patch lines yet: each one is a chain from the wall box to the DAW, like “Wall box 3 → Neve 1073 #3 → Interface in 3”.'
            : canEdit
              ? 'No steps yet. Generate them from the input list (place each mic, phantom off on ribbons, PSU for tube mics, line-check), or add the room’s own.'
              : 'No steps yet.'}
        </p>
      ) : (
        <ol className="step-list">
          {items.map((item, index) =>
            editing === item.id ? (
              <li key={item.id} className="step-list__item step-list__item--editing">
                <StepForm
                  part={part}
                  item={item}
                  offline={offline}
                  onCancel={() => closeEditor(item.id)}
                  onSave={async (fields) => {
                    const changes: Record<string, unknown> = {};
                    if (fields.text !== undefined && fields.text !== item.text) changes.text = fields.text;
                    if (fields.points && fields.points.join('\u0000') !== item.points.join('\u0000')) changes.points = fields.points;
                    if (fields.notes !== item.notes) changes.notes = fields.notes;
                    if (Object.keys(changes).length) writes.change(item, changes);
                    closeEditor(item.id);
                  }}
                />
              </li>
            ) : (
              <li key={item.id} className={`step-list__item${item.checked ? ' step-list__item--done' : ''}`}>
                <Tick item={item} timeZone={timeZone} canCheck={canCheck} waiting={pending.has(item.id)} onToggle={writes.toggle} />
                <div className="step-list__text">
                  <span className="step-list__main">{part === 'PATCH' ? <PatchChain points={item.points} /> : item.text}</span>
                  {item.notes ? <span className="step-list__notes">{item.notes}</span> : null}
                  {item.checked ? <span className="step-list__who">{checkedText(item, timeZone)}</span> : null}
                </div>
                {canEdit ? (
                  <LineActions item={item} index={index} count={items.length} disabled={offline} onEdit={() => setEditing(item.id)} onMove={(i, to) => void writes.move(i, to)} onRemove={writes.remove} />
                ) : canCheck ? (
                  <NoteButton item={item} writes={writes} />
                ) : null}
              </li>
            ),
          )}
        </ol>
      )}
      {canEdit ? (
        adding ? (
          <StepForm
            part={part}
            item={null}
            offline={offline}
            onCancel={() => {
              setAdding(false);
              requestAnimationFrame(() => addButton.current?.focus());
            }}
            onSave={async (fields) => {
              await writes.create({ part, ...fields });
            }}
          />
        ) : (
          <div className="button-row">
            <button ref={addButton} type="button" className="button" disabled={offline} onClick={() => setAdding(true)}>
              <span aria-hidden="true">+</span> {part === 'PATCH' ? 'Add patch line' : 'Add step'}
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}

/** A patch chain with arrows between its points. */
export function PatchChain({ points }: { points: readonly string[] }) {
  return (
    <span className="patch-chain">
      {points.map((p, i) => (
        <span key={`${i}:${p}`} className="patch-chain__point">
          {i > 0 ? (
            <span className="patch-chain__arrow" aria-label="to">
              {' → '}
            </span>
          ) : null}
          {p}
        </span>
      ))}
    </span>
  );
}
