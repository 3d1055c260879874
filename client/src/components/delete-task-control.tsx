import type { Task } from '@patchbay/shared';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** "Delete" that asks first, inline (no blocking browser dialog on a shared tablet). */
export function DeleteTaskControl({ task, disabled, onDelete }: { task: Task; disabled: boolean; onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      deleteRef.current?.focus();
    }
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        ref={deleteRef}
        type="button"
        className="task-card__delete"
        disabled={disabled}
        aria-label={`Delete “${task.title}”`}
        title="Delete"
        onClick={() => setConfirming(true)}
      >
        <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" focusable="false">
          <path
            d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.2c.05.7.6 1.3 1.3 1.3h3.2c.7 0 1.25-.6 1.3-1.3l.6-8.2M6.8 7v4.5M9.2 7v4.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.3"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    );
  }
  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  const onEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') cancel();
  };
  return (
    <div className="delete-confirm" role="group" aria-label={`Delete “${task.title}”?`}>
      <span className="delete-confirm__text">Delete this task?</span>
      <button
        ref={confirmRef}
        type="button"
        className="button button--danger button--small"
        disabled={disabled}
        onKeyDown={onEscape}
        onClick={() => {
          setConfirming(false);
          onDelete();
        }}
      >
        Delete
      </button>
      <button type="button" className="button button--ghost button--small" onKeyDown={onEscape} onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
