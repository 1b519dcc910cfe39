import type { ActivityBreak, CalendarDate } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { ApiError, fieldMessage } from '../../api/api-client';
import { DeleteButton } from '../../shared/DeleteButton';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { useFormChecks } from '../../shared/form-checks';
import { formatDate } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { activitiesApi } from './activities-api';

/** Planned breaks: the line waits over them, so a holiday is not a day behind, nor the end of a streak. */
export function ActivityBreaks({
  activityId,
  breaks,
  today,
}: {
  activityId: string;
  breaks: ActivityBreak[];
  today: CalendarDate;
}) {
  const [start, setStart] = useState(today);
  const [end, setEnd] = useState(today);
  const [note, setNote] = useState('');
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const checks = useFormChecks();
  const fieldError = (name: string) =>
    checks.errors[name] ?? (error instanceof ApiError && error.field === name ? fieldMessage(error) : undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const own = {
      start: start === '' ? 'Choose the first day of the break.' : undefined,
      end: end === '' ? 'Choose the last day of the break.' : undefined,
    };
    if (!checks.passes(event.currentTarget, own)) return;
    const added = await run(async () => {
      await activitiesApi.addBreak(activityId, { start, end, note: note.trim() === '' ? undefined : note });
      await revalidator.revalidate();
    });
    if (added) setNote('');
  }

  const remove = (pause: ActivityBreak) =>
    run(async () => {
      await activitiesApi.deleteBreak(pause.id);
      await revalidator.revalidate();
    });

  return (
    <section className="panel" aria-labelledby="breaks-heading">
      <h2 id="breaks-heading">Planned breaks</h2>
      {breaks.length === 0 ? (
        <p className="muted">None planned.</p>
      ) : (
        <ul className="break-list">
          {breaks.map((pause) => (
            <li key={pause.id}>
              {formatDate(pause.start)} to {formatDate(pause.end)}
              {pause.note && <span className="muted"> — {pause.note}</span>}{' '}
              <DeleteButton
                label={`Delete the break from ${formatDate(pause.start)}`}
                disabled={pending}
                onDelete={() => void remove(pause)}
              />
            </li>
          ))}
        </ul>
      )}
      <form noValidate onInput={checks.onInput} onSubmit={(event) => void submit(event)}>
        <div className="field-row">
          <Field
            label="First day"
            error={fieldError('start')}
            control={(props) => (
              <input
                {...props}
                name="start"
                type="date"
                value={start}
                onChange={(event) => setStart(event.target.value)}
              />
            )}
          />
          <Field
            label="Last day"
            error={fieldError('end')}
            control={(props) => (
              <input {...props} name="end" type="date" value={end} onChange={(event) => setEnd(event.target.value)} />
            )}
          />
        </div>
        <Field
          label="Why"
          hint="A holiday, an illness, a launch week…"
          control={(props) => (
            <input {...props} type="text" value={note} onChange={(event) => setNote(event.target.value)} />
          )}
        />
        {fieldError('start') === undefined && fieldError('end') === undefined && <ErrorAlert error={error} />}
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={pending}>
            Plan a break
          </button>
        </div>
      </form>
    </section>
  );
}
