import type { Room, Studio } from '@patchbay/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/api-context';
import { queryKeys, useGear } from '../api/queries';
import { RoomCalendarFeedButton } from '../components/calendar-feed';
import { Field } from '../components/field';
import { ROOM_KINDS, ROOM_KIND_LABELS } from '../lib/catalog-labels';
import { plural } from '../lib/labels';
import type { FieldErrors } from '../lib/use-form';
import { useRefreshAndNotify } from './common';
import { DeleteAction, EditButton, EditableTable } from './editable-table';
import { EditorForm, SelectField, TextField, choices, useEditorForm } from './editor';

type RoomField = 'name' | 'kind' | 'notes' | 'prepMinutes' | 'teardownMinutes';

const MAX_PREP = 240;
const minutesValid = (text: string) => /^\d+$/.test(text.trim()) && Number(text.trim()) <= MAX_PREP;

function RoomForm({ room, onDone }: { room: Room | null; onDone: () => void }) {
  const api = useApi();
  const { announce } = useRefreshAndNotify(queryKeys.studio);
  const [name, setName] = useState(room?.name ?? '');
  const [kind, setKind] = useState<Room['kind']>(room?.kind ?? 'CONTROL_ROOM');
  const [notes, setNotes] = useState(room?.notes ?? '');
  const [prep, setPrep] = useState(String(room?.prepMinutes ?? 0));
  const [teardown, setTeardown] = useState(String(room?.teardownMinutes ?? 0));
  const form = useEditorForm<RoomField>({
    check: () => {
      const found: FieldErrors<RoomField> = {};
      if (!name.trim()) found.name = 'Give the room a name.';
      else if (name.trim().length > 80) found.name = 'Keep the name under 80 characters.';
      if (notes.length > 2000) found.notes = 'Keep notes under 2000 characters.';
      if (!minutesValid(prep)) found.prepMinutes = `Give minutes, from 0 to ${MAX_PREP}.`;
      if (!minutesValid(teardown)) found.teardownMinutes = `Give minutes, from 0 to ${MAX_PREP}.`;
      return found;
    },
    save: async () => {
      const body = { name: name.trim(), kind, notes, prepMinutes: Number(prep.trim()), teardownMinutes: Number(teardown.trim()) };
      const saved = room ? await api.updateRoom(room.id, body) : await api.createRoom(body);
      await announce(room ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
    },
    onDone,
  });
  const { errors } = form;

  return (
    <EditorForm form={form} label={room ? `Edit ${room.name}` : 'New room'} title={room ? `Edit ${room.name}` : 'New room'} submitLabel={room ? 'Save room' : 'Add room'} onCancel={onDone}>
      <TextField label="Name" error={errors.name} autoComplete="off" value={name} onChange={form.update('name', setName)} />
      <SelectField label="Kind" error={errors.kind} value={kind} options={choices(ROOM_KINDS, ROOM_KIND_LABELS)} onChange={setKind} />
      <TextField label="Prep (min)" hint="Default set-up time before each session here: the call time." error={errors.prepMinutes} inputMode="numeric" value={prep} onChange={form.update('prepMinutes', setPrep)} />
      <TextField label="Teardown (min)" hint="Default time to strike after each session." error={errors.teardownMinutes} inputMode="numeric" value={teardown} onChange={form.update('teardownMinutes', setTeardown)} />
      <Field label="Notes" hint="Anything people setting up should know (patching quirks, access)." error={errors.notes} className="editor__wide">
        {(c) => <textarea {...c} className="input" rows={2} value={notes} onChange={(e) => form.update('notes', setNotes)(e.target.value)} />}
      </Field>
    </EditorForm>
  );
}

export function RoomsTab({ studio }: { studio: Studio }) {
  const api = useApi();
  const { announce } = useRefreshAndNotify(queryKeys.studio);
  const gear = useGear();

  return (
    <EditableTable
      summary={plural(studio.rooms.length, 'room')}
      addLabel="Add room"
      columns={['Room', 'Kind', 'Prep / teardown', 'Gear', 'Notes']}
      items={studio.rooms}
      itemKey={(room) => room.id}
      renderForm={(room, done) => <RoomForm room={room} onDone={done} />}
      renderRow={(room, edit) => {
        const here = (gear.data ?? []).filter((g) => g.homeRoom?.id === room.id);
        const broken = here.filter((g) => g.status !== 'OK').length;
        return (
          <>
            <th scope="row">{room.name}</th>
            <td>{ROOM_KIND_LABELS[room.kind]}</td>
            <td className="data-table__nowrap">
              {room.prepMinutes || room.teardownMinutes ? `${room.prepMinutes} / ${room.teardownMinutes} min` : <span className="data-table__none">None</span>}
            </td>
            <td>
              {gear.data ? (
                <Link to="/studio/gear" className="data-table__link">
                  {plural(here.length, 'item')}
                </Link>
              ) : (
                '…'
              )}
              {broken > 0 ? <span className="tag tag--danger data-table__tag">{broken} out of action</span> : null}
            </td>
            <td className="data-table__notes">{room.notes || <span className="data-table__none">None</span>}</td>
            <td className="data-table__actions">
              <EditButton name={room.name} onEdit={edit} />
              <RoomCalendarFeedButton room={room} timeZone={studio.timezone} />
              <DeleteAction
                name={room.name}
                onDelete={async () => {
                  await api.deleteRoom(room.id);
                  await announce(`Deleted ${room.name}.`);
                }}
              />
            </td>
          </>
        );
      }}
    />
  );
}
