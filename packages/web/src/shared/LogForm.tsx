import type { CalendarDate } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { ApiError, fieldMessage } from '../api/api-client';
import { ErrorAlert } from './ErrorAlert';
import { Field } from './Field';
import { useFormChecks } from './form-checks';
import { usePendingAction } from './use-pending-action';

export interface LoggedNumber {
  amount: number;
  date: CalendarDate;
  note: string | undefined;
}

interface LogFormProps {
  heading: string;
  /** The number's label, and the API field its errors come back on ("Value"/"value", "Count"/"count"). */
  amountLabel: string;
  amountField: string;
  amountHint?: string;
  /** What to say when the number is left empty. */
  amountMissing: string;
  /** The smallest number the control offers (counts cannot be negative). */
  min?: number;
  /** What is wrong with the number typed, said in this form's words, when the form knows the rule. */
  checkAmount?(amount: number): string | undefined;
  submitLabel: string;
  today: CalendarDate;
  save(logged: LoggedNumber): Promise<unknown>;
}

/** A number on a day with a note, then the page's data is loaded again: the log of goals and activities alike. */
export function LogForm({
  heading,
  amountLabel,
  amountField,
  amountHint,
  amountMissing,
  min,
  checkAmount,
  submitLabel,
  today,
  save,
}: LogFormProps) {
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const checks = useFormChecks();
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const fieldError = (name: string) =>
    error instanceof ApiError && error.field === name ? fieldMessage(error) : undefined;
  const shownBesideAField = [amountField, 'date', 'note'].some((name) => fieldError(name) !== undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // JSON has no way to send "nothing typed" as a number, so that rule is checked here.
    const own = {
      amount: amount.trim() === '' ? amountMissing : checkAmount?.(Number(amount)),
      date: date === '' ? 'Choose the day it counts for.' : undefined,
    };
    if (!checks.passes(event.currentTarget, own)) return;
    const logged = await run(async () => {
      await save({ amount: Number(amount), date, note: note.trim() === '' ? undefined : note });
      await revalidator.revalidate();
    });
    if (logged) {
      setAmount('');
      setNote('');
    }
  }

  return (
    <form className="panel log-form" noValidate onInput={checks.onInput} onSubmit={(event) => void submit(event)}>
      <h2>{heading}</h2>
      <div className="field-row">
        <Field
          label={amountLabel}
          hint={amountHint}
          error={checks.errors.amount ?? fieldError(amountField)}
          control={(props) => (
            <input
              {...props}
              name="amount"
              type="number"
              inputMode="decimal"
              step="any"
              min={min}
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          )}
        />
        <Field
          label="Date"
          error={checks.errors.date ?? fieldError('date')}
          control={(props) => (
            <input {...props} name="date" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          )}
        />
      </div>
      <Field
        label="Note"
        error={fieldError('note')}
        control={(props) => (
          <input {...props} type="text" value={note} onChange={(event) => setNote(event.target.value)} />
        )}
      />
      {!shownBesideAField && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Logging…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
