import type { Room, Studio } from '@patchbay/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import { Field, FormError } from '../components/field';
import { useNotices } from '../components/notices';
import { ROOM_KINDS, ROOM_KIND_LABELS } from '../lib/catalog-labels';
import { plural } from '../lib/labels';
import { useFormState } from '../lib/use-form';
import { ConfirmAction, TabToolbar } from './common';

type RoomField = 'name' | 'kind' | 'notes';

function RoomForm({ room, onDone }: { room: Room | null; onDone: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [name, setName] = useState(room?.name ?? '');
  const [kind, setKind] = useState<Room['kind']>(room?.kind ?? 'CONTROL_ROOM');
  const [notes, setNotes] = useState(room?.notes ?? '');
  const { errors, formError, submitting, formRef, run, clearError } = useFormState<RoomField>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<RoomField, string>> = {};
    if (!name.trim()) found.name = 'Give the room a name.';
    else if (name.trim().length > 80) found.name = 'Keep the name under 80 characters.';
    if (notes.length > 2000) found.notes = 'Keep notes under 2000 characters.';
    const ok = await run(found, async () => {
      const body = { name: name.trim(), kind, notes };
      const saved = room ? await api.updateRoom(room.id, body) : await api.createRoom(body);
      await queryClient.invalidateQueries({ queryKey: queryKeys.studio });
      notify({ tone: 'success', title: room ? `Saved ${saved.name}.` : `Added ${saved.name}.` });
    });
    if (ok) onDone();
  };

  return (
    <form ref={formRef} className="editor" noValidate aria-label={room ? `Edit ${room.name}` : 'New room'} onSubmit={(e) => void submit(e)}>
      <h3 className="editor__title">{room ? `Edit ${room.name}` : 'New room'}</h3>
      <div className="editor__grid">
        <Field label="Name" error={errors.name}>
          {(c) => <input {...c} className="input" autoComplete="off" value={name} onChange={(e) => {
                setName(e.target.value);
                clearError('name');
              }} />}
        </Field>
        <Field label="Kind" error={errors.kind}>
          {(c) => (
            <select {...c} className="input" value={kind} onChange={(e) => setKind(e.target.value as Room['kind'])}>
              {ROOM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ROOM_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Notes" hint="Anything people setting up should know (patching quirks, access)." error={errors.notes} className="editor__wide">
          {(c) => <textarea {...c} className="input" rows={2} value={notes} onChange={(e) => {
                setNotes(e.target.value);
                clearError('notes');
              }} />}
        </Field>
      </div>
      <div className="editor__footer">
        <FormError message={formError} />
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Saving…' : room ? 'Save room' : 'Add room'}
        </button>
      </div>
    </form>
  );
}

export function RoomsTab({ studio }: { studio: Studio }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [editing, setEditing] = useState<Room | 'new' | null>(null);

  return (
    <>
      <TabToolbar summary={plural(studio.rooms.length, 'room')}>
        <button type="button" className="button button--primary button--small" disabled={editing === 'new'} onClick={() => setEditing('new')}>
          <span aria-hidden="true">+</span> Add room
        </button>
      </TabToolbar>
      {editing ? <RoomForm key={editing === 'new' ? 'new' : editing.id} room={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Room</th>
              <th scope="col">Kind</th>
              <th scope="col">Gear</th>
              <th scope="col">Notes</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {studio.rooms.map((room) => {
              const broken = room.gear.filter((g) => g.state !== 'ok').length;
              return (
                <tr key={room.id}>
                  <th scope="row">{room.name}</th>
                  <td>{ROOM_KIND_LABELS[room.kind]}</td>
                  <td>
                    {plural(room.gear.length, 'item')}
                    {broken > 0 ? <span className="tag tag--danger data-table__tag">{broken} out of action</span> : null}
                  </td>
                  <td className="data-table__notes">{room.notes || <span className="data-table__none">None</span>}</td>
                  <td className="data-table__actions">
                    <button type="button" className="button button--small" aria-label={`Edit ${room.name}`} onClick={() => setEditing(room)}>
                      Edit
                    </button>
                    <ConfirmAction
                      label={`Delete ${room.name}`}
                      question={`Delete ${room.name}?`}
                      confirmLabel="Delete"
                      failure={`Couldn't delete ${room.name}.`}
                      onConfirm={async () => {
                        await api.deleteRoom(room.id);
                        await queryClient.invalidateQueries({ queryKey: queryKeys.studio });
                        notify({ tone: 'success', title: `Deleted ${room.name}.` });
                      }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
