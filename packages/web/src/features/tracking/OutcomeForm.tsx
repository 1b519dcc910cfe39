import { outcomeKinds, type CalendarDate, type CreateOutcomeInput, type OutcomeKind } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { errorField, fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { useFormChecks } from '../../shared/form-checks';
import { SelectField } from '../../shared/SelectField';
import { usePendingAction } from '../../shared/use-pending-action';
import { ActivityNameField } from './ActivityNameInput';
import { trackingApi } from './tracking-api';
import { outcomeKindLabels } from './tracking-format';

/** The form as typed: the amount stays text until saved, so a half-typed one is not lost. */
interface OutcomeFormValues {
  kind: OutcomeKind;
  amount: string;
  currency: string;
  date: string;
  activity: string;
  channel: string;
  note: string;
  /** "calls" kept apart from the "Calls" in use. */
  keepSeparate: boolean;
}

type TextField = Exclude<keyof OutcomeFormValues, 'kind' | 'keepSeparate'>;

const formFields: readonly string[] = [
  'kind',
  'amount',
  'currency',
  'date',
  'activity',
  'channel',
  'note',
] satisfies (keyof OutcomeFormValues)[];

const emptyOrNull = (text: string) => (text.trim() === '' ? null : text);

function toOutcomeInput(values: OutcomeFormValues): CreateOutcomeInput {
  return {
    kind: values.kind,
    amount: Number(values.amount),
    // Only revenue has a currency; left empty, the server takes the last one used.
    currency: values.kind === 'revenue' && values.currency.trim() !== '' ? values.currency : undefined,
    date: values.date,
    activity: emptyOrNull(values.activity),
    channel: emptyOrNull(values.channel),
    note: emptyOrNull(values.note),
    ...(values.keepSeparate && { keepSeparate: true }),
  };
}

/** Revenue, a client or leads on a day, credited to an activity or a channel. */
export function OutcomeForm({ today, names }: { today: CalendarDate; names: readonly string[] }) {
  const empty: OutcomeFormValues = {
    kind: 'revenue',
    amount: '',
    currency: '',
    date: today,
    activity: '',
    channel: '',
    note: '',
    keepSeparate: false,
  };
  const [values, setValues] = useState(empty);
  const checks = useFormChecks();
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const shownBesideAField = formFields.includes(errorField(error) ?? '');

  function change<Name extends keyof OutcomeFormValues>(name: Name, value: OutcomeFormValues[Name]) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // JSON has no way to send "nothing typed" as a number, so that rule is checked here.
    const own = {
      amount: values.amount.trim() === '' ? 'Give the amount.' : undefined,
      date: values.date === '' ? 'Choose the day.' : undefined,
    };
    if (!checks.passes(event.currentTarget, own)) return;
    const added = await run(async () => {
      await trackingApi.addOutcome(toOutcomeInput(values));
      await revalidator.revalidate();
    });
    // The next one is often of the same kind, on the same day.
    if (added)
      setValues((current) => ({ ...empty, kind: current.kind, currency: current.currency, date: current.date }));
  }

  const text = (name: TextField, label: string, type: 'text' | 'number' | 'date', hint?: string) => (
    <Field
      label={label}
      hint={hint}
      error={checks.errors[name] ?? fieldError(error, name)}
      control={(props) => (
        <input
          {...props}
          name={name}
          type={type}
          {...(type === 'number' && { inputMode: 'decimal', step: 'any', min: 0 })}
          value={values[name]}
          onChange={(event) => change(name, event.target.value)}
        />
      )}
    />
  );

  return (
    <form
      className="panel"
      noValidate
      aria-labelledby="outcome-form-heading"
      onInput={checks.onInput}
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="outcome-form-heading">Add an outcome</h2>
      <div className="field-row">
        <SelectField
          label="Kind"
          value={values.kind}
          options={outcomeKinds.map((kind) => ({ value: kind, label: outcomeKindLabels[kind] }))}
          onChange={(kind) => change('kind', kind)}
          error={fieldError(error, 'kind')}
        />
        {text('amount', 'Amount', 'number', values.kind === 'revenue' ? 'Money earned.' : 'How many.')}
        {values.kind === 'revenue' &&
          text('currency', 'Currency', 'text', 'Three letters, e.g. USD; the last one used when left empty.')}
        {text('date', 'Date', 'date')}
      </div>
      <div className="field-row">
        <ActivityNameField
          hint="The activity it came from, e.g. Calls."
          error={checks.errors.activity ?? fieldError(error, 'activity')}
          names={names}
          value={values.activity}
          keepSeparate={values.keepSeparate}
          onChange={(activity) => change('activity', activity)}
          onKeepSeparate={(checked) => change('keepSeparate', checked)}
        />
        {text('channel', 'Channel', 'text', 'Referral, LinkedIn, a networking event…')}
      </div>
      {text('note', 'Note', 'text')}
      {!shownBesideAField && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add outcome'}
        </button>
      </div>
    </form>
  );
}
