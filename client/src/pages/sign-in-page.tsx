import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useApi } from '../api/api-context';
import { errorMessage, fieldIssues } from '../api/client';
import { ApiError } from '../api/http';
import { queryKeys } from '../api/queries';
import { useAuth } from '../auth/auth-context';
import { safeNext } from '../auth/next';
import { Field, FormError, focusFirstInvalid } from '../components/field';
import { PageLoading } from '../components/page-state';
import './auth-pages.css';

type Errors = Partial<Record<'email' | 'password', string>>;

function validate(email: string, password: string): Errors {
  const errors: Errors = {};
  if (!email.trim()) errors.email = 'Enter your email address.';
  else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = 'Enter an email address like name@studio.com.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}

/** What to say when signing in failed: the wrong password and rate limiting read differently. */
function signInProblem(err: unknown): string {
  if (err instanceof ApiError && err.status === 401) return 'That email and password don’t match an account. Check both and try again.';
  if (err instanceof ApiError && err.code === 'RATE_LIMITED') {
    const minutes = err.retryAfterSeconds ? Math.max(1, Math.ceil(err.retryAfterSeconds / 60)) : null;
    const wait = minutes === null ? 'a few minutes' : minutes === 1 ? 'a minute' : `${minutes} minutes`;
    return `Too many sign-in attempts. Wait ${wait}, then try again.`;
  }
  return errorMessage(err);
}

export function SignInPage() {
  const api = useApi();
  const { status, signIn } = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // A brand-new install has nobody to sign in as: first run instead.
  const setup = useQuery({
    queryKey: queryKeys.setup,
    queryFn: ({ signal }) => api.getSetupStatus(signal),
    retry: false,
    staleTime: 60_000,
    enabled: status === 'signedOut',
  });

  if (status === 'signedIn') return <Navigate to={next} replace />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (setup.isPending && status === 'signedOut') return <PageLoading label="Loading…" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const found = validate(email, password);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSubmitting(true);
    try {
      await signIn({ email: email.trim(), password });
      // Signed in: the redirect above takes over on the next render.
    } catch (err) {
      const issues = fieldIssues(err);
      if (issues.email || issues.password) {
        setErrors({ email: issues.email && `The server says: ${issues.email}.`, password: issues.password && `The server says: ${issues.password}.` });
      } else {
        setFormError(signInProblem(err));
        if (err instanceof ApiError && err.status === 401) {
          setPassword('');
          passwordRef.current?.focus();
        }
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="auth-card" aria-labelledby="sign-in-heading">
      <title>Sign in · Patchbay</title>
      <h1 className="auth-card__title" id="sign-in-heading">
        Sign in
      </h1>
      <p className="auth-card__intro">Use the email your studio invited you with.</p>
      <form ref={formRef} className="auth-form" noValidate onSubmit={(e) => void submit(e)}>
        <Field label="Email" error={errors.email}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              autoComplete="username"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                if (errors.email) setErrors((prev) => ({ ...prev, email: undefined }));
              }}
            />
          )}
        </Field>
        <Field label="Password" error={errors.password}>
          {(control) => (
            <input
              {...control}
              ref={passwordRef}
              className="input"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                if (errors.password) setErrors((prev) => ({ ...prev, password: undefined }));
              }}
            />
          )}
        </Field>
        <FormError message={formError} />
        <button type="submit" className="button button--primary auth-form__submit" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth-card__foot">No account yet? Ask your studio admin for an invitation link.</p>
    </section>
  );
}
