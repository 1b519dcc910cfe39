import type { TodayPlan } from '@bigrock/core';
import { useId, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDate } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { plannerApi, type RockChoices } from './planner-api';
import { RockTieField, rockTieInput } from './RockTieField';

/**
 * The end of the day: today's big rock done or carried over with a reason, and tomorrow's chosen.
 * A rock carried over becomes tomorrow's; another title there replaces it.
 */
export function ShutdownForm({ day, choices }: { day: TodayPlan; choices: RockChoices }) {
  const id = useId();
  const open = day.rock?.status === 'open' ? day.rock : null;
  const [outcome, setOutcome] = useState<'done' | 'carry'>('done');
  const [reason, setReason] = useState('');
  const [tomorrow, setTomorrow] = useState(day.tomorrow.rock?.title ?? '');
  const [tie, setTie] = useState('');
  const [finished, setFinished] = useState<string | null>(null);
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const reasonError = fieldError(error, 'reason');
  const titleError = fieldError(error, 'title');
  const carrying = open !== null && outcome === 'carry';
  // Carrying over makes the same task tomorrow's rock: the title shown is the one it will have.
  const tomorrowTitle = carrying && tomorrow === '' ? open.title : tomorrow;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFinished(null);
    void run(async () => {
      if (open !== null) {
        if (outcome === 'done') await plannerApi.rockDone(day.date);
        else await plannerApi.carryRock({ date: day.date, to: day.tomorrow.date, reason });
      }
      const carriedTitle = carrying ? open.title : null;
      const current = day.tomorrow.rock?.title ?? carriedTitle;
      if (tomorrowTitle.trim() !== '' && (tomorrowTitle.trim() !== current || tie !== '')) {
        await plannerApi.setRock({
          date: day.tomorrow.date,
          title: tomorrowTitle,
          ...rockTieInput(tie),
        });
      }
      setTomorrow(tomorrowTitle.trim());
      setFinished(
        tomorrowTitle.trim() === ''
          ? 'Day shut down. Tomorrow has no big rock yet.'
          : `Day shut down. Tomorrow's big rock: ${tomorrowTitle.trim()}.`,
      );
      await revalidator.revalidate();
    });
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Shutdown</h2>
      <form className="shutdown-form" noValidate onSubmit={submit}>
        {open !== null ? (
          <fieldset className="form-section">
            <legend>Today&apos;s big rock: {open.title}</legend>
            <label className="checkbox-row">
              <input
                type="radio"
                name={`${id}-outcome`}
                checked={outcome === 'done'}
                onChange={() => setOutcome('done')}
              />{' '}
              Done
            </label>
            <label className="checkbox-row">
              <input
                type="radio"
                name={`${id}-outcome`}
                checked={outcome === 'carry'}
                onChange={() => setOutcome('carry')}
              />{' '}
              Carry it over to {formatDate(day.tomorrow.date)}
            </label>
            {outcome === 'carry' && (
              <div className={reasonError ? 'field field-invalid' : 'field'}>
                <label htmlFor={`${id}-reason`}>Why it is carried over</label>
                <textarea
                  id={`${id}-reason`}
                  value={reason}
                  maxLength={500}
                  rows={2}
                  aria-invalid={reasonError ? true : undefined}
                  aria-describedby={reasonError ? `${id}-reason-error` : undefined}
                  onChange={(event) => setReason(event.target.value)}
                />
                {reasonError && (
                  <p id={`${id}-reason-error`} className="field-error">
                    {reasonError}
                  </p>
                )}
              </div>
            )}
          </fieldset>
        ) : (
          <p className="muted">
            {day.rock === null
              ? 'Today had no big rock.'
              : `Today's big rock is ${day.rock.status === 'done' ? 'done' : 'carried over'}.`}
          </p>
        )}
        <fieldset className="form-section">
          <legend>Tomorrow, {formatDate(day.tomorrow.date)}</legend>
          <div className={titleError ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-tomorrow`}>Tomorrow&apos;s big rock</label>
            <input
              id={`${id}-tomorrow`}
              type="text"
              value={tomorrowTitle}
              maxLength={200}
              aria-invalid={titleError ? true : undefined}
              aria-describedby={titleError ? `${id}-tomorrow-error` : undefined}
              onChange={(event) => setTomorrow(event.target.value)}
            />
            {titleError && (
              <p id={`${id}-tomorrow-error`} className="field-error">
                {titleError}
              </p>
            )}
          </div>
          <RockTieField choices={choices} value={tie} onChange={setTie} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={pending}>
            Shut down the day
          </button>
        </div>
        {!reasonError && !titleError && <ErrorAlert error={error} />}
        <p role="status" className="muted">
          {finished}
        </p>
      </form>
    </section>
  );
}
