import './badges.css';

/** "3/5 done" with a small bar; the bar is decoration, the text carries the meaning. */
export function ProgressMeter({ done, total, unit = 'done', empty = 'No tasks', label }: { done: number; total: number; unit?: string; empty?: string; label?: string }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className={`progress${total > 0 && done === total ? ' progress--complete' : ''}`}>
      <div className="progress__bar" aria-hidden="true">
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">
        {label ? <span className="visually-hidden">{label}: </span> : null}
        {total === 0 ? empty : `${done}/${total} ${unit}`}
      </span>
    </div>
  );
}
