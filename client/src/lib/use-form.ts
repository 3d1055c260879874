import { useCallback, useRef, useState } from 'react';
import { errorMessage, fieldIssues } from '../api/client';
import { focusFirstInvalid } from '../components/field';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * The error and busy state every small form here needs: field errors from the client's own
 * checks or from the server's validation issues (by field name), a form-level error otherwise,
 * and focus on the first invalid field after a failed submit.
 */
export function useFormState<F extends string>() {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const focusInvalid = useCallback(() => {
    requestAnimationFrame(() => focusFirstInvalid(formRef.current));
  }, []);

  /**
   * Runs `action` unless `found` has errors. A failure with validation issues marks the fields;
   * `handle` may take other errors (returns true when it did); the rest become the form error.
   * Resolves true when the action succeeded.
   */
  const run = useCallback(
    async (found: FieldErrors<F>, action: () => Promise<void>, handle?: (err: unknown) => boolean): Promise<boolean> => {
      setErrors(found);
      setFormError(null);
      if (Object.values(found).some(Boolean)) {
        focusInvalid();
        return false;
      }
      setSubmitting(true);
      try {
        await action();
        return true;
      } catch (err) {
        const issues = fieldIssues(err);
        if (Object.keys(issues).length > 0) {
          setErrors(Object.fromEntries(Object.entries(issues).map(([field, message]) => [field, `The server says: ${message}.`])) as FieldErrors<F>);
          // An issue about a field this form does not show still needs saying.
          setFormError(errorMessage(err));
          focusInvalid();
        } else if (!handle?.(err)) {
          setFormError(errorMessage(err));
        }
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [focusInvalid],
  );

  const clearError = useCallback((field: F) => {
    setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev));
  }, []);

  return { errors, formError, setFormError, submitting, formRef, run, clearError };
}
