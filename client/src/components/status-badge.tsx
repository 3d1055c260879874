import type { SessionStatus } from '@patchbay/shared';
import { SESSION_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import './badges.css';

const slug = (status: string) => status.toLowerCase().replaceAll('_', '-');

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return (
    <span className={`badge badge--session-${slug(status)}`}>
      {status === 'IN_PROGRESS' ? <span className="badge__dot" aria-hidden="true" /> : null}
      {SESSION_STATUS_LABELS[status]}
    </span>
  );
}
