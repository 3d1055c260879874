import type { LiveStatus } from '../board/use-live-board';
import type { OutboxEntry } from './outbox';
import { setupLineName } from './labels';
import './setup.css';

/**
 * What is still waiting to be sent from this tablet, and what needs a decision: a change
 * someone else overtook (apply mine / keep theirs) or one the server refused (dismiss).
 */
export function OutboxStatus({
  entries,
  live,
  onRetry,
  onApplyMine,
  onDiscard,
}: {
  entries: readonly OutboxEntry[];
  live: LiveStatus;
  onRetry: () => void;
  onApplyMine: (entry: OutboxEntry) => void;
  onDiscard: (entry: OutboxEntry) => void;
}) {
  const waiting = entries.filter((e) => e.state === 'waiting' || e.state === 'sending');
  const decide = entries.filter((e) => e.state === 'conflict' || e.state === 'failed');
  const offline = live === 'offline' || live === 'reconnecting';
  if (entries.length === 0) {
    return offline ? (
      <p className="outbox outbox--offline" role="status">
        Offline: check-offs and notes are kept on this device and sent when the connection is back.
      </p>
    ) : null;
  }
  return (
    <section className={`outbox${offline ? ' outbox--offline' : ''}`} aria-label="Changes not sent yet">
      {waiting.length > 0 ? (
        <div className="outbox__row" role="status">
          <span className="outbox__count">{waiting.length === 1 ? '1 change' : `${waiting.length} changes`} waiting to be sent</span>
          <span className="outbox__hint">{offline ? 'Kept on this device; sent when the connection is back.' : 'Sending…'}</span>
          <button type="button" className="button button--small" onClick={onRetry}>
            Send now
          </button>
        </div>
      ) : null}
      {waiting.length > 0 ? (
        <ul className="outbox__list">
          {waiting.map((e) => (
            <li key={e.id}>{describeEntry(e)}</li>
          ))}
        </ul>
      ) : null}
      {decide.map((e) => (
        <div key={e.id} className="outbox__decide" role="alert">
          {e.state === 'conflict' ? (
            <p>
              <strong>{setupLineName(e.current ?? e.base)}</strong> was changed by {e.current?.checked?.by?.name ?? 'someone else'} while yours was on its way ({describeEntry(e)}).
            </p>
          ) : (
            <p>
              <strong>{setupLineName(e.base)}</strong>: not saved. {e.error}
            </p>
          )}
          <div className="button-row">
            {e.state === 'conflict' ? (
              <button type="button" className="button button--small button--primary" onClick={() => onApplyMine(e)}>
                Apply mine
              </button>
            ) : null}
            <button type="button" className="button button--small" onClick={() => onDiscard(e)}>
              {e.state === 'conflict' ? 'Keep theirs' : 'Dismiss'}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}

/** "ticked ch 3 Snare Top", "note on ‘Power up’". */
export function describeEntry(entry: OutboxEntry): string {
  const name = setupLineName(entry.base);
  const parts: string[] = [];
  if (entry.fields.checked === true) parts.push(`tick ${name}`);
  else if (entry.fields.checked === false) parts.push(`untick ${name}`);
  const others = Object.keys(entry.fields).filter((f) => f !== 'checked');
  if (others.length === 1 && others[0] === 'notes') parts.push(parts.length ? 'with a note' : `note on ${name}`);
  else if (others.length > 0) parts.push(parts.length ? `and ${others.length} more change${others.length > 1 ? 's' : ''}` : `change to ${name}`);
  return parts.join(' ');
}
