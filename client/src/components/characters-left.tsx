import { TASK_TITLE_COUNT_FROM, TASK_TITLE_MAX } from '@patchbay/shared/domain/task-limits';

/** How many characters a title has left, once it is close to the limit (read out politely). */
export function TitleCount({ length }: { length: number }) {
  if (length < TASK_TITLE_COUNT_FROM) return null;
  const left = TASK_TITLE_MAX - length;
  return (
    <p className="field__hint" aria-live="polite">
      {left === 0 ? `${TASK_TITLE_MAX} characters: the most a title can have` : `${left} character${left === 1 ? '' : 's'} left`}
    </p>
  );
}
