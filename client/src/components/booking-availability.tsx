import { errorMessage } from '../api/client';
import { listNames } from './booking-labels';
import type { BookingCheckState } from './use-booking-check';
import './booking-availability.css';

/**
 * What the live check says about the slot, next to "Confirm booking": checking, free, the clashes
 * (booking stays possible: the server refuses a double booking anyway), or that it couldn't check.
 * A polite live region that is always there, so screen readers hear each new answer.
 */
export function BookingAvailability({
  id,
  state,
  names,
  clashesShownAbove = false,
}: {
  id: string;
  state: BookingCheckState;
  /** The chosen room and people, in form order ("Live Room A", "Maya Okafor", "Sam Reyes"). */
  names: readonly string[];
  /** The server just refused the booking and lists the clashes itself: don't repeat them. */
  clashesShownAbove?: boolean;
}) {
  let content = null;
  if (state.phase === 'checking') {
    content = <p className="booking-availability__checking">Checking the room and people…</p>;
  } else if (state.phase === 'failed') {
    content = <p className="booking-availability__failed">Couldn’t check availability: {errorMessage(state.error).replace(/\.$/, '')}; you can still book.</p>;
  } else if (state.phase === 'ready') {
    const { conflicts } = state.check;
    if (conflicts.length === 0) {
      content = (
        <p className="booking-availability__free">
          <span aria-hidden="true">✓ </span>
          {names.length > 0 ? `${listNames(names)} ${names.length === 1 ? 'is' : 'are'} free then.` : 'Nothing clashes then; choose a room to check it.'}
        </p>
      );
    } else if (!clashesShownAbove) {
      content = (
        <div className="booking-availability__clashes">
          <p>
            <strong>{conflicts.length === 1 ? 'This slot clashes:' : `This slot clashes (${conflicts.length}):`}</strong>
          </p>
          <ul className="booking-availability__list">
            {conflicts.map((c, i) => (
              <li key={`${c.sessionId}-${c.kind}-${c.memberId ?? c.gearId ?? ''}-${i}`}>{c.message}</li>
            ))}
          </ul>
          <p className="booking-availability__note">Change the time, the room or the people, or book anyway and the studio will say what still clashes.</p>
        </div>
      );
    }
  }
  return (
    <div id={id} className="booking-availability" role="status" aria-live="polite">
      {content}
    </div>
  );
}

export type HintTone = 'checking' | 'free' | 'busy' | 'over';

/** A room's or person's status under its select (tied to it by the field's aria-describedby). */
export function AvailabilityHint({ tone, children }: { tone: HintTone; children: string }) {
  return <span className={`booking-hint booking-hint--${tone}`}>{children}</span>;
}
