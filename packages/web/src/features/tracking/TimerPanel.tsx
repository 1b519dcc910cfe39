import { STALE_RUNNING_MS, type TimeEntry } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { errorField, fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useFormChecks } from '../../shared/form-checks';
import { usePendingAction } from '../../shared/use-pending-action';
import { trackingApi } from './tracking-api';
import { formatClock, formatElapsed } from './tracking-format';
import { useNow } from './use-now';

/** One timer at a time: what runs now and for how long, or a form to start one. */
export function TimerPanel({ running, timeZone }: { running: TimeEntry | null; timeZone: string }) {
  const [activity, setActivity] = useState('');
  const [note, setNote] = useState('');
  const checks = useFormChecks();
  const { pending, error, run } = usePendingAction();
  const activityError = checks.errors.activity ?? fieldError(error, 'activity');
  const revalidator = useRevalidator();
  const now = useNow(running !== null);

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const own = { activity: activity.trim() === '' ? 'Name the activity to time, e.g. Calls.' : undefined };
    if (!checks.passes(event.currentTarget, own)) return;
    const started = await run(async () => {
      await trackingApi.startTimer({ activity, note: note === '' ? undefined : note });
      await revalidator.revalidate();
    });
    if (started) {
      setActivity('');
      setNote('');
    }
  }

  // A timer forgotten for days would become an entry as long: stopping it asks first.
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const runningMs = running === null ? 0 : now - Date.parse(running.start);
  const confirming = running !== null && confirmingId === running.id;

  async function stop(confirmed = false) {
    if (running !== null && runningMs > STALE_RUNNING_MS && !confirmed) {
      setConfirmingId(running.id);
      return;
    }
    setConfirmingId(null);
    await run(async () => {
      await trackingApi.stopTimer();
      await revalidator.revalidate();
    });
  }

  return (
    <section className="panel timer-panel tracking-panel" aria-labelledby="timer-heading">
      <h2 id="timer-heading">Timer</h2>
      {running !== null && (
        <div className="timer-running" role="status">
          <p>
            <strong>{running.activity}</strong> since {formatClock(running.start, timeZone)}
            {running.note && <span className="muted"> · {running.note}</span>}
          </p>
          <p className="timer-elapsed" aria-label="Elapsed time">
            {formatElapsed((now - Date.parse(running.start)) / 1000)}
          </p>
          {!confirming && (
            <button type="button" className="button-danger" disabled={pending} onClick={() => void stop()}>
              Stop timer
            </button>
          )}
        </div>
      )}
      {running !== null && confirming && (
        <div className="notice timer-confirm" role="alertdialog" aria-labelledby="timer-confirm-question">
          <p id="timer-confirm-question">
            <strong>{running.activity}</strong> has been running for more than{' '}
            {new Intl.NumberFormat('en-GB', { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(
              Math.floor(runningMs / 86_400_000),
            )}
            , since{' '}
            {new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
              new Date(running.start),
            )}
            : stopping it now makes an entry that long. Stop it anyway?
          </p>
          <div className="form-actions">
            <button type="button" className="button-danger" disabled={pending} onClick={() => void stop(true)}>
              Stop it anyway
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirmingId(null)}>
              Keep it running
            </button>
          </div>
        </div>
      )}
      <form className="timer-form" noValidate onInput={checks.onInput} onSubmit={(event) => void start(event)}>
        <div className={activityError === undefined ? 'field' : 'field field-invalid'}>
          <label htmlFor="timer-activity">{running === null ? 'Activity' : 'Switch to activity'}</label>
          <input
            id="timer-activity"
            name="activity"
            value={activity}
            aria-invalid={activityError === undefined ? undefined : true}
            aria-describedby={activityError === undefined ? undefined : 'timer-activity-error'}
            placeholder="Calls, Facebook, Client work…"
            onChange={(event) => setActivity(event.target.value)}
          />
          {activityError !== undefined && (
            <p id="timer-activity-error" className="field-error">
              {activityError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="timer-note">Note</label>
          <input id="timer-note" value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <button type="submit" disabled={pending}>
          {running === null ? 'Start timer' : 'Switch'}
        </button>
      </form>
      {running !== null && <p className="field-hint">Starting another activity stops this one: one thing at a time.</p>}
      {errorField(error) !== 'activity' && <ErrorAlert error={error} />}
    </section>
  );
}
