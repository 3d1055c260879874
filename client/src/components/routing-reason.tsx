import { useId, useState } from 'react';

/** Longer reasons are clamped to two lines until asked for; screen readers always get all of it. */
const LONG_REASON = 90;

export function RoutingReason({ reason }: { reason: string }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const long = reason.length > LONG_REASON;
  return (
    <div className="task-card__reason-box">
      <p id={id} className={`task-card__reason${long && !expanded ? ' task-card__reason--clamped' : ''}`}>
        <span className="task-card__reason-label">Why: </span>
        {reason}
      </p>
      {long ? (
        <button
          type="button"
          className="task-card__reason-toggle"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? 'Less' : 'Full reason'}
        </button>
      ) : null}
    </div>
  );
}
