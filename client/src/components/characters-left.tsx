/**
 * How many characters a field has left, once it is within `from` of its limit (read out
 * politely). `what` names the field at the limit ("a title").
 */
export function CharactersLeft({ length, max, from, what, id }: { length: number; max: number; from: number; what: string; id?: string }) {
  if (length < from) return null;
  const left = max - length;
  return (
    <p className="field__hint" id={id} aria-live="polite">
      {left <= 0 ? `${max} characters: the most ${what} can have` : `${left} character${left === 1 ? '' : 's'} left`}
    </p>
  );
}
