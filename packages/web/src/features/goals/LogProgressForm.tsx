import type { CalendarDate } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { ApiError, errorMessage, fieldMessage } from '../../api/api-client';
import { Field } from '../../shared/Field';
import { usePendingAction } from '../../shared/use-pending-action';
import { goalsApi } from './goals-api';

interface LogProgressFormProps {
  goalId: string;
  unit: string | null;
  today: CalendarDate;
}

/** A number and a date, and the goal's pace, chart and check are brought up to date. */
export function LogProgressForm({ goalId, unit, today }: LogProgressFormProps) {
  const [value, setValue] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [valueMissing, setValueMissing] = useState(false);
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const fieldError = (name: string) =>
    error instanceof ApiError && error.field === name ? fieldMessage(error) : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // JSON has no way to send "nothing typed" as a number, so this one rule is checked here.
    setValueMissing(value.trim() === '');
    if (value.trim() === '') return;
    const logged = await run(async () => {
      await goalsApi.logProgress(goalId, {
        value: Number(value),
        date,
        note: note.trim() === '' ? undefined : note,
      });
      await revalidator.revalidate();
    });
    if (logged) {
      setValue('');
      setNote('');
    }
  }

  return (
    <form className="panel log-form" noValidate onSubmit={(event) => void submit(event)}>
      <h2>Log progress</h2>
      <div className="field-row">
        <Field
          label="Value"
          hint={unit ? `In ${unit}.` : undefined}
          error={valueMissing ? 'Enter the number to log, e.g. 8.' : fieldError('value')}
          control={(props) => (
            <input
              {...props}
              type="number"
              inputMode="decimal"
              step="any"
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          )}
        />
        <Field
          label="Date"
          error={fieldError('date')}
          control={(props) => (
            <input {...props} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
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
      {error !== null && (
        <p role="alert" className="form-error">
          {errorMessage(error)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Logging…' : 'Log progress'}
        </button>
      </div>
    </form>
  );
}
