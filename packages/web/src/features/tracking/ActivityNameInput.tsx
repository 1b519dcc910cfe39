import { activityNameKey, matchActivityName, suggestActivityNames } from '@bigrock/core';
import { useId, useState, type KeyboardEvent } from 'react';

import { Field, type ControlProps } from '../../shared/Field';

interface ActivityNameInputProps extends ControlProps {
  name: string;
  value: string;
  /** The names in use, the most relevant first (GET /activity-names). */
  names: readonly string[];
  onChange(value: string): void;
  placeholder?: string;
}

/**
 * A text input that offers the activity names in use as the user types: an ARIA combobox with a
 * list of suggestions (arrows to move, Enter to pick, Escape to close), so that "ca" becomes
 * "Calls" in two keys and the same activity is not typed three ways.
 */
export function ActivityNameInput({ names, value, onChange, placeholder, ...input }: ActivityNameInputProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = open ? suggestActivityNames(value, names) : [];
  const expanded = options.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  function pick(name: string) {
    onChange(name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : -1);
        return;
      }
      const count = options.length;
      if (count === 0) return;
      setActive((current) => (event.key === 'ArrowDown' ? (current + 1) % count : (current - 1 + count) % count));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      // Enter picks the suggestion shown; without one, it submits the form as usual.
      event.preventDefault();
      const chosen = options[active];
      if (chosen !== undefined) pick(chosen);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="combobox">
      <input
        {...input}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={value}
        placeholder={placeholder}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Activities in use" className="combobox-list" hidden={!expanded}>
        {options.map((option, index) => (
          <li
            key={option}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'combobox-option combobox-option-active' : 'combobox-option'}
            // Before the input's blur, which closes the list.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(option)}
          >
            {option}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "calls" typed where "Calls" is in use: the server writes "Calls" unless the user keeps the
 * spelling apart. Says which, with the box to keep it apart; nothing when the name is new or exact.
 */
export function KeepSeparateChoice({
  value,
  names,
  checked,
  onChange,
}: {
  value: string;
  names: readonly string[];
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  const typed = value.trim();
  const inUse = typed === '' ? undefined : matchActivityName(typed, names);
  if (inUse === undefined || inUse === typed || activityNameKey(inUse) !== activityNameKey(typed)) return null;
  return (
    <div className="keep-separate">
      <p className="field-hint">
        {checked ? `Kept apart from “${inUse}”.` : `Tracked as “${inUse}”, the activity in use.`}
      </p>
      <label className="confirm">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        {`Keep “${typed}” as a separate activity`}
      </label>
    </div>
  );
}

/**
 * The activity of a form (an entry, an outcome): its name with the names in use offered as it is
 * typed, and the choice to keep a spelling apart from one in use in another case.
 */
export function ActivityNameField({
  hint,
  error,
  names,
  value,
  keepSeparate,
  onChange,
  onKeepSeparate,
}: {
  hint?: string;
  error?: string | undefined;
  names: readonly string[];
  value: string;
  keepSeparate: boolean;
  onChange(activity: string): void;
  onKeepSeparate(checked: boolean): void;
}) {
  return (
    <div>
      <Field
        label="Activity"
        hint={hint}
        error={error}
        control={(props) => (
          <ActivityNameInput {...props} name="activity" value={value} names={names} onChange={onChange} />
        )}
      />
      <KeepSeparateChoice value={value} names={names} checked={keepSeparate} onChange={onKeepSeparate} />
    </div>
  );
}
