import type { Task } from '@patchbay/shared';
import { BLOCKED_REASON_MAX } from '@patchbay/shared/domain/task-limits';
import { useId, useState } from 'react';
import { useBoardPaused } from '../board/board-paused';
import { CharactersLeft } from './characters-left';
import { Dialog } from './dialog';

/**
 * Why a task is blocked, asked when it lands in Blocked (and from its card later): what it waits
 * for, so whoever reads the board knows what would unblock it. Skipping is allowed.
 */
export function BlockedReasonDialog({ task, onSave, onClose }: { task: Task; onSave: (reason: string) => void; onClose: () => void }) {
  const id = useId();
  const [reason, setReason] = useState(task.blockedReason);
  const nearLimit = reason.length >= BLOCKED_REASON_MAX - 50;
  const paused = useBoardPaused();
  const unchanged = reason.trim() === task.blockedReason;
  const save = () => {
    if (paused || unchanged) return;
    onSave(reason.trim());
    onClose();
  };
  return (
    <Dialog
      title={`Why is “${task.title}” blocked?`}
      description="Say what it waits for: people see it on the card and in the activity."
      onClose={onClose}
      paused={paused}
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {task.blockedReason ? 'Cancel' : 'Skip'}
          </button>
          <button type="button" className="button button--primary" disabled={unchanged || paused} onClick={save}>
            Save
          </button>
        </>
      }
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-reason`}>
          Waiting for
        </label>
        <textarea
          id={`${id}-reason`}
          className="input"
          rows={3}
          maxLength={BLOCKED_REASON_MAX}
          value={reason}
          placeholder="e.g. the replacement DI from the rental house"
          aria-describedby={nearLimit ? `${id}-left` : undefined}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl+Enter (⌘+Enter) saves from the keyboard; Enter alone is a new line.
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) save();
          }}
          data-autofocus
        />
        <CharactersLeft length={reason.length} max={BLOCKED_REASON_MAX} from={BLOCKED_REASON_MAX - 50} what="a reason" id={`${id}-left`} />
      </div>
    </Dialog>
  );
}
