import type { CalendarDate } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { ApiError, errorMessage, fieldMessage } from '../../api/api-client';
import { Field } from '../../shared/Field';
import { usePendingAction } from '../../shared/use-pending-action';
import { activitiesApi } from './activities-api';

/** A count on a day: "8 calls on Tuesday". */
export function ActivityLogForm({
  activityId,
  unit,
  today,
}: {
  activityId: string;
  unit: string;
  today: CalendarDate;
}) {
  const [count, setCount] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const fieldError = (name: string) =>
    error instanceof ApiError && error.field === name ? fieldMessage(error) : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(count.trim() === '');
    if (count.trim() === '') return;
    const logged = await run(async () => {
      await activitiesApi.log(activityId, { count: Number(count), date, note: note.trim() === '' ? undefined : note });
      await revalidator.revalidate();
    });
    if (logged) {
      setCount('');
      setNote('');
    }
  }

  return (
    <form className="panel log-form" noValidate onSubmit={(event) => void submit(event)}>
      <h2>Log a count</h2>
      <div className="field-row">
        <Field
          label="Count"
          hint={`How many ${unit}.`}
          error={missing ? 'Enter how many, e.g. 8.' : fieldError('count')}
          control={(props) => (
            <input
              {...props}
              type="number"
              inputMode="decimal"
              step="any"
              min={0}
              value={count}
              onChange={(event) => setCount(event.target.value)}
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
      {error !== null && fieldError('count') === undefined && fieldError('date') === undefined && (
        <p role="alert" className="form-error">
          {errorMessage(error)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Logging…' : 'Log count'}
        </button>
      </div>
    </form>
  );
}
