import type { SetupItem } from '@patchbay/shared';
import { useRef } from 'react';
import { ConfirmAction } from '../studio/common';
import { setupLineName } from './labels';

/** Edit, move up, move down and remove one setup line (only for who may change the list). */
export function LineActions({ item, index, count, disabled, onEdit, onMove, onRemove }: {
  item: SetupItem;
  index: number;
  count: number;
  /** No connection: reordering and removing wait for it. */
  disabled: boolean;
  onEdit: () => void;
  onMove: (item: SetupItem, index: number) => void;
  onRemove: (item: SetupItem) => Promise<void>;
}) {
  const name = setupLineName(item);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  // A move to the top (or bottom) disables the button just pressed: the focus goes to the other one.
  const move = (to: number) => {
    onMove(item, to);
    if (to === 0) down.current?.focus();
    else if (to === count - 1) up.current?.focus();
  };
  return (
    <div className="line-actions">
      <button type="button" className="button button--small" data-line-focus={item.id} aria-label={`Edit ${name}`} onClick={onEdit}>
        Edit
      </button>
      <button ref={up} type="button" className="button button--small button--icon" aria-label={`Move ${name} up`} disabled={disabled || index === 0} onClick={() => move(index - 1)}>
        <span aria-hidden="true">↑</span>
      </button>
      <button ref={down} type="button" className="button button--small button--icon" aria-label={`Move ${name} down`} disabled={disabled || index >= count - 1} onClick={() => move(index + 1)}>
        <span aria-hidden="true">↓</span>
      </button>
      <ConfirmAction quietTrigger label={`Remove ${name}`} question={`Remove ${name}?`} confirmLabel="Remove" failure={`Couldn't remove ${name}.`} disabled={disabled} onConfirm={() => onRemove(item)} />
    </div>
  );
}
