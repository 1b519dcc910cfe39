/** A labelled date input that goes to the day picked; clearing the input goes nowhere. */
export function DayPicker({
  id,
  label,
  value,
  onPick,
}: {
  id: string;
  label: string;
  value: string;
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
          if (event.target.value !== '') onPick(event.target.value);
        }}
      />
    </div>
  );
}
