import './badges.css';

/** "3/5 done" with a small bar; the bar is decoration, the text carries the meaning. */
export function ProgressMeter({ done, total }: { done: number; total: number }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="progress">
      <div className="progress__bar" aria-hidden="true">
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">
        {total === 0 ? 'No tasks' : `${done}/${total} done`}
      </span>
    </div>
  );
}
