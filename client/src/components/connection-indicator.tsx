import type { LiveStatus } from '../board/use-live-board';
import './connection-indicator.css';

const LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const DESCRIPTIONS: Record<LiveStatus, string> = {
  connecting: 'Connecting to live updates.',
  syncing: 'Catching up with changes made while this board was loading or disconnected.',
  live: 'Live: changes by others appear as they happen.',
  reconnecting: 'Connection lost. Reconnecting; the board may be out of date until then.',
  offline: 'Offline: the board may be out of date. Patchbay keeps retrying.',
};

/** The board's live state, announced politely to screen readers when it changes. */
export function ConnectionIndicator({ status, detail }: { status: LiveStatus; detail?: string | null }) {
  const description = detail ? `${DESCRIPTIONS[status]} ${detail}` : DESCRIPTIONS[status];
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
