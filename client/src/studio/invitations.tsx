import type { AccessRole, MemberRole, Studio } from '@patchbay/shared';
import { ACCESS_ROLES, ACCESS_ROLE_LABELS } from '@patchbay/shared/domain/permissions';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import type { CreatedInvitation, Invitation } from '../api/types';
import { useMe } from '../auth/auth-context';
import { PageError } from '../components/page-state';
import { formatInstant } from '../lib/format';
import type { FieldErrors } from '../lib/use-form';
import { ConfirmAction, useRefreshAndNotify } from './common';
import { DataTable } from './editable-table';
import { CheckboxGroup, EditorForm, SelectField, TextField, choices, projectChoices, useEditorForm } from './editor';

type InviteField = 'email' | 'name' | 'accessRole' | 'roles' | 'projectIds';

/** Trade roles that usually go with an access role (a suggestion; the form can change them). */
const ROLES_FOR_ACCESS: Partial<Record<AccessRole, MemberRole[]>> = {
  PRODUCER: ['PRODUCER'],
  ENGINEER: ['ENGINEER'],
  ASSISTANT_ENGINEER: ['ASSISTANT_ENGINEER'],
};

/** The invitation link, shown once: absolute, selectable, with a copy button. */
function CreatedLink({ created, onDismiss }: { created: CreatedInvitation; onDismiss: () => void }) {
  const url = new URL(created.path, window.location.origin).toString();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="invite-link" aria-labelledby="invite-link-heading">
      <h4 className="invite-link__title" id="invite-link-heading" ref={headingRef} tabIndex={-1}>
        Invitation for {created.invitation.email}
      </h4>
      <p className="invite-link__note">
        Send this link to them yourself. It works once and expires {formatInstant(created.invitation.expiresAt)}. <strong>It is shown only now.</strong>
      </p>
      <div className="invite-link__row">
        <label className="visually-hidden" htmlFor="invite-link-url">
          Invitation link
        </label>
        <input ref={inputRef} id="invite-link-url" className="input invite-link__url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" className="button button--ghost" onClick={onDismiss}>
          Done
        </button>
      </div>
      <p className="invite-link__status" role="status">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Couldn’t copy: the link is selected, press Ctrl+C (⌘C on a Mac).' : ''}
      </p>
    </section>
  );
}

function InviteForm({ studio, onCreated }: { studio: Studio; onCreated: (created: CreatedInvitation) => void }) {
  const api = useApi();
  const me = useMe();
  const { refresh } = useRefreshAndNotify(queryKeys.invitations);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [accessRole, setAccessRole] = useState<AccessRole>('ENGINEER');
  const [roles, setRoles] = useState<MemberRole[]>(['ENGINEER']);
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const guest = accessRole === 'GUEST';
  const form = useEditorForm<InviteField>({
    check: () => {
      const found: FieldErrors<InviteField> = {};
      if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Enter an email address like name@studio.com.';
      if (guest && projectIds.length === 0) found.projectIds = 'Choose the projects this guest may see.';
      return found;
    },
    save: async () => {
      const created = await api.createInvitation({
        email: email.trim(),
        name: name.trim(),
        accessRole,
        roles: guest ? [] : roles,
        projectIds: guest ? projectIds : [],
      });
      await refresh();
      setEmail('');
      setName('');
      setProjectIds([]);
      onCreated(created);
    },
  });
  const { errors } = form;

  return (
    <EditorForm form={form} titleId="invite-heading" title="Invite someone" submitLabel="Create invitation link" busyLabel="Creating…">
      <TextField label="Email" error={errors.email} type="email" autoComplete="off" value={email} onChange={form.update('email', setEmail)} />
      <TextField label="Name" hint="Optional: they can change it." error={errors.name} autoComplete="off" value={name} onChange={setName} />
      <SelectField
        label="Access"
        error={errors.accessRole}
        value={accessRole}
        options={ACCESS_ROLES.map((role) => ({ value: role, label: ACCESS_ROLE_LABELS[role], disabled: role === 'ADMIN' && me.member.accessRole !== 'ADMIN' }))}
        onChange={(next) => {
          setAccessRole(next);
          const suggested = ROLES_FOR_ACCESS[next];
          if (suggested) setRoles(suggested);
          else if (next === 'GUEST' || next === 'ADMIN') setRoles([]);
        }}
      />
      {guest ? (
        <CheckboxGroup
          legend="Projects they may see"
          error={errors.projectIds}
          className="editor__wide"
          options={projectChoices(studio)}
          chosen={projectIds}
          setChosen={setProjectIds}
          onChange={() => form.clearError('projectIds')}
          invalid={Boolean(errors.projectIds)}
        />
      ) : (
        <CheckboxGroup
          legend="Works as"
          hint="For the schedule and routing; none for an admin who doesn’t staff sessions."
          error={errors.roles}
          options={choices(MEMBER_ROLES, MEMBER_ROLE_LABELS)}
          chosen={roles}
          setChosen={setRoles}
        />
      )}
    </EditorForm>
  );
}

const isOpen = (inv: Invitation, now: number) => !inv.usedAt && !inv.revokedAt && Date.parse(inv.expiresAt) > now;

export function Invitations({ studio }: { studio: Studio }) {
  const api = useApi();
  const { announce } = useRefreshAndNotify(queryKeys.invitations);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const invitations = useQuery({ queryKey: queryKeys.invitations, queryFn: ({ signal }) => api.listInvitations(signal) });
  const [now] = useState(() => Date.now());
  const pending = (invitations.data ?? []).filter((inv) => isOpen(inv, now)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <section className="panel invitations" aria-labelledby="invitations-heading">
      <h2 className="panel__title" id="invitations-heading">
        Invitations
      </h2>
      <p className="panel__intro">An invitation is a single-use link that lets someone create their account and join with the access you choose.</p>
      {created ? <CreatedLink created={created} onDismiss={() => setCreated(null)} /> : null}
      <InviteForm studio={studio} onCreated={setCreated} />
      <h3 className="invitations__subtitle">Pending</h3>
      {invitations.isPending ? (
        <p className="data-table__none">Loading invitations…</p>
      ) : invitations.isError ? (
        <PageError title="Couldn't load invitations" error={invitations.error} />
      ) : pending.length === 0 ? (
        <p className="data-table__none">No open invitations.</p>
      ) : (
        <DataTable columns={['Invited', 'Access', 'By', 'Expires']}>
          {pending.map((inv) => (
            <tr key={inv.id}>
              <th scope="row">
                <span className="data-table__primary">{inv.email}</span>
                {inv.name ? <span className="data-table__secondary">{inv.name}</span> : null}
              </th>
              <td>{ACCESS_ROLE_LABELS[inv.accessRole]}</td>
              <td>{inv.invitedBy ?? '–'}</td>
              <td>{formatInstant(inv.expiresAt)}</td>
              <td className="data-table__actions">
                <ConfirmAction
                  label={`Revoke the invitation for ${inv.email}`}
                  question={`Revoke ${inv.email}’s invitation?`}
                  confirmLabel="Revoke"
                  failure={`Couldn't revoke the invitation for ${inv.email}.`}
                  onConfirm={async () => {
                    await api.revokeInvitation(inv.id);
                    await announce(`Revoked the invitation for ${inv.email}.`);
                  }}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
