export interface ChipOption<V extends string> {
  value: V;
  label: string;
  count?: number;
}

/** A single-choice row of toggle chips (buttons with aria-pressed), labelled as a group. */
export function FilterChips<V extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly ChipOption<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <div className="chip-group" role="group" aria-label={label}>
      <span className="chip-group__label" aria-hidden="true">
        {label}
      </span>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="chip"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
          {option.count === undefined ? null : <span className="chip__count">{option.count}</span>}
        </button>
      ))}
    </div>
  );
}
