import { energies, type Energy } from '@bigrock/core';
import { useState, type FormEvent } from 'react';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { useFormChecks } from '../../shared/form-checks';
import { SelectField } from '../../shared/SelectField';
import { usePendingAction } from '../../shared/use-pending-action';
import type { TriageFormValues } from './triage-form-values';

const energyOptions = energies.map((value) => ({
  value,
  label: value === 'draining' ? 'Draining: it leaves me with less energy' : 'Energizing: it gives me energy',
}));

interface TriageTaskFormProps {
  /** Names the form for assistive technology: "Add a task", "Edit Bookkeeping". */
  label: string;
  initial: TriageFormValues;
  currency: string;
  submitLabel: string;
  resetOnSave?: boolean;
  save(values: TriageFormValues): Promise<void>;
  cancel?(): void;
}

/** Every field of a recurring task, each labelled, the server's message beside the field it names. */
export function TriageTaskForm({
  label,
  initial,
  currency,
  submitLabel,
  resetOnSave,
  save,
  cancel,
}: TriageTaskFormProps) {
  const [values, setValues] = useState(initial);
  const { pending, error, run } = usePendingAction();
  const checks = useFormChecks();
  const set = <Key extends keyof TriageFormValues>(key: Key, value: TriageFormValues[Key]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const messageOf = (name: keyof TriageFormValues & string) =>
    checks.errors[name] ?? fieldError(error, name === 'notNeeded' ? 'needed' : name);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checks.passes(event.currentTarget)) return;
    const saved = await run(() => save(values));
    if (saved && resetOnSave) setValues(initial);
  }

  const numberField = (
    name: 'hoursPerWeek' | 'outsourceRate' | 'automationOnce' | 'automationMonthly' | 'reviewHoursPerWeek',
    fieldLabel: string,
    hint?: string,
  ) => (
    <Field
      label={fieldLabel}
      hint={hint}
      error={messageOf(name)}
      control={(props) => (
        <input
          {...props}
          name={name}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={values[name]}
          onChange={(event) => set(name, event.target.value)}
        />
      )}
    />
  );

  return (
    <form className="triage-form" aria-label={label} onSubmit={submit} onInput={checks.onInput} noValidate>
      <div className="field-row">
        <Field
          label="Task"
          error={messageOf('name')}
          control={(props) => (
            <input
              {...props}
              name="name"
              value={values.name}
              maxLength={120}
              onChange={(event) => set('name', event.target.value)}
            />
          )}
        />
        <SelectField<Energy>
          label="Energy"
          value={values.energy}
          options={energyOptions}
          onChange={(value) => set('energy', value)}
          error={fieldError(error, 'energy')}
        />
      </div>
      <div className="field-row">
        {numberField('hoursPerWeek', 'Hours a week (estimate)', 'Used when no tracked time measures the task.')}
        <Field
          label="Activity tracked (optional)"
          hint="Its tracked hours over the last four weeks measure the task."
          error={messageOf('activity')}
          control={(props) => (
            <input
              {...props}
              name="activity"
              value={values.activity}
              maxLength={80}
              onChange={(event) => set('activity', event.target.value)}
            />
          )}
        />
      </div>
      <fieldset className="field days-off">
        <legend>What the task is</legend>
        <div className="checkbox-row">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.producesIncome}
              onChange={(event) => set('producesIncome', event.target.checked)}
            />
            It produces income
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={values.onlyMe} onChange={(event) => set('onlyMe', event.target.checked)} />
            Only I can do it
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.notNeeded}
              onChange={(event) => set('notNeeded', event.target.checked)}
            />
            Not needed: it neither earns nor supports anything
          </label>
        </div>
      </fieldset>
      <div className="field-row">
        {numberField('outsourceRate', `Outsourcing cost an hour (${currency})`)}
        {numberField('reviewHoursPerWeek', 'Review time if delegated (hours a week)')}
        {numberField('automationOnce', `Automation cost once (${currency})`)}
        {numberField('automationMonthly', `Automation cost a month (${currency})`)}
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
        {cancel && (
          <button type="button" className="button-secondary" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
