import type { Activity } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { errorMessage } from '../../api/api-client';
import { usePendingAction } from '../../shared/use-pending-action';
import { activitiesApi } from './activities-api';

/** "8 calls", logged for today in one step, from the list of activities. */
export function QuickLogForm({ activity }: { activity: Activity }) {
  const [count, setCount] = useState('');
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const inputId = `quick-log-${activity.id}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (count.trim() === '') return;
    const logged = await run(async () => {
      await activitiesApi.log(activity.id, { count: Number(count) });
      await revalidator.revalidate();
    });
    if (logged) setCount('');
  }

  return (
    <form className="quick-log" noValidate onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>{`Log ${activity.unit} today`}</label>
      <input
        id={inputId}
        type="number"
        inputMode="decimal"
        step="any"
        min={0}
        value={count}
        onChange={(event) => setCount(event.target.value)}
      />
      <button type="submit" className="button-small" disabled={pending}>
        Log
      </button>
      {error !== null && (
        <p role="alert" className="field-error">
          {errorMessage(error)}
        </p>
      )}
    </form>
  );
}
