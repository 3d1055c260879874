import type { GearItem } from '@patchbay/shared';
import { GEAR_CATEGORIES, GEAR_CATEGORY_LABELS, GEAR_STATUS_LABELS } from '@patchbay/shared/domain/gear';
import { MAX_CHANNEL } from '@patchbay/shared/domain/setup-parts';
import type { ReactNode } from 'react';
import { Field } from '../components/field';

/** An input line as a form holds it (numbers as typed). */
export interface InputDraft {
  channel: string;
  source: string;
  gearId: string | null;
  gearText: string;
  stand: string;
  preamp: string;
  phantom: boolean;
  padDb: string;
  highPassHz: string;
  polarity: boolean;
  insert: string;
  notes: string;
}

export const emptyInput: InputDraft = { channel: '', source: '', gearId: null, gearText: '', stand: '', preamp: '', phantom: false, padDb: '', highPassHz: '', polarity: false, insert: '', notes: '' };

export type InputField = keyof InputDraft;

export function draftOf(line: { channel: number | null; source: string; gearId: string | null; gearText: string; stand: string; preamp: string; phantom: boolean; padDb: number | null; highPassHz: number | null; polarity: boolean; insert: string; notes: string }): InputDraft {
  return {
    ...line,
    channel: line.channel === null ? '' : String(line.channel),
    padDb: line.padDb === null ? '' : String(line.padDb),
    highPassHz: line.highPassHz === null ? '' : String(line.highPassHz),
  };
}

const whole = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

/** The draft as API fields, or the problems with it by field. */
export function readInput(draft: InputDraft): { fields: ReturnType<typeof fieldsOf> | null; errors: Partial<Record<InputField, string>> } {
  const errors: Partial<Record<InputField, string>> = {};
  const channel = whole(draft.channel);
  if (channel !== null && (!Number.isInteger(channel) || channel < 1 || channel > MAX_CHANNEL)) errors.channel = `A channel from 1 to ${MAX_CHANNEL}.`;
  if (!draft.source.trim()) errors.source = 'Name what is plugged in, like “Kick In”.';
  else if (draft.source.trim().length > 80) errors.source = 'Keep it under 80 characters.';
  const pad = whole(draft.padDb);
  if (pad !== null && (!Number.isInteger(pad) || pad < 0 || pad > 60)) errors.padDb = 'A pad from 0 to 60 dB.';
  const hpf = whole(draft.highPassHz);
  if (hpf !== null && (!Number.isInteger(hpf) || hpf < 10 || hpf > 2000)) errors.highPassHz = 'A high-pass from 10 to 2000 Hz.';
  for (const [field, max] of [['gearText', 80], ['stand', 60], ['preamp', 60], ['insert', 80], ['notes', 1000]] as const) {
    if (draft[field].trim().length > max) errors[field] = `Keep it under ${max} characters.`;
  }
  if (Object.keys(errors).length > 0) return { fields: null, errors };
  return { fields: fieldsOf(draft, channel, pad, hpf), errors };
}

function fieldsOf(draft: InputDraft, channel: number | null, padDb: number | null, highPassHz: number | null) {
  return {
    channel,
    source: draft.source.trim(),
    gearId: draft.gearId,
    gearText: draft.gearId ? '' : draft.gearText.trim(),
    stand: draft.stand.trim(),
    preamp: draft.preamp.trim(),
    phantom: draft.phantom,
    padDb,
    highPassHz,
    polarity: draft.polarity,
    insert: draft.insert.trim(),
    notes: draft.notes.trim(),
  };
}

const OWN = '__own__';

/**
 * A mic or DI from the inventory, grouped by category; items in repair or missing are shown but
 * cannot be picked. "Artist’s own / not listed" switches to free text.
 */
export function GearPicker({ gear, value, text, onChange, id, invalid, describedBy, label }: {
  gear: readonly GearItem[];
  value: string | null;
  text: string;
  onChange: (gearId: string | null, text: string) => void;
  id: string;
  invalid?: boolean;
  describedBy?: string | undefined;
  /** The select's name when no <label> names it (a row of a table). */
  label?: string;
}) {
  const groups = GEAR_CATEGORIES.map((c) => ({ category: c, items: gear.filter((g) => g.category === c) })).filter((g) => g.items.length > 0);
  const selected = value ?? (text ? OWN : '');
  return (
    <div className="gear-picker">
      <select
        id={id}
        className="input"
        aria-label={label}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        value={selected}
        onChange={(e) => {
          const v = e.target.value;
          if (v === OWN) onChange(null, text);
          else onChange(v || null, '');
        }}
      >
        <option value="">None</option>
        {groups.map((g) => (
          <optgroup key={g.category} label={GEAR_CATEGORY_LABELS[g.category]}>
            {g.items.map((item) => (
              <option key={item.id} value={item.id} disabled={item.status !== 'OK' && item.id !== value}>
                {item.label}
                {item.quantity > 1 ? ` (×${item.quantity})` : ''}
                {item.status !== 'OK' ? ` — ${GEAR_STATUS_LABELS[item.status].toLowerCase()}` : ''}
                {item.ribbon ? ' · ribbon' : item.tube ? ' · tube' : ''}
              </option>
            ))}
          </optgroup>
        ))}
        <option value={OWN}>Artist’s own / not listed…</option>
      </select>
      {selected === OWN ? (
        <input className="input" aria-label={label ? `${label}: not in the inventory` : 'Gear not in the inventory'} placeholder="e.g. band’s own SM58" value={text} onChange={(e) => onChange(null, e.target.value)} />
      ) : null}
    </div>
  );
}

/** The fields of one input line (channel … notes), laid out in the editor grid. */
export function InputLineFields({
  draft,
  errors,
  gear,
  onChange,
  issues,
}: {
  draft: InputDraft;
  errors: Partial<Record<InputField, string>>;
  gear: readonly GearItem[];
  onChange: (patch: Partial<InputDraft>) => void;
  /** What the setup rules say about the line as it is in the form (shown under the gear). */
  issues?: ReactNode;
}) {
  return (
    <>
      <Field label="Channel" error={errors.channel} className="input-form__channel">
        {(c) => <input {...c} className="input" inputMode="numeric" autoComplete="off" value={draft.channel} onChange={(e) => onChange({ channel: e.target.value })} />}
      </Field>
      <Field label="Source" error={errors.source}>
        {(c) => <input {...c} className="input" autoComplete="off" placeholder="e.g. Kick In" value={draft.source} onChange={(e) => onChange({ source: e.target.value })} />}
      </Field>
      <Field label="Mic / DI" error={errors.gearId ?? errors.gearText}>
        {(c) => (
          <GearPicker
            id={c.id}
            invalid={c['aria-invalid']}
            describedBy={c['aria-describedby']}
            gear={gear}
            value={draft.gearId}
            text={draft.gearText}
            onChange={(gearId, gearText) => {
              const item = gear.find((g) => g.id === gearId);
              // Phantom follows what the mic needs when it is picked (the rules warn either way).
              onChange({ gearId, gearText, ...(item ? { phantom: item.needsPhantom && !item.ribbon } : {}) });
            }}
          />
        )}
      </Field>
      <Field label="Stand" error={errors.stand}>
        {(c) => <input {...c} className="input" autoComplete="off" placeholder="e.g. boom stand" value={draft.stand} onChange={(e) => onChange({ stand: e.target.value })} />}
      </Field>
      <Field label="Preamp / console ch" error={errors.preamp}>
        {(c) => <input {...c} className="input" autoComplete="off" placeholder="e.g. Neve 1073 #3" value={draft.preamp} onChange={(e) => onChange({ preamp: e.target.value })} />}
      </Field>
      <Field label="Pad (dB)" hint="Empty: no pad." error={errors.padDb}>
        {(c) => <input {...c} className="input" inputMode="numeric" autoComplete="off" value={draft.padDb} onChange={(e) => onChange({ padDb: e.target.value })} />}
      </Field>
      <Field label="High-pass (Hz)" hint="Empty: off." error={errors.highPassHz}>
        {(c) => <input {...c} className="input" inputMode="numeric" autoComplete="off" value={draft.highPassHz} onChange={(e) => onChange({ highPassHz: e.target.value })} />}
      </Field>
      <Field label="Insert" error={errors.insert}>
        {(c) => <input {...c} className="input" autoComplete="off" placeholder="e.g. 1176" value={draft.insert} onChange={(e) => onChange({ insert: e.target.value })} />}
      </Field>
      <div className="editor__checks input-form__checks">
        <label className="check">
          <input type="checkbox" checked={draft.phantom} onChange={(e) => onChange({ phantom: e.target.checked })} />
          Phantom power (48V)
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.polarity} onChange={(e) => onChange({ polarity: e.target.checked })} />
          Polarity flipped (Ø)
        </label>
      </div>
      {issues ? <div className="editor__wide">{issues}</div> : null}
      <Field label="Notes" error={errors.notes} className="editor__wide">
        {(c) => <input {...c} className="input" autoComplete="off" value={draft.notes} onChange={(e) => onChange({ notes: e.target.value })} />}
      </Field>
    </>
  );
}
