import type { AccessRole, Member, MemberRole, Studio } from '@patchbay/shared';
import { ACCESS_ROLES, ACCESS_ROLE_LABELS } from '@patchbay/shared/domain/permissions';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import { errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { useMe } from '../auth/auth-context';
import { Dialog } from '../components/dialog';
import { Field, FieldSet, FormError } from '../components/field';
import { useNotices } from '../components/notices';
import { plural } from '../lib/labels';
import { useFormState } from '../lib/use-form';
import { ConfirmAction, TabToolbar, splitList } from './common';
import { Invitations } from './invitations';

const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

type MemberField = 'name' | 'email' | 'roles' | 'weeklyCapacityHours' | 'skills' | 'knownRoomIds';

function MemberForm({ studio, member, onDone }: { studio: Studio; member: Member | null; onDone: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [name, setName] = useState(member?.name ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  const [roles, setRoles] = useState<MemberRole[]>(member?.roles ?? []);
  const [capacity, setCapacity] = useState(String(member?.weeklyCapacityHours ?? 40));
  const [skills, setSkills] = useState((member?.skills ?? []).join(', '));
  const [rooms, setRooms] = useState<string[]>(member?.knownRoomIds ?? []);
  const { errors, formError, submitting, formRef, run, clearError } = useFormState<MemberField>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<MemberField, string>> = {};
    if (!name.trim()) found.name = 'Enter the person’s name.';
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Enter an email address like name@studio.com.';
    if (roles.length === 0) found.roles = 'Choose at least one role.';
    const hours = Number(capacity);
    if (!Number.isInteger(hours) || hours < 0 || hours > 168) found.weeklyCapacityHours = 'Enter whole hours between 0 and 168.';
    const ok = await run(found, async () => {
      const body = { name: name.trim(), email: email.trim(), roles, weeklyCapacityHours: hours, skills: splitList(skills), knownRoomIds: rooms };
      const saved = member ? await api.updateMember(member.id, body) : await api.createMember(body);
      await queryClient.invalidateQueries({ queryKey: queryKeys.studio });
      notify({ tone: 'success', title: member ? `Saved ${saved.name}.` : `Added ${saved.name}.`, message: member ? undefined : 'Invite them below to give them an account.' });
    });
    if (ok) onDone();
  };

  return (
    <form ref={formRef} className="editor" noValidate aria-label={member ? `Edit ${member.name}` : 'New member'} onSubmit={(e) => void submit(e)}>
      <h3 className="editor__title">{member ? `Edit ${member.name}` : 'New member (without an account)'}</h3>
      <div className="editor__grid">
        <Field label="Name" error={errors.name}>
          {(c) => (
            <input
              {...c}
              className="input"
              autoComplete="off"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                clearError('name');
              }}
            />
          )}
        </Field>
        <Field label="Email" error={errors.email}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                clearError('email');
              }}
            />
          )}
        </Field>
        <Field label="Capacity (hours a week)" error={errors.weeklyCapacityHours}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="number"
              inputMode="numeric"
              min={0}
              max={168}
              value={capacity}
              onChange={(e) => {
                setCapacity(e.target.value);
                clearError('weeklyCapacityHours');
              }}
            />
          )}
        </Field>
        <FieldSet legend="Roles" error={errors.roles}>
          {MEMBER_ROLES.map((role) => (
            <label key={role} className="check">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                aria-invalid={errors.roles ? true : undefined}
                onChange={() => {
                  setRoles((prev) => toggle(prev, role));
                  clearError('roles');
                }}
              />
              {MEMBER_ROLE_LABELS[role]}
            </label>
          ))}
        </FieldSet>
        <Field label="Skills" hint="Comma-separated: “engineering”, “production”, or task kinds like “mixing”." error={errors.skills} className="editor__wide">
          {(c) => <input {...c} className="input" autoComplete="off" value={skills} onChange={(e) => setSkills(e.target.value)} />}
        </Field>
        {studio.rooms.length > 0 ? (
          <FieldSet legend="Knows these rooms" hint="Routing prefers people who know the room for room-bound work." error={errors.knownRoomIds} className="editor__wide">
            {studio.rooms.map((room) => (
              <label key={room.id} className="check">
                <input type="checkbox" checked={rooms.includes(room.id)} onChange={() => setRooms((prev) => toggle(prev, room.id))} />
                {room.name}
              </label>
            ))}
          </FieldSet>
        ) : null}
      </div>
      <div className="editor__footer">
        <FormError message={formError} />
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Saving…' : member ? 'Save member' : 'Add member'}
        </button>
      </div>
    </form>
  );
}

/** Choosing the projects a guest may see (before making someone a guest, or later). */
function GuestProjectsDialog({
  studio,
  member,
  initial,
  onSave,
  onClose,
}: {
  studio: Studio;
  member: Member;
  initial: readonly string[];
  onSave: (projectIds: string[]) => Promise<void>;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>([...initial]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title={`Projects ${member.name} may see`}
      description="Guests (artists) see the sessions and boards of these projects only, read-only."
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={saving}
            onClick={() => {
              setSaving(true);
              setError(null);
              onSave(chosen).then(onClose, (err: unknown) => {
                setError(errorMessage(err));
                setSaving(false);
              });
            }}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <FieldSet legend="Projects">
        {studio.projects.map((p) => (
          <label key={p.id} className="check">
            <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => setChosen((prev) => (prev.includes(p.id) ? prev.filter((x) => x !== p.id) : [...prev, p.id]))} />
            {p.artist} – {p.title}
          </label>
        ))}
      </FieldSet>
      <FormError message={error} />
    </Dialog>
  );
}

function AccessSelect({ member, onGuest }: { member: Member; onGuest: (member: Member) => void }) {
  const api = useApi();
  const me = useMe();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [saving, setSaving] = useState(false);
  const self = member.id === me.member.id;
  const adminOnly = (role: AccessRole) => (role === 'ADMIN' || member.accessRole === 'ADMIN') && me.member.accessRole !== 'ADMIN';

  const change = async (role: AccessRole) => {
    if (role === member.accessRole) return;
    if (role === 'GUEST') {
      onGuest(member);
      return;
    }
    setSaving(true);
    try {
      await api.setMemberAccess(member.id, { accessRole: role });
      await queryClient.invalidateQueries({ queryKey: queryKeys.studio });
      notify({ tone: 'success', title: `${member.name} is now ${ACCESS_ROLE_LABELS[role]}.`, message: member.hasAccount ? 'Their open pages switch to the new access at once.' : undefined });
    } catch (err) {
      notify({ tone: 'error', title: `Couldn't change ${member.name}'s access.`, message: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <select
      className="input input--compact"
      aria-label={`Access role of ${member.name}`}
      value={member.accessRole}
      disabled={saving || self || adminOnly(member.accessRole)}
      title={self ? 'You cannot change your own access role' : undefined}
      onChange={(e) => void change(e.target.value as AccessRole)}
    >
      {ACCESS_ROLES.map((role) => (
        <option key={role} value={role} disabled={adminOnly(role)}>
          {ACCESS_ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}

export function MembersTab({ studio }: { studio: Studio }) {
  const api = useApi();
  const me = useMe();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [guest, setGuest] = useState<Member | null>(null);
  const members = [...studio.members].sort((a, b) => a.name.localeCompare(b.name));
  const projectName = (id: string) => {
    const p = studio.projects.find((x) => x.id === id);
    return p ? `${p.artist} – ${p.title}` : 'a removed project';
  };

  return (
    <>
      <TabToolbar summary={`${plural(members.length, 'member')} · ${plural(members.filter((m) => m.hasAccount).length, 'account')}`}>
        <button type="button" className="button button--small" disabled={editing === 'new'} onClick={() => setEditing('new')}>
          <span aria-hidden="true">+</span> Add member without account
        </button>
      </TabToolbar>
      {editing ? <MemberForm key={editing === 'new' ? 'new' : editing.id} studio={studio} member={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Roles</th>
              <th scope="col">Capacity</th>
              <th scope="col">Access</th>
              <th scope="col">Account</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <span className="data-table__primary">
                    {m.name}
                    {m.id === me.member.id ? <span className="tag data-table__tag">You</span> : null}
                  </span>
                  <span className="data-table__secondary">{m.email}</span>
                </th>
                <td>{m.roles.map((r) => MEMBER_ROLE_LABELS[r]).join(', ') || <span className="data-table__none">None</span>}</td>
                <td>{m.roles.length > 0 ? `${m.weeklyCapacityHours} h/week` : <span className="data-table__none">–</span>}</td>
                <td>
                  <AccessSelect member={m} onGuest={setGuest} />
                  {m.accessRole === 'GUEST' ? (
                    <span className="data-table__secondary">
                      Sees: {m.guestProjectIds.length === 0 ? 'no project yet' : m.guestProjectIds.map(projectName).join(', ')}{' '}
                      <button type="button" className="link-button" aria-label={`Change the projects ${m.name} may see`} onClick={() => setGuest(m)}>
                        Change
                      </button>
                    </span>
                  ) : null}
                </td>
                <td>{m.hasAccount ? <span className="tag tag--ok">Has account</span> : <span className="data-table__none">No account</span>}</td>
                <td className="data-table__actions">
                  <button type="button" className="button button--small" aria-label={`Edit ${m.name}`} onClick={() => setEditing(m)}>
                    Edit
                  </button>
                  {m.hasAccount && m.id !== me.member.id ? (
                    <ConfirmAction
                      label={`Sign ${m.name} out everywhere`}
                      question={`Sign ${m.name} out of every browser?`}
                      confirmLabel="Sign out everywhere"
                      tone="plain"
                      failure={`Couldn't sign ${m.name} out.`}
                      onConfirm={async () => {
                        await api.signOutMember(m.id);
                        notify({ tone: 'success', title: `${m.name} is signed out everywhere.` });
                      }}
                    />
                  ) : null}
                  {m.id !== me.member.id ? (
                    <ConfirmAction
                      label={`Remove ${m.name}`}
                      question={`Remove ${m.name} from the studio?`}
                      confirmLabel="Remove"
                      failure={`Couldn't remove ${m.name}.`}
                      onConfirm={async () => {
                        await api.deleteMember(m.id);
                        await queryClient.invalidateQueries({ queryKey: queryKeys.studio });
                        notify({ tone: 'success', title: `Removed ${m.name}.` });
                      }}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Invitations studio={studio} />

      {guest ? (
        <GuestProjectsDialog
          studio={studio}
          member={guest}
          initial={guest.accessRole === 'GUEST' ? guest.guestProjectIds : []}
          onClose={() => setGuest(null)}
          onSave={async (projectIds) => {
            await api.setMemberAccess(guest.id, { accessRole: 'GUEST', projectIds });
            await queryClient.invalidateQueries({ queryKey: queryKeys.studio });
            notify({ tone: 'success', title: `${guest.name} is a guest of ${plural(projectIds.length, 'project')}.` });
          }}
        />
      ) : null}
    </>
  );
}
