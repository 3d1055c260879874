import type { SetupItem } from '@patchbay/shared';
import { formatClock } from '@patchbay/shared/domain/time-zone';
import { setupLineName } from './labels';

/** "Checked by Theo Grant at 10:04" (or "not checked"). */
export function checkedText(item: SetupItem, timeZone: string): string {
  if (!item.checked) return 'not checked';
  const who = item.checked.by?.name ?? 'someone';
  return `checked by ${who} at ${formatClock(new Date(item.checked.at), timeZone)}`;
}

/**
 * The box that checks a line off: one tap or Space/Enter toggles it. Without the right to check
 * it off, the same mark is shown as text. `waiting`: our change is not sent yet.
 */
export function Tick({ item, timeZone, canCheck, waiting, onToggle, size = 'normal' }: {
  item: SetupItem;
  timeZone: string;
  canCheck: boolean;
  waiting: boolean;
  onToggle: (item: SetupItem) => void;
  size?: 'normal' | 'large';
}) {
  const checked = item.checked !== null;
  const name = setupLineName(item);
  const state = `${checkedText(item, timeZone)}${waiting ? ', not sent yet' : ''}`;
  const classes = ['tick', checked ? 'tick--on' : '', waiting ? 'tick--waiting' : '', size === 'large' ? 'tick--large' : ''].filter(Boolean).join(' ');
  if (!canCheck) {
    return (
      <span className={classes} role="img" aria-label={`${name}: ${state}`}>
        <span aria-hidden="true">{checked ? '✓' : ''}</span>
      </span>
    );
  }
  return (
    <button type="button" className={classes} aria-pressed={checked} aria-label={`${name}: ${state}`} title={state} onClick={() => onToggle(item)}>
      <span aria-hidden="true">{checked ? '✓' : ''}</span>
    </button>
  );
}
