import { activityClasses, ratePeriods, weekdays, type Goal, type Weekday } from '@bigrock/core';
import { useId, useState, type FormEvent } from 'react';

import { Field } from '../../shared/Field';
import { useFormChecks } from '../../shared/form-checks';
import { SelectField } from '../../shared/SelectField';
import { weekdayLabels } from '../goals/goal-labels';
import { activityClassLabels, ratePeriodLabels } from './activity-labels';
import {
  activityFieldLabels,
  activityFormFailure,
  type ActivityFormFailure,
  type ActivityFormField,
  type ActivityFormValues,
} from './activity-form-values';

interface ActivityFormProps {
  initial: ActivityFormValues;
  goals: readonly Goal[];
  submitLabel: string;
  /** Saves the activity; throws the API's error when the server refuses it. */
  save: (values: ActivityFormValues) => Promise<void>;
  /** Empty the form after a save (for adding one after another). */
  resetOnSave?: boolean;
}

const noFailure: ActivityFormFailure = { summary: '', fields: {} };

/** Name, target rate, minutes per unit, class, working days and goals of an activity. */
export function ActivityForm({ initial, goals, submitLabel, save, resetOnSave = false }: ActivityFormProps) {
  const [values, setValues] = useState(initial);
  const [failure, setFailure] = useState(noFailure);
  const [pending, setPending] = useState(false);
  const checks = useFormChecks();

  function change<Name extends ActivityFormField>(name: Name, value: ActivityFormValues[Name]) {
    setValues((current) => ({ ...current, [name]: value }));
    setFailure((current) => ({ ...current, fields: { ...current.fields, [name]: undefined } }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const own = { name: values.name.trim() === '' ? 'Name the activity, e.g. calls.' : undefined };
    if (!checks.passes(event.currentTarget, own)) {
      setFailure({ summary: 'Fix what is marked below.', fields: {} });
      return;
    }
    setPending(true);
    try {
      await save(values);
      setFailure(noFailure);
      if (resetOnSave) setValues(initial);
    } catch (error) {
      setFailure(activityFormFailure(error));
    } finally {
      setPending(false);
    }
  }

  const text = (
    name: 'name' | 'unit' | 'rate' | 'minutesPerUnit' | 'startDate',
    kind: 'text' | 'number' | 'date',
    hint?: string,
  ) => (
    <Field
      label={activityFieldLabels[name]}
      hint={hint}
      error={checks.errors[name] ?? failure.fields[name]}
      control={(props) => (
        <input
          {...props}
          name={name}
          type={kind}
          {...(kind === 'number' && { inputMode: 'decimal', step: 'any', min: 0 })}
          value={values[name]}
          onChange={(event) => change(name, event.target.value)}
        />
      )}
    />
  );

  return (
    <form className="activity-form" noValidate onInput={checks.onInput} onSubmit={(event) => void submit(event)}>
      {failure.summary && (
        <div role="alert" className="form-error">
          <strong>The activity was not saved.</strong> {failure.summary}
        </div>
      )}
      <div className="field-row">
        {text('name', 'text', 'What you do, e.g. "calls".')}
        {text('unit', 'text', 'What one unit is; the name when left empty.')}
      </div>
      <div className="field-row">
        {text('rate', 'number', 'How many, e.g. 10. Leave empty for no target yet.')}
        <SelectField
          label={activityFieldLabels.ratePeriod}
          value={values.ratePeriod === '' ? 'day' : values.ratePeriod}
          options={ratePeriods.map((period) => ({ value: period, label: ratePeriodLabels[period] }))}
          onChange={(value) => change('ratePeriod', value)}
          error={failure.fields.ratePeriod}
        />
        {text('minutesPerUnit', 'number', 'How long one unit takes.')}
      </div>
      <div className="field-row">
        <SelectField
          label={activityFieldLabels.activityClass}
          value={values.activityClass}
          options={activityClasses.map((value) => ({ value, label: activityClassLabels[value] }))}
          onChange={(value) => change('activityClass', value)}
          hint="Income-producing activities come first."
          error={failure.fields.activityClass}
        />
        {text('startDate', 'date', 'Where its pace line starts.')}
      </div>
      <CheckboxGroup
        legend={activityFieldLabels.workdays}
        options={weekdays.map((day) => ({ value: day, label: weekdayLabels[day] }))}
        checked={values.workdays}
        onChange={(days) =>
          change(
            'workdays',
            weekdays.filter((day): day is Weekday => days.includes(day)),
          )
        }
        error={failure.fields.workdays}
      />
      {goals.length > 0 && (
        <CheckboxGroup
          legend={activityFieldLabels.goalIds}
          options={goals.map((goal) => ({ value: goal.id, label: goal.title }))}
          checked={values.goalIds}
          onChange={(ids) => change('goalIds', ids)}
          error={failure.fields.goalIds}
        />
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

interface CheckboxGroupProps {
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  checked: readonly string[];
  onChange: (checked: string[]) => void;
  error: string | undefined;
}

function CheckboxGroup({ legend, options, checked, onChange, error }: CheckboxGroupProps) {
  const errorId = useId();
  return (
    <fieldset
      className={error ? 'field days-off field-invalid' : 'field days-off'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      <div className="checkbox-row">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              checked={checked.includes(option.value)}
              onChange={(event) =>
                onChange(
                  options
                    .map(({ value }) => value)
                    .filter((value) => (value === option.value ? event.target.checked : checked.includes(value))),
                )
              }
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
