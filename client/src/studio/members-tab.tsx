import type { AccessRole, Member, MemberRole, Studio } from '@patchbay/shared';
import { ACCESS_ROLES, ACCESS_ROLE_LABELS } from '@patchbay/shared/domain/permissions';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { useMe } from '../auth/auth-context';
import { Dialog } from '../components/dialog';
import { FormError } from '../components/field';
import { plural } from '../lib/labels';
import type { FieldErrors } from '../lib/use-form';
import { ConfirmAction, splitList, useRefreshAndNotify } from './common';
import { EditButton, EditableTable } from './editable-table';
import { CheckboxGroup, EditorForm, NumberField, TextField, choices, projectChoices, useEditorForm } from './editor';
import { Invitations } from './invitations';

type MemberField = 'name' | 'email' | 'roles' | 'weeklyCapacityHours' | 'skills' | 'knownRoomIds';

function MemberForm({ studio, member, onDone }: { studio: Studio; member: Member | null; onDone: () => void }) {
  const api = useApi();
  const { announce } = useRefreshAndNotify(queryKeys.studio);
  const [name, setName] = useState(member?.name ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  const [roles, setRoles] = useState<MemberRole[]>(member?.roles ?? []);
  const [capacity, setCapacity] = useState(String(member?.weeklyCapacityHours ?? 40));
  const [skills, setSkills] = useState((member?.skills ?? []).join(', '));
  const [rooms, setRooms] = useState<string[]>(member?.knownRoomIds ?? []);
  const hours = Number(capacity);
  const form = useEditorForm<MemberField>({
    check: () => {
      const found: FieldErrors<MemberField> = {};
      if (!name.trim()) found.name = 'Enter the person’s name.';
      if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Enter an email address like name@studio.com.';
      if (roles.length === 0) found.roles = 'Choose at least one role.';
      if (!Number.isInteger(hours) || hours < 0 || hours > 168) found.weeklyCapacityHours = 'Enter whole hours between 0 and 168.';
      return found;
    },
    save: async () => {
      const body = { name: name.trim(), email: email.trim(), roles, weeklyCapacityHours: hours, skills: splitList(skills), knownRoomIds: rooms };
      const saved = member ? await api.updateMember(member.id, body) : await api.createMember(body);
      await announce(member ? `Saved ${saved.name}.` : `Added ${saved.name}.`, member ? undefined : 'Invite them below to give them an account.');
    },
    onDone,
  });
  const { errors } = form;

  return (
    <EditorForm
      form={form}
      label={member ? `Edit ${member.name}` : 'New member'}
      title={member ? `Edit ${member.name}` : 'New member (without an account)'}
      submitLabel={member ? 'Save member' : 'Add member'}
      onCancel={onDone}
    >
      <TextField label="Name" error={errors.name} autoComplete="off" value={name} onChange={form.update('name', setName)} />
      <TextField label="Email" error={errors.email} type="email" autoComplete="off" value={email} onChange={form.update('email', setEmail)} />
      <NumberField label="Capacity (hours a week)" error={errors.weeklyCapacityHours} min={0} max={168} value={capacity} onChange={form.update('weeklyCapacityHours', setCapacity)} />
      <CheckboxGroup
        legend="Roles"
        error={errors.roles}
        options={choices(MEMBER_ROLES, MEMBER_ROLE_LABELS)}
        chosen={roles}
        setChosen={setRoles}
        onChange={() => form.clearError('roles')}
        invalid={Boolean(errors.roles)}
      />
      <TextField
        label="Skills"
        hint="Comma-separated: “engineering”, “production”, or task kinds like “mixing”."
        error={errors.skills}
        className="editor__wide"
        autoComplete="off"
        value={skills}
        onChange={setSkills}
      />
      {studio.rooms.length > 0 ? (
        <CheckboxGroup
          legend="Knows these rooms"
          hint="Routing prefers people who know the room for room-bound work."
          error={errors.knownRoomIds}
          className="editor__wide"
          options={studio.rooms.map((room) => ({ value: room.id, label: room.name }))}
          chosen={rooms}
          setChosen={setRooms}
        />
      ) : null}
    </EditorForm>
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
      <CheckboxGroup legend="Projects" options={projectChoices(studio)} chosen={chosen} setChosen={setChosen} />
      <FormError message={error} />
    </Dialog>
  );
}

function AccessSelect({ member, onGuest }: { member: Member; onGuest: (member: Member) => void }) {
  const api = useApi();
  const me = useMe();
  const { announce, notify } = useRefreshAndNotify(queryKeys.studio);
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
      await announce(`${member.name} is now ${ACCESS_ROLE_LABELS[role]}.`, member.hasAccount ? 'Their open pages switch to the new access at once.' : undefined);
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
  const { announce, notify } = useRefreshAndNotify(queryKeys.studio);
  const [guest, setGuest] = useState<Member | null>(null);
  const members = [...studio.members].sort((a, b) => a.name.localeCompare(b.name));
  const projectName = (id: string) => {
    const p = studio.projects.find((x) => x.id === id);
    return p ? `${p.artist} – ${p.title}` : 'a removed project';
  };

  return (
    <>
      <EditableTable
        summary={`${plural(members.length, 'member')} · ${plural(members.filter((m) => m.hasAccount).length, 'account')}`}
        addLabel="Add member without account"
        addTone="plain"
        columns={['Member', 'Roles', 'Capacity', 'Access', 'Account']}
        items={members}
        itemKey={(m) => m.id}
        renderForm={(member, done) => <MemberForm studio={studio} member={member} onDone={done} />}
        renderRow={(m, edit) => (
          <>
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
              <EditButton name={m.name} onEdit={edit} />
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
                    await announce(`Removed ${m.name}.`);
                  }}
                />
              ) : null}
            </td>
          </>
        )}
      />

      <Invitations studio={studio} />

      {guest ? (
        <GuestProjectsDialog
          studio={studio}
          member={guest}
          initial={guest.accessRole === 'GUEST' ? guest.guestProjectIds : []}
          onClose={() => setGuest(null)}
          onSave={async (projectIds) => {
            await api.setMemberAccess(guest.id, { accessRole: 'GUEST', projectIds });
            await announce(`${guest.name} is a guest of ${plural(projectIds.length, 'project')}.`);
          }}
        />
      ) : null}
    </>
  );
}
