import { ACCESS_ROLE_LABELS } from '@patchbay/shared/domain/permissions';
import { MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../api/api-context';
import { errorMessage, fieldIssues } from '../api/client';
import { queryKeys } from '../api/queries';
import type { AuthSession } from '../api/types';
import { useAuth, useMe, usePermissions } from '../auth/auth-context';
import { MyCalendarFeed } from '../components/calendar-feed';
import { Field, FormError, focusFirstInvalid } from '../components/field';
import { useNotices } from '../components/notices';
import { PageError, PageLoading } from '../components/page-state';
import { describeUserAgent, formatInstant, relativeTime } from '../lib/format';
import './account-page.css';

const PASSWORD_MIN = 10;
type PasswordField = 'currentPassword' | 'newPassword' | 'confirm';

function PasswordForm() {
  const me = useMe();
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [values, setValues] = useState<Record<PasswordField, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (field: PasswordField) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const found: Partial<Record<PasswordField, string>> = {};
    if (!values.currentPassword) found.currentPassword = 'Enter your current password.';
    if (values.newPassword.length < PASSWORD_MIN) found.newPassword = `Use at least ${PASSWORD_MIN} characters.`;
    else if (values.newPassword === values.currentPassword) found.newPassword = 'Choose a password different from the current one.';
    if (values.confirm !== values.newPassword) found.confirm = 'The two new passwords are not the same.';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSaving(true);
    try {
      await api.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      notify({ tone: 'success', title: 'Password changed.', message: 'Every other browser signed in to your account was signed out.' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.authSessions });
    } catch (err) {
      const issues = fieldIssues(err);
      if (issues.currentPassword) setErrors({ currentPassword: 'That is not your current password.' });
      else if (issues.newPassword) setErrors({ newPassword: `The server says: ${issues.newPassword}.` });
      else setFormError(errorMessage(err));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 className="panel__title" id="password-heading">
        Change password
      </h2>
      <form ref={formRef} className="account-form" noValidate onSubmit={(e) => void submit(e)}>
        {/* Tells password managers which account this is for. */}
        <input type="email" name="username" autoComplete="username" hidden readOnly value={me.user.email} />
        <Field label="Current password" error={errors.currentPassword}>
          {(c) => (
            <input {...c} className="input" type="password" autoComplete="current-password" value={values.currentPassword} onChange={(e) => set('currentPassword')(e.target.value)} />
          )}
        </Field>
        <Field label="New password" hint={`At least ${PASSWORD_MIN} characters.`} error={errors.newPassword}>
          {(c) => (
            <input {...c} className="input" type="password" autoComplete="new-password" value={values.newPassword} onChange={(e) => set('newPassword')(e.target.value)} />
          )}
        </Field>
        <Field label="New password again" error={errors.confirm}>
          {(c) => <input {...c} className="input" type="password" autoComplete="new-password" value={values.confirm} onChange={(e) => set('confirm')(e.target.value)} />}
        </Field>
        <FormError message={formError} />
        <p className="account-form__note">Changing it signs you out everywhere else.</p>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}

function BrowserRow({ session, onRevoke, busy }: { session: AuthSession; onRevoke: (s: AuthSession) => void; busy: boolean }) {
  const device = describeUserAgent(session.userAgent);
  return (
    <li className="browser-row">
      <div className="browser-row__main">
        <p className="browser-row__device">
          {device}
          {session.current ? <span className="tag tag--accent">This browser</span> : null}
        </p>
        <p className="browser-row__times">
          Signed in {formatInstant(session.createdAt)} · last active {relativeTime(session.lastSeenAt)}
        </p>
      </div>
      <button
        type="button"
        className={session.current ? 'button button--small' : 'button button--danger button--small'}
        disabled={busy}
        aria-label={session.current ? 'Sign out of this browser' : `Sign out ${device}, signed in ${formatInstant(session.createdAt)}`}
        onClick={() => onRevoke(session)}
      >
        Sign out
      </button>
    </li>
  );
}

function SignedInBrowsers() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const sessions = useQuery({ queryKey: queryKeys.authSessions, queryFn: ({ signal }) => api.listAuthSessions(signal) });
  const revoke = useMutation({
    mutationFn: async (session: AuthSession) => {
      if (session.current) {
        await signOut();
        return 'self' as const;
      }
      await api.revokeAuthSession(session.id);
      return 'other' as const;
    },
    onSuccess: (who) => {
      if (who === 'self') {
        void navigate('/sign-in', { replace: true });
        return;
      }
      notify({ tone: 'success', title: 'That browser is signed out.' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.authSessions });
    },
    onError: (err) => notify({ tone: 'error', title: "Couldn't sign that browser out.", message: errorMessage(err) }),
  });

  const list = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
  return (
    <section className="panel" aria-labelledby="browsers-heading">
      <h2 className="panel__title" id="browsers-heading">
        Signed-in browsers
      </h2>
      <p className="panel__intro">Sign out a browser you no longer use, or one you don’t recognise.</p>
      {sessions.isPending ? (
        <PageLoading label="Loading browsers…" />
      ) : sessions.isError ? (
        <PageError title="Couldn't load the list" error={sessions.error} />
      ) : (
        <ul className="browser-list">
          {list.map((session) => (
            <BrowserRow key={session.id} session={session} busy={revoke.isPending} onRevoke={(s) => revoke.mutate(s)} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function AccountPage() {
  const me = useMe();
  const permissions = usePermissions();
  const worksAs = me.member.roles.map((r) => MEMBER_ROLE_LABELS[r]).join(', ');
  return (
    <div className="account-page">
      <title>Account · Patchbay</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">Account</h1>
          <p className="page-heading__sub">
            {me.member.name} · {me.user.email} · {ACCESS_ROLE_LABELS[me.member.accessRole]} at {me.studio.name}
            {worksAs && worksAs !== ACCESS_ROLE_LABELS[me.member.accessRole] ? ` · works as ${worksAs.toLowerCase()}` : ''}
          </p>
        </div>
      </div>
      <div className="account-page__grid">
        <PasswordForm />
        <SignedInBrowsers />
        {permissions.can('workload.viewOwn') ? <MyCalendarFeed timeZone={me.studio.timezone} /> : null}
      </div>
    </div>
  );
}
