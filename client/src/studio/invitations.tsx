import type { AccessRole, MemberRole, Studio } from '@patchbay/shared';
import { ACCESS_ROLES, ACCESS_ROLE_LABELS } from '@patchbay/shared/domain/permissions';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import type { CreatedInvitation, Invitation } from '../api/types';
import { useMe } from '../auth/auth-context';
import { Field, FieldSet, FormError } from '../components/field';
import { useNotices } from '../components/notices';
import { PageError } from '../components/page-state';
import { formatInstant } from '../lib/format';
import { useFormState } from '../lib/use-form';
import { ConfirmAction } from './common';

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
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [accessRole, setAccessRole] = useState<AccessRole>('ENGINEER');
  const [roles, setRoles] = useState<MemberRole[]>(['ENGINEER']);
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const { errors, formError, submitting, formRef, run, clearError } = useFormState<InviteField>();
  const guest = accessRole === 'GUEST';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<InviteField, string>> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Enter an email address like name@studio.com.';
    if (guest && projectIds.length === 0) found.projectIds = 'Choose the projects this guest may see.';
    await run(found, async () => {
      const created = await api.createInvitation({
        email: email.trim(),
        name: name.trim(),
        accessRole,
        roles: guest ? [] : roles,
        projectIds: guest ? projectIds : [],
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
      setEmail('');
      setName('');
      setProjectIds([]);
      onCreated(created);
    });
  };

  return (
    <form ref={formRef} className="editor" noValidate aria-labelledby="invite-heading" onSubmit={(e) => void submit(e)}>
      <h3 className="editor__title" id="invite-heading">
        Invite someone
      </h3>
      <div className="editor__grid">
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
        <Field label="Name" hint="Optional: they can change it." error={errors.name}>
          {(c) => <input {...c} className="input" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Access" error={errors.accessRole}>
          {(c) => (
            <select
              {...c}
              className="input"
              value={accessRole}
              onChange={(e) => {
                const next = e.target.value as AccessRole;
                setAccessRole(next);
                const suggested = ROLES_FOR_ACCESS[next];
                if (suggested) setRoles(suggested);
                else if (next === 'GUEST' || next === 'ADMIN') setRoles([]);
              }}
            >
              {ACCESS_ROLES.map((role) => (
                <option key={role} value={role} disabled={role === 'ADMIN' && me.member.accessRole !== 'ADMIN'}>
                  {ACCESS_ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {guest ? (
          <FieldSet legend="Projects they may see" error={errors.projectIds} className="editor__wide">
            {studio.projects.map((p) => (
              <label key={p.id} className="check">
                <input
                  type="checkbox"
                  checked={projectIds.includes(p.id)}
                  aria-invalid={errors.projectIds ? true : undefined}
                  onChange={() => {
                    setProjectIds((prev) => (prev.includes(p.id) ? prev.filter((x) => x !== p.id) : [...prev, p.id]));
                    clearError('projectIds');
                  }}
                />
                {p.artist} – {p.title}
              </label>
            ))}
          </FieldSet>
        ) : (
          <FieldSet legend="Works as" hint="For the schedule and routing; none for an admin who doesn’t staff sessions." error={errors.roles}>
            {MEMBER_ROLES.map((role) => (
              <label key={role} className="check">
                <input type="checkbox" checked={roles.includes(role)} onChange={() => setRoles((prev) => (prev.includes(role) ? prev.filter((r) => r !== role) : [...prev, role]))} />
                {MEMBER_ROLE_LABELS[role]}
              </label>
            ))}
          </FieldSet>
        )}
      </div>
      <div className="editor__footer">
        <FormError message={formError} />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Creating…' : 'Create invitation link'}
        </button>
      </div>
    </form>
  );
}

const isOpen = (inv: Invitation, now: number) => !inv.usedAt && !inv.revokedAt && Date.parse(inv.expiresAt) > now;

export function Invitations({ studio }: { studio: Studio }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
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
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Invited</th>
                <th scope="col">Access</th>
                <th scope="col">By</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                        await queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
                        notify({ tone: 'success', title: `Revoked the invitation for ${inv.email}.` });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
