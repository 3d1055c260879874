import type { GearCategory, GearItem, GearStatus, Studio } from '@patchbay/shared';
import { GEAR_CATEGORIES, GEAR_CATEGORY_LABELS, GEAR_STATUSES, GEAR_STATUS_LABELS } from '@patchbay/shared/domain/gear';
import { useId, useMemo, useState } from 'react';
import { useApi } from '../api/api-context';
import { queryKeys, useGear } from '../api/queries';
import { FilterChips, type ChipOption } from '../components/filter-chips';
import { Field } from '../components/field';
import { PageError, PageLoading } from '../components/page-state';
import { plural } from '../lib/labels';
import type { FieldErrors } from '../lib/use-form';
import { useRefreshAndNotify } from './common';
import { DeleteAction, EditButton, EditableTable } from './editable-table';
import { EditorForm, NumberField, SelectField, TextField, choices, useEditorForm } from './editor';

type GearField = 'category' | 'make' | 'model' | 'label' | 'quantity' | 'homeRoomId' | 'status' | 'needsPhantom' | 'notes';
const NO_ROOM = '';

/** "U87 #2" from "Neumann" "U87 Ai": a label to start from when none is typed. */
function suggestedLabel(make: string, model: string): string {
  return [make.trim(), model.trim()].filter(Boolean).join(' ');
}

function GearForm({ item, studio, onDone }: { item: GearItem | null; studio: Studio; onDone: () => void }) {
  const api = useApi();
  const { announce } = useRefreshAndNotify(queryKeys.gear);
  const [category, setCategory] = useState<GearCategory>(item?.category ?? 'MICROPHONE');
  const [make, setMake] = useState(item?.make ?? '');
  const [model, setModel] = useState(item?.model ?? '');
  const [label, setLabel] = useState(item?.label ?? '');
  const [quantity, setQuantity] = useState(String(item?.quantity ?? 1));
  const [homeRoomId, setHomeRoomId] = useState(item?.homeRoom?.id ?? NO_ROOM);
  const [status, setStatus] = useState<GearStatus>(item?.status ?? 'OK');
  const [ribbon, setRibbon] = useState(item?.ribbon ?? false);
  const [tube, setTube] = useState(item?.tube ?? false);
  const [needsPhantom, setNeedsPhantom] = useState(item?.needsPhantom ?? false);
  const [notes, setNotes] = useState(item?.notes ?? '');
  const shownLabel = label || (item ? '' : suggestedLabel(make, model));
  const count = Number(quantity);
  const isMic = category === 'MICROPHONE';

  const form = useEditorForm<GearField>({
    check: () => {
      const found: FieldErrors<GearField> = {};
      if (!shownLabel.trim()) found.label = 'Give it a label people use, like “U87 #2”.';
      else if (shownLabel.trim().length > 80) found.label = 'Keep the label under 80 characters.';
      if (!Number.isInteger(count) || count < 1 || count > 999) found.quantity = 'Enter how many, from 1 to 999.';
      if (ribbon && needsPhantom) found.needsPhantom = 'A ribbon mic must never get phantom power.';
      if (notes.length > 1000) found.notes = 'Keep notes under 1000 characters.';
      return found;
    },
    save: async () => {
      const body = {
        category, make: make.trim(), model: model.trim(), label: shownLabel.trim(), quantity: count, homeRoomId: homeRoomId || null, status, notes,
        ribbon: isMic && ribbon, tube: isMic && tube, needsPhantom: (isMic || category === 'DI') && needsPhantom,
      };
      const saved = item ? await api.updateGear(item.id, body) : await api.createGear(body);
      await announce(item ? `Saved ${saved.label}.` : `Added ${saved.label} to the gear.`);
    },
    onDone,
  });
  const { errors } = form;
  const roomOptions = [{ value: NO_ROOM, label: 'No fixed room' }, ...studio.rooms.map((r) => ({ value: r.id, label: r.name }))];

  return (
    <EditorForm form={form} label={item ? `Edit ${item.label}` : 'New gear'} title={item ? `Edit ${item.label}` : 'New gear'} submitLabel={item ? 'Save gear' : 'Add gear'} onCancel={onDone}>
      <SelectField label="Category" error={errors.category} value={category} options={choices(GEAR_CATEGORIES, GEAR_CATEGORY_LABELS)} onChange={form.update('category', setCategory)} />
      <TextField label="Make" error={errors.make} autoComplete="off" placeholder="e.g. Neumann" value={make} onChange={form.update('make', setMake)} />
      <TextField label="Model" error={errors.model} autoComplete="off" placeholder="e.g. U87 Ai" value={model} onChange={form.update('model', setModel)} />
      <TextField
        label="Label"
        hint="What people call it; tells identical units apart (“U87 #2”)."
        error={errors.label}
        autoComplete="off"
        value={shownLabel}
        onChange={form.update('label', setLabel)}
      />
      <NumberField label="Quantity" hint="1 for a labelled unit; more for a pool of identical ones." error={errors.quantity} min={1} max={999} value={quantity} onChange={form.update('quantity', setQuantity)} />
      <SelectField label="Home room" error={errors.homeRoomId} value={homeRoomId} options={roomOptions} onChange={form.update('homeRoomId', setHomeRoomId)} />
      <SelectField label="Status" hint="In repair or missing: setup lists that plan it show an error." error={errors.status} value={status} options={choices(GEAR_STATUSES, GEAR_STATUS_LABELS)} onChange={form.update('status', setStatus)} />
      {isMic || category === 'DI' ? (
        <fieldset className="editor__checks" aria-describedby={errors.needsPhantom ? 'gear-phantom-error' : undefined}>
          <legend className="field__label">What the setup rules need to know</legend>
          {isMic ? (
            <>
              <label className="check">
                <input type="checkbox" checked={ribbon} onChange={(e) => form.update('needsPhantom', setRibbon)(e.target.checked)} />
                Ribbon mic (never phantom power)
              </label>
              <label className="check">
                <input type="checkbox" checked={tube} onChange={(e) => setTube(e.target.checked)} />
                Tube mic (needs its power supply)
              </label>
            </>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={needsPhantom} aria-invalid={errors.needsPhantom ? true : undefined} onChange={(e) => form.update('needsPhantom', setNeedsPhantom)(e.target.checked)} />
            Needs phantom power (48V)
          </label>
          {errors.needsPhantom ? (
            <p className="field__error" id="gear-phantom-error">
              {errors.needsPhantom}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <Field label="Notes" hint="Where it lives, quirks, repair details." error={errors.notes} className="editor__wide">
        {(c) => <textarea {...c} className="input" rows={2} value={notes} onChange={(e) => form.update('notes', setNotes)(e.target.value)} />}
      </Field>
    </EditorForm>
  );
}

/** "Ribbon", "Tube", "48V": the facts the rules use, as tags. */
function GearFacts({ item }: { item: GearItem }) {
  const facts = [item.ribbon ? 'Ribbon' : null, item.tube ? 'Tube' : null, item.needsPhantom ? '48V' : null].filter(Boolean);
  if (facts.length === 0) return <span className="data-table__none">—</span>;
  return (
    <span className="tag-row">
      {facts.map((f) => (
        <span key={f} className="tag">
          {f}
        </span>
      ))}
    </span>
  );
}

type CategoryFilter = GearCategory | 'all';
type StatusFilter = GearStatus | 'all' | 'out';

export function GearTab({ studio }: { studio: Studio }) {
  const api = useApi();
  const { announce } = useRefreshAndNotify(queryKeys.gear);
  const gear = useGear();
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [search, setSearch] = useState('');
  const searchId = useId();

  const all = useMemo(() => gear.data ?? [], [gear.data]);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return all.filter(
      (g) =>
        (category === 'all' || g.category === category) &&
        (status === 'all' || (status === 'out' ? g.status !== 'OK' : g.status === status)) &&
        (!q || `${g.label} ${g.make} ${g.model} ${g.homeRoom?.name ?? ''}`.toLowerCase().includes(q)),
    );
  }, [all, category, status, search]);

  if (gear.isPending) return <PageLoading label="Loading the gear…" />;
  if (gear.isError) return <PageError title="Couldn't load the gear" error={gear.error} />;

  const categories: ChipOption<CategoryFilter>[] = [
    { value: 'all', label: 'All', count: all.length },
    ...GEAR_CATEGORIES.filter((c) => all.some((g) => g.category === c)).map((c) => ({ value: c, label: GEAR_CATEGORY_LABELS[c], count: all.filter((g) => g.category === c).length })),
  ];
  const out = all.filter((g) => g.status !== 'OK').length;
  const units = all.reduce((sum, g) => sum + g.quantity, 0);

  return (
    <>
      <div className="gear-filters">
        <div className="field gear-filters__search">
          <label className="field__label" htmlFor={searchId}>
            Find gear
          </label>
          <input id={searchId} className="input" type="search" placeholder="U87, Live Room A, Neve…" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <FilterChips label="Category" options={categories} value={category} onChange={setCategory} />
        <FilterChips
          label="Status"
          options={[
            { value: 'all', label: 'All' },
            { value: 'out', label: 'Out of action', count: out },
          ]}
          value={status === 'out' ? 'out' : 'all'}
          onChange={setStatus}
        />
      </div>
      <EditableTable
        summary={`${plural(all.length, 'item')} · ${plural(units, 'unit')}${out ? ` · ${out} out of action` : ''}${shown.length !== all.length ? ` · showing ${shown.length}` : ''}`}
        addLabel="Add gear"
        columns={['Item', 'Category', 'Qty', 'Home room', 'Status', 'Facts']}
        items={shown}
        itemKey={(g) => g.id}
        renderForm={(item, done) => <GearForm item={item} studio={studio} onDone={done} />}
        renderRow={(g, edit) => (
          <>
            <th scope="row">
              <span className="data-table__primary">{g.label}</span>
              {g.make || g.model ? <span className="data-table__secondary">{[g.make, g.model].filter(Boolean).join(' ')}</span> : null}
            </th>
            <td>{GEAR_CATEGORY_LABELS[g.category]}</td>
            <td className="data-table__number">{g.quantity}</td>
            <td>{g.homeRoom?.name ?? <span className="data-table__none">Anywhere</span>}</td>
            <td>
              {g.status === 'OK' ? <span className="tag tag--ok">OK</span> : <span className="tag tag--danger">{GEAR_STATUS_LABELS[g.status]}</span>}
              {g.notes ? <span className="data-table__secondary">{g.notes}</span> : null}
            </td>
            <td>
              <GearFacts item={g} />
            </td>
            <td className="data-table__actions">
              <EditButton name={g.label} onEdit={edit} />
              <DeleteAction
                name={g.label}
                question={`Remove ${g.label}? Setup lists that plan it keep its name as text.`}
                onDelete={async () => {
                  await api.deleteGear(g.id);
                  await announce(`Removed ${g.label} from the gear.`);
                }}
              />
            </td>
          </>
        )}
      />
    </>
  );
}
