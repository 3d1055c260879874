import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { useApi } from '../api/api-context';
import { errorMessage, fieldIssues } from '../api/client';
import { ApiError } from '../api/http';
import { queryKeys } from '../api/queries';
import { useAuth } from '../auth/auth-context';
import { Field, FormError, focusFirstInvalid } from '../components/field';
import { PageError, PageLoading } from '../components/page-state';
import { browserTimeZone, timeZoneOptions } from '../lib/time-zones';
import './auth-pages.css';

const PASSWORD_MIN = 10;
type SetupField = 'studioName' | 'timezone' | 'name' | 'email' | 'password';
type Errors = Partial<Record<SetupField, string>>;

interface Values {
  studioName: string;
  timezone: string;
  name: string;
  email: string;
  password: string;
}

export function validateSetup(v: Values): Errors {
  const errors: Errors = {};
  if (!v.studioName.trim()) errors.studioName = 'Give the studio a name.';
  if (!v.timezone) errors.timezone = 'Choose the studio’s time zone.';
  if (!v.name.trim()) errors.name = 'Enter your name.';
  if (!/^[^\s@]+@[^\s@]+$/.test(v.email.trim())) errors.email = 'Enter an email address like name@studio.com.';
  if (v.password.length < PASSWORD_MIN) errors.password = `Use at least ${PASSWORD_MIN} characters.`;
  return errors;
}

/** First run: create the studio and its admin account (only while nobody has set Patchbay up). */
export function SetupPage() {
  const api = useApi();
  const { status, signedIn } = useAuth();
  const zones = useMemo(() => timeZoneOptions(), []);
  const [values, setValues] = useState<Values>(() => ({ studioName: '', timezone: browserTimeZone(), name: '', email: '', password: '' }));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Set once the studio exists: the next render goes to its set-up, whatever else re-renders first
  // (the signed-in state and the end of submitting used to race the navigation to "/").
  const [created, setCreated] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const setup = useQuery({ queryKey: queryKeys.setup, queryFn: ({ signal }) => api.getSetupStatus(signal), retry: false });

  if (created) return <Navigate to="/studio" replace />;
  if (status === 'signedIn' && !submitting) return <Navigate to="/" replace />;
  if (setup.isPending) return <PageLoading label="Loading…" />;
  if (setup.isError) return <PageError title="Couldn't reach Patchbay" error={setup.error} />;
  if (!setup.data.needsSetup) return <Navigate to="/sign-in" replace />;

  const set = (field: SetupField) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const found = validateSetup(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSubmitting(true);
    try {
      const me = await api.setup({
        studioName: values.studioName.trim(),
        timezone: values.timezone,
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
      });
      setCreated(true);
      signedIn(me);
    } catch (err) {
      const issues = fieldIssues(err) as Errors;
      if (Object.keys(issues).length > 0) {
        setErrors(Object.fromEntries(Object.entries(issues).map(([k, m]) => [k, `The server says: ${m}.`])));
        requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      } else if (err instanceof ApiError && err.code === 'CONFLICT') {
        setFormError(`${errorMessage(err)}.`);
      } else {
        setFormError(errorMessage(err));
      }
      setSubmitting(false);
    }
  };

  return (
    <section className="auth-card auth-card--wide" aria-labelledby="setup-heading">
      <title>Set up Patchbay</title>
      <h1 className="auth-card__title" id="setup-heading">
        Set up Patchbay
      </h1>
      <p className="auth-card__intro">Name your studio and create the admin account. You can add rooms, people and projects next.</p>
      <form ref={formRef} className="auth-form" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset className="auth-form__group">
          <legend className="auth-form__legend">Studio</legend>
          <Field label="Studio name" error={errors.studioName}>
            {(c) => <input {...c} className="input" autoComplete="organization" value={values.studioName} onChange={(e) => set('studioName')(e.target.value)} />}
          </Field>
          <Field label="Time zone" hint="Sessions, days and weeks are shown in this zone." error={errors.timezone}>
            {(c) => (
              <select {...c} className="input" value={values.timezone} onChange={(e) => set('timezone')(e.target.value)}>
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll('_', ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset className="auth-form__group">
          <legend className="auth-form__legend">Your admin account</legend>
          <Field label="Your name" error={errors.name}>
            {(c) => <input {...c} className="input" autoComplete="name" value={values.name} onChange={(e) => set('name')(e.target.value)} />}
          </Field>
          <Field label="Email" error={errors.email}>
            {(c) => (
              <input
                {...c}
                className="input"
                type="email"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={values.email}
                onChange={(e) => set('email')(e.target.value)}
              />
            )}
          </Field>
          <Field label="Password" hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.`} error={errors.password}>
            {(c) => (
              <input {...c} className="input" type="password" autoComplete="new-password" value={values.password} onChange={(e) => set('password')(e.target.value)} />
            )}
          </Field>
        </fieldset>
        <FormError message={formError}>
          {formError?.includes('already set up') ? (
            <p>
              <Link to="/sign-in">Go to sign in</Link>
            </p>
          ) : null}
        </FormError>
        <button type="submit" className="button button--primary auth-form__submit" disabled={submitting}>
          {submitting ? 'Creating the studio…' : 'Create studio and sign in'}
        </button>
      </form>
    </section>
  );
}
