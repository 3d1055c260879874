import type { Task } from '@patchbay/shared';
import { useEffect, useRef, useState } from 'react';

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
        onClick={() => setConfirming(true)}
      >
        Delete
      </button>
    );
  }
  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  return (
    <div
      className="delete-confirm"
      role="group"
      aria-label={`Delete “${task.title}”?`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <span className="delete-confirm__text">Delete this task?</span>
      <button
        ref={confirmRef}
        type="button"
        className="button button--danger button--small"
        disabled={disabled}
        onClick={() => {
          setConfirming(false);
          onDelete();
        }}
      >
        Delete
      </button>
      <button type="button" className="button button--ghost button--small" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
