import { Field } from './Field';

export interface SelectOption<Value extends string> {
  value: Value;
  label: string;
}

interface SelectFieldProps<Value extends string> {
  label: string;
  value: Value;
  options: readonly SelectOption<Value>[];
  onChange: (value: Value) => void;
  hint?: string;
  error?: string | undefined;
}

/** A labelled select whose value keeps its type: the chosen option is looked up, not cast. */
export function SelectField<Value extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  error,
}: SelectFieldProps<Value>) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      control={(props) => (
        <select
          {...props}
          value={value}
          onChange={(event) => {
            const chosen = options.find((option) => option.value === event.target.value);
            if (chosen) onChange(chosen.value);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
