import { formatClock, formatWindow } from '@patchbay/shared/domain/time-zone';
import type { Ref } from 'react';
import { zoneAbbreviation } from '../lib/time';
import { startTimeError, startsAtFromClock, type SessionWindow } from './task-time';
import './task-time-field.css';

export interface TaskTimeFieldProps {
  /** The input's id (the label, hint and error hang off it). */
  id: string;
  /** 'HH:MM' in the studio zone, or '' for no time of its own. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  session: SessionWindow;
  timeZone: string;
  /** How long the slot will last (the task's estimate), to say when it ends. */
  estimateMinutes: number | null;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/**
 * "Starts at": an optional time of the task's own within its session, in studio time. Empty
 * means it can happen any time during the session (it then only counts toward hours).
 */
export function TaskTimeField({ id, value, onChange, error, session, timeZone, estimateMinutes, inputRef, className }: TaskTimeFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const sessionSpan = formatWindow(new Date(session.startsAt), new Date(session.endsAt), timeZone);
  const startsAt = value && !error && startTimeError(value, estimateMinutes, session, timeZone) === undefined ? startsAtFromClock(value, session, timeZone) : null;
  const until = startsAt && estimateMinutes ? formatClock(new Date(Date.parse(startsAt) + estimateMinutes * 60_000), timeZone) : null;
  return (
    <div className={['field', 'task-time-field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        Starts at <span className="field__hint">({zoneAbbreviation(timeZone, new Date(session.startsAt))})</span>
      </label>
      <div className="task-time-field__row">
        <input
          ref={inputRef}
          id={id}
          className="input task-time-field__input"
          type="time"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : '', hintId].filter(Boolean).join(' ')}
          onChange={(e) => onChange(e.target.value)}
        />
        {value ? (
          <button type="button" className="button button--ghost button--small" aria-label="Clear the start time" onClick={() => onChange('')}>
            Clear
          </button>
        ) : null}
      </div>
      <p className="field__help" id={hintId}>
        {until ? `Until ${until}. ` : null}
        Leave empty if it can happen any time during the session ({sessionSpan}).
      </p>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
