import { useState } from 'react';

/**
 * A labelled date input that hands on the day picked. Clearing it hands on nothing, unless the
 * day is `optional`: then it hands on '' (no day). A half-typed date is never handed on as "no
 * day": the browser reports it as empty, so its validity is read and the picker says so.
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
  const [unreadable, setUnreadable] = useState(false);
  const errorId = `${id}-error`;
  return (
    <div className={unreadable ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        aria-invalid={unreadable ? true : undefined}
        aria-describedby={unreadable ? errorId : undefined}
        // A half-typed date may fire no input event (its value stays ''): leaving the field checks it too.
        onInput={(event) => setUnreadable(event.currentTarget.validity.badInput)}
        onBlur={(event) => setUnreadable(event.currentTarget.validity.badInput)}
        onChange={(event) => {
          if (event.target.validity.badInput) return;
          if (optional || event.target.value !== '') onPick(event.target.value);
        }}
      />
      {unreadable && (
        <p id={errorId} className="field-error">
          Type a whole date here, or pick one from the calendar.
        </p>
      )}
    </div>
  );
}
