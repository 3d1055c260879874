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

export function PageError({ title, error, action }: { title: string; error: unknown; action?: ReactNode }) {
  return (
    <div className="page-state page-state--error" role="alert">
      <h2 className="page-state__title">{title}</h2>
      <p className="page-state__message">{errorMessage(error)}</p>
      {action ? <div className="page-state__action">{action}</div> : null}
    </div>
  );
}
