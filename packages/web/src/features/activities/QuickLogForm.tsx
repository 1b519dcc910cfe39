import type { Activity } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { errorMessage, fieldError } from '../../api/api-client';
import { useFormChecks } from '../../shared/form-checks';
import { usePendingAction } from '../../shared/use-pending-action';
import { activitiesApi } from './activities-api';
import { countProblem } from './activity-labels';

/** "8 calls", logged for today in one step, from the list of activities. */
export function QuickLogForm({ activity }: { activity: Activity }) {
  const [count, setCount] = useState('');
  const checks = useFormChecks();
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const inputId = `quick-log-${activity.id}`;
  const errorId = `${inputId}-error`;
  const message =
    checks.errors.count ?? (error === null ? undefined : (fieldError(error, 'count') ?? errorMessage(error)));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const own = {
      count:
        count.trim() === ''
          ? `Give how many ${activity.unit} to log for today, e.g. 8.`
          : countProblem(Number(count), activity.unit),
    };
    if (!checks.passes(event.currentTarget, own)) return;
    const logged = await run(async () => {
      await activitiesApi.log(activity.id, { count: Number(count) });
      await revalidator.revalidate();
    });
    if (logged) setCount('');
  }

  return (
    <form className="quick-log" noValidate onInput={checks.onInput} onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>{`Log ${activity.unit} today`}</label>
      <input
        id={inputId}
        name="count"
        type="number"
        inputMode="decimal"
        step="any"
        min={0}
        value={count}
        aria-invalid={message === undefined ? undefined : true}
        aria-describedby={message === undefined ? undefined : errorId}
        onChange={(event) => setCount(event.target.value)}
      />
      <button type="submit" className="button-small" disabled={pending}>
        Log
      </button>
      {message !== undefined && (
        <p id={errorId} role="alert" className="field-error">
          {message}
        </p>
      )}
    </form>
  );
}
