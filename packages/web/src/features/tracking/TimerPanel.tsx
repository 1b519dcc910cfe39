import { localDateTime, STALE_RUNNING_MS, type TimeEntry } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { errorField, fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { useFormChecks } from '../../shared/form-checks';
import { usePendingAction } from '../../shared/use-pending-action';
import { ActivityNameInput, KeepSeparateChoice } from './ActivityNameInput';
import { RecentEntries } from './RecentEntries';
import { trackingApi } from './tracking-api';
import { formatClock, formatElapsed } from './tracking-format';
import { useNow } from './use-now';

interface TimerPanelProps {
  running: TimeEntry | null;
  timeZone: string;
  /** Today in the workspace zone, `YYYY-MM-DD`. */
  today: string;
  /** The activity names to offer as one is typed. */
  names: readonly string[];
  /** The latest entries, latest first: each can be continued in one click. */
  recent: readonly TimeEntry[];
}

/** One timer at a time: what runs now and for how long, or a form to start one; the latest entries to continue. */
export function TimerPanel({ running, timeZone, today, names, recent }: TimerPanelProps) {
  const [activity, setActivity] = useState('');
  const [keepSeparate, setKeepSeparate] = useState(false);
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
      await trackingApi.startTimer({
        activity,
        note: note === '' ? undefined : note,
        ...(keepSeparate && { keepSeparate }),
      });
      await revalidator.revalidate();
    });
    if (started) {
      setActivity('');
      setKeepSeparate(false);
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
          <RunningStart
            // A fresh form for each timer and each start it is given.
            key={`${running.id} ${running.start}`}
            running={running}
            timeZone={timeZone}
            today={today}
          />
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
          <ActivityNameInput
            id="timer-activity"
            name="activity"
            value={activity}
            names={names}
            aria-invalid={activityError === undefined ? undefined : true}
            aria-describedby={activityError === undefined ? undefined : 'timer-activity-error'}
            placeholder="Calls, Facebook, Client work…"
            onChange={setActivity}
          />
          {activityError !== undefined && (
            <p id="timer-activity-error" className="field-error">
              {activityError}
            </p>
          )}
          <KeepSeparateChoice value={activity} names={names} checked={keepSeparate} onChange={setKeepSeparate} />
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
      <RecentEntries recent={recent} running={running} timeZone={timeZone} />
    </section>
  );
}

/**
 * The running timer's start, to move ("I started 10 minutes ago"): a time of today, or of the day
 * it started on when that was another day. The server refuses a start to come or inside the entry
 * before, and says why beside the field.
 */
function RunningStart({ running, timeZone, today }: { running: TimeEntry; timeZone: string; today: string }) {
  const started = localDateTime(Date.parse(running.start), timeZone);
  const [date, setDate] = useState(started.slice(0, 10));
  const [time, setTime] = useState(started.slice(11, 16));
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const checks = useFormChecks();
  const startError = checks.errors.start ?? fieldError(error, 'start');

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const own = { start: time === '' ? 'Give the time it started, e.g. 09:50.' : undefined };
    if (!checks.passes(event.currentTarget, own)) return;
    await run(async () => {
      await trackingApi.editTimer({ start: `${date} ${time}` });
      await revalidator.revalidate();
    });
  }

  return (
    <form
      className="timer-start-form"
      aria-label="Start of the running timer"
      noValidate
      onInput={checks.onInput}
      onSubmit={(event) => void save(event)}
    >
      {started.slice(0, 10) !== today && (
        <Field
          label="Started on"
          control={(props) => (
            <input {...props} name="date" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          )}
        />
      )}
      <Field
        label="Started at"
        error={startError}
        control={(props) => (
          <input {...props} name="start" type="time" value={time} onChange={(event) => setTime(event.target.value)} />
        )}
      />
      <button type="submit" className="button-secondary" disabled={pending}>
        Change start
      </button>
      {errorField(error) !== 'start' && <ErrorAlert error={error} />}
    </form>
  );
}
