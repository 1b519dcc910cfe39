/**
 * A labelled date input that hands on the day picked. Clearing it hands on nothing, unless the
 * day is `optional`: then it hands on '' (no day).
 */
export function DayPicker({
  id,
  label,
  value,
  optional = false,
  onPick,
}: {
  id: string;
  label: string;
  value: string;
  optional?: boolean;
  onPick(date: string): void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        onChange={(event) => {
          if (optional || event.target.value !== '') onPick(event.target.value);
        }}
      />
    </div>
  );
}
