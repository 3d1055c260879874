import { useEffect, useState } from 'react';
import type { ActivityEntry } from '../board/activity';
import { formatInstant, relativeTime } from '../lib/format';
import './activity-panel.css';

/** The time now, again every `ms` (relative times stay true while the panel is open). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export interface ActivityPanelProps {
  id: string;
  entries: readonly ActivityEntry[];
  meId: string;
  timeZone: string;
  onClose: () => void;
}

/** Recent changes on the board, newest first: who did what, how long ago. */
export function ActivityPanel({ id, entries, meId, timeZone, onClose }: ActivityPanelProps) {
  const now = useNow(30_000);
  const headingId = `${id}-heading`;
  return (
    <section id={id} className="activity" aria-labelledby={headingId}>
      <div className="activity__head">
        <h2 className="activity__heading" id={headingId}>
          Recent activity
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Hide
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="activity__empty">Nothing has changed on this board lately. Changes by anyone show here as they happen.</p>
      ) : (
        <ol className="activity__list">
          {entries.map((entry) => {
            const who = entry.actor === null ? 'Patchbay' : entry.actor.id === meId ? 'You' : entry.actor.name;
            return (
              <li key={entry.key} className="activity__entry">
                <span className="activity__text">
                  <span className="activity__actor">{who}</span> {entry.text}
                </span>
                <span className="activity__time">
                  <span aria-hidden="true"> · </span>
                  <time dateTime={entry.at} title={formatInstant(entry.at, timeZone)}>
                    {relativeTime(entry.at, now)}
                  </time>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
