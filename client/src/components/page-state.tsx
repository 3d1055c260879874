import type { ReactNode } from 'react';
import { errorMessage } from '../api/client';
import './page-state.css';

/** A full-area message while a page loads or when it cannot. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div className="page-state" role="status" aria-live="polite">
      <span className="page-state__spinner" aria-hidden="true" />
      <p>{label}</p>
    </div>
  );
}

/**
 * `page`: the message is the whole page (nothing found, no access): its title is the page's
 * heading (h1); otherwise it sits under the page's own heading (h2).
 */
export function PageError({ title, error, action, page = false }: { title: string; error: unknown; action?: ReactNode; page?: boolean }) {
  const Heading = page ? 'h1' : 'h2';
  return (
    <div className="page-state page-state--error" role="alert">
      <Heading className="page-state__title">{title}</Heading>
      <p className="page-state__message">{errorMessage(error)}</p>
      {action ? <div className="page-state__action">{action}</div> : null}
    </div>
  );
}
