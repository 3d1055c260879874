import { ACCESS_ROLE_LABELS } from '@patchbay/shared/domain/permissions';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../api/api-context';
import { errorMessage, fieldIssues } from '../api/client';
import { ApiError } from '../api/http';
import { useAuth } from '../auth/auth-context';
import { Field, FormError, focusFirstInvalid } from '../components/field';
import { PageLoading } from '../components/page-state';
import './auth-pages.css';

const PASSWORD_MIN = 10;
type Errors = Partial<Record<'name' | 'password', string>>;

/**
 * /invite/:token: someone was invited; they choose their name and password and are signed in. When
 * the email has an account already (another studio, or they were removed and invited again), the
 * password is that account's: they join with it and no new account is made.
 */
export function InvitePage() {
  const { token = '' } = useParams();
  const api = useApi();
  const { me, signedIn } = useAuth();
  const navigate = useNavigate();
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => api.previewInvitation(token, signal),
    retry: false,
    staleTime: Infinity,
  });

  if (preview.isPending) return <PageLoading label="Opening the invitation…" />;
  if (preview.isError) {
    const gone = preview.error instanceof ApiError && (preview.error.code === 'NOT_FOUND' || preview.error.code === 'VALIDATION_FAILED');
    return (
      <section className="auth-card" aria-labelledby="invite-heading">
        <title>Invitation · Patchbay</title>
        <h1 className="auth-card__title" id="invite-heading">
          {gone ? 'This invitation can’t be used' : 'Couldn’t open the invitation'}
        </h1>
        <p className="auth-card__intro" role="alert">
          {gone ? 'The link was already used, was revoked, or has expired. Ask your studio for a new one.' : errorMessage(preview.error)}
        </p>
        <p className="auth-card__foot">
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </section>
    );
  }

  const invitation = preview.data;
  const currentName = name ?? invitation.name;
  const existing = invitation.existingAccount;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const found: Errors = {};
    if (!currentName.trim()) found.name = 'Enter your name as the team should see it.';
    if (existing ? !password : password.length < PASSWORD_MIN) found.password = existing ? 'Enter the password of your Patchbay account.' : `Use at least ${PASSWORD_MIN} characters.`;
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSubmitting(true);
    try {
      const signedInAs = await api.acceptInvitation(token, { name: currentName.trim(), password });
      signedIn(signedInAs);
      void navigate('/', { replace: true });
    } catch (err) {
      const issues = fieldIssues(err);
      if (issues.name || issues.password) {
        setErrors({ name: issues.name && `The server says: ${issues.name}.`, password: issues.password && `The server says: ${issues.password}.` });
      } else {
        setFormError(errorMessage(err));
      }
      setSubmitting(false);
    }
  };

  return (
    <section className="auth-card" aria-labelledby="invite-heading">
      <title>{`Join ${invitation.studio} · Patchbay`}</title>
      <h1 className="auth-card__title" id="invite-heading">
        Join {invitation.studio}
      </h1>
      <p className="auth-card__intro">
        You’re invited as <strong>{ACCESS_ROLE_LABELS[invitation.accessRole]}</strong>.{' '}
        {existing
          ? `${invitation.email} already has a Patchbay account: enter its password to add ${invitation.studio} to it.`
          : 'Choose your name and a password to finish.'}
      </p>
      {me ? (
        <p className="auth-card__note">
          You’re signed in as {me.member.name} in this browser. Accepting signs you in as the new account instead.
        </p>
      ) : null}
      <form ref={formRef} className="auth-form" noValidate onSubmit={(e) => void submit(e)}>
        <dl className="field">
          <dt className="field__label">Email</dt>
          <dd className="auth-form__static">{invitation.email}</dd>
        </dl>
        <Field label="Your name" error={errors.name}>
          {(c) => <input {...c} className="input" autoComplete="name" value={currentName} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={existing ? 'Your Patchbay password' : 'Password'} hint={existing ? 'The one you sign in with.' : `At least ${PASSWORD_MIN} characters.`} error={errors.password}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="password"
              autoComplete={existing ? 'current-password' : 'new-password'}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {/* Lets password managers store the new account under its email. */}
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <FormError message={formError} />
        <button type="submit" className="button button--primary auth-form__submit" disabled={submitting}>
          {submitting ? 'Joining…' : `Join ${invitation.studio}`}
        </button>
      </form>
    </section>
  );
}
