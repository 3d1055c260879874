import type { LiveStatus } from '../board/use-live-board';
import './connection-indicator.css';

const LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

function describe(status: LiveStatus, subject: string): string {
  switch (status) {
    case 'connecting':
      return 'Connecting to live updates.';
    case 'syncing':
      return `Catching up with changes made while ${subject} was loading or disconnected.`;
    case 'live':
      return 'Live: changes by others appear as they happen.';
    case 'reconnecting':
      return `Connection lost. Reconnecting; ${subject} may be out of date until then.`;
    case 'offline':
      return `Offline: ${subject} may be out of date. Patchbay keeps retrying.`;
  }
}

/** A live view's state (a board by default), announced politely to screen readers when it changes. */
export function ConnectionIndicator({ status, detail, subject = 'this board' }: { status: LiveStatus; detail?: string | null; subject?: string }) {
  const base = describe(status, subject);
  const description = detail ? `${base} ${detail}` : base;
  return (
    <div className={`live live--${status}`} role="status" aria-live="polite" title={description}>
      <span className="live__pill">
        <span className="live__dot" aria-hidden="true" />
        <span aria-hidden="true">{LABELS[status]}</span>
      </span>
      <span className="visually-hidden">{description}</span>
    </div>
  );
}
