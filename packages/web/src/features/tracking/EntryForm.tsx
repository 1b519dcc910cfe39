import { useState, type FormEvent } from 'react';

import { errorField, fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { useFormChecks } from '../../shared/form-checks';
import { usePendingAction } from '../../shared/use-pending-action';
import { ActivityNameField } from './ActivityNameInput';
import { endDateOf, missingEntryFields, type EntryFormField, type EntryFormValues } from './entry-form-values';
import { formatDay } from './tracking-format';

interface EntryFormProps {
  initial: EntryFormValues;
  /** The activity names to offer as one is typed. */
  names: readonly string[];
  /** A running timer: everything but its end can be changed. */
  running?: boolean;
  submitLabel: string;
  /** Saves the entry; throws the API's error when the server refuses it. */
  save(values: EntryFormValues): Promise<unknown>;
  /** Start again from `initial` once saved (for adding one entry after another). */
  resetOnSave?: boolean;
}

const formFields: readonly string[] = [
  'activity',
  'date',
  'start',
  'end',
  'tags',
  'note',
  'client',
  'project',
  'rate',
  'currency',
] satisfies EntryFormField[];

/** An activity on a day from one time to another, with tags and a note: a new entry or a change to one. */
export function EntryForm({ initial, names, running = false, submitLabel, save, resetOnSave = false }: EntryFormProps) {
  const [values, setValues] = useState(initial);
  const checks = useFormChecks();
  const { pending, error, run } = usePendingAction();
  const errorOf = (name: EntryFormField) => checks.errors[name] ?? fieldError(error, name);
  const shownBesideAField = formFields.includes(errorField(error) ?? '');

  function change(name: EntryFormField, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checks.passes(event.currentTarget, missingEntryFields(values, running))) return;
    const saved = await run(() => save(values));
    if (saved && resetOnSave) setValues(initial);
  }

  const text = (name: 'tags' | 'note' | 'client' | 'project', label: string, hint?: string) => (
    <Field
      label={label}
      hint={hint}
      error={errorOf(name)}
      control={(props) => (
        <input
          {...props}
          name={name}
          type="text"
          value={values[name]}
          onChange={(event) => change(name, event.target.value)}
        />
      )}
    />
  );

  return (
    <form noValidate onInput={checks.onInput} onSubmit={(event) => void submit(event)}>
      <div className="field-row">
        <ActivityNameField
          error={errorOf('activity')}
          names={names}
          value={values.activity}
          keepSeparate={values.keepSeparate}
          onChange={(activity) => change('activity', activity)}
          onKeepSeparate={(checked) => setValues((current) => ({ ...current, keepSeparate: checked }))}
        />
        <Field
          label="Date"
          error={errorOf('date')}
          control={(props) => (
            <input
              {...props}
              name="date"
              type="date"
              value={values.date}
              onChange={(event) => change('date', event.target.value)}
            />
          )}
        />
        <Field
          label="Start"
          error={errorOf('start')}
          control={(props) => (
            <input
              {...props}
              name="start"
              type="time"
              value={values.start}
              onChange={(event) => change('start', event.target.value)}
            />
          )}
        />
        <Field
          label="End"
          hint={
            running
              ? 'Still running: stop the timer to end it.'
              : values.nextDay && values.date !== ''
                ? `Ends the next day, ${formatDay(endDateOf(values))}.`
                : undefined
          }
          error={errorOf('end')}
          control={(props) => (
            <input
              {...props}
              name="end"
              type="time"
              disabled={running}
              value={values.end}
              onChange={(event) => change('end', event.target.value)}
            />
          )}
        />
      </div>
      {!running && (
        <label className="confirm">
          <input
            type="checkbox"
            name="nextDay"
            checked={values.nextDay}
            onChange={(event) => {
              const { checked } = event.target;
              setValues((current) => ({ ...current, nextDay: checked }));
              // The end's message was about an end on the same day.
              checks.forget('end');
            }}
          />
          Ends the next day
        </label>
      )}
      <div className="field-row">
        {text('tags', 'Tags', 'Separated by commas.')}
        {text('note', 'Note')}
      </div>
      <div className="field-row">
        {text('client', 'Client')}
        {text('project', 'Project')}
        <Field
          label="Rate per hour"
          error={errorOf('rate')}
          control={(props) => (
            <input
              {...props}
              name="rate"
              type="number"
              min="0"
              step="any"
              inputMode="decimal"
              value={values.rate}
              onChange={(event) => change('rate', event.target.value)}
            />
          )}
        />
        <Field
          label="Currency"
          hint="ISO 4217, such as USD or EUR."
          error={errorOf('currency')}
          control={(props) => (
            <input
              {...props}
              name="currency"
              type="text"
              maxLength={3}
              autoCapitalize="characters"
              value={values.currency}
              onChange={(event) => change('currency', event.target.value)}
            />
          )}
        />
      </div>
      <label className="confirm">
        <input
          type="checkbox"
          name="billable"
          checked={values.billable}
          onChange={(event) => {
            const { checked } = event.target;
            setValues((current) => ({ ...current, billable: checked }));
          }}
        />
        Billable
      </label>
      {!shownBesideAField && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
