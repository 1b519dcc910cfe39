import type { CalendarDate } from '@bigrock/core';
import { useId, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDate } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { plannerApi, type RockChoices } from './planner-api';
import { RockTieField, rockTieInput } from './RockTieField';

/**
 * Sets the big rock of a day: a title, what it moves (a goal or an activity), and an estimate.
 * With several `dates`, the day is chosen too.
 */
export function RockForm({
  dates,
  choices,
  heading,
  initialTitle = '',
  onSet,
}: {
  dates: CalendarDate[];
  choices: RockChoices;
  heading: string;
  initialTitle?: string;
  onSet?(): void;
}) {
  const id = useId();
  const [date, setDate] = useState(dates[0] ?? '');
  const [title, setTitle] = useState(initialTitle);
  const [tie, setTie] = useState('');
  const [estimate, setEstimate] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const titleError = fieldError(error, 'title');
  const estimateError = fieldError(error, 'estimateMinutes');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    void run(async () => {
      const rock = await plannerApi.setRock({
        title,
        date,
        ...rockTieInput(tie),
        estimateMinutes: estimate === '' ? null : Number(estimate),
      });
      setSaved(`Big rock of ${formatDate(rock.date)}: ${rock.title}.`);
      setTitle('');
      onSet?.();
      await revalidator.revalidate();
    });
  }

  return (
    <form className="planner-form" aria-labelledby={`${id}-heading`} noValidate onSubmit={submit}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {dates.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-date`}>Day</label>
          <select id={`${id}-date`} value={date} onChange={(event) => setDate(event.target.value)}>
            {dates.map((day) => (
              <option key={day} value={day}>
                {formatDate(day)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className={titleError ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-title`}>Big rock</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={200}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-title-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        {titleError && (
          <p id={`${id}-title-error`} className="field-error">
            {titleError}
          </p>
        )}
      </div>
      <RockTieField choices={choices} value={tie} onChange={setTie} />
      <div className={estimateError ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-estimate`}>Estimate (minutes)</label>
        <input
          id={`${id}-estimate`}
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          value={estimate}
          aria-invalid={estimateError ? true : undefined}
          aria-describedby={estimateError ? `${id}-estimate-error` : undefined}
          onChange={(event) => setEstimate(event.target.value)}
        />
        {estimateError && (
          <p id={`${id}-estimate-error`} className="field-error">
            {estimateError}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          Set big rock
        </button>
      </div>
      {!titleError && !estimateError && <ErrorAlert error={error} />}
      <p role="status" className="muted">
        {saved}
      </p>
    </form>
  );
}
