import { AWAY_ACTIVITY, formatDuration, type IdleInterval, type TimeEntry } from '@bigrock/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { saveIdleSettings, useIdleSettings } from './idle-settings';
import { trackingApi } from './tracking-api';
import { formatClock } from './tracking-format';

interface IdleDialogProps {
  running: TimeEntry;
  idle: IdleInterval;
  timeZone: string;
  /** The choice is made (or the time kept): the dialog goes. `changed` when entries changed. */
  onDone(changed: boolean): void;
}

/**
 * Asks what becomes of the time nobody was here while a timer ran: keep it, discard it, or split
 * it off as an entry of its own. A modal `<dialog>`: focus moves into it and comes back after,
 * Escape keeps the time.
 */
export function IdleDialog({ running, idle, timeZone, onDone }: IdleDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { discardStops } = useIdleSettings();
  const [activity, setActivity] = useState(AWAY_ACTIVITY);
  const { pending, error, run } = usePendingAction();
  const activityError = fieldError(error, 'activity');

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const from = formatClock(new Date(idle.startMs).toISOString(), timeZone);
  const to = formatClock(new Date(idle.endMs).toISOString(), timeZone);
  const length = formatDuration((idle.endMs - idle.startMs) / 1000);

  async function resolve(action: 'discard' | 'stop' | 'split') {
    const done = await run(() =>
      trackingApi.resolveIdle({
        entryId: running.id,
        from: new Date(idle.startMs).toISOString(),
        to: new Date(idle.endMs).toISOString(),
        action,
        ...(action === 'split' && { activity }),
      }),
    );
    if (done) onDone(true);
  }

  function split(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void resolve('split');
  }

  return (
    <dialog
      ref={dialog}
      className="idle-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-what`}
      onCancel={(event) => {
        event.preventDefault();
        onDone(false);
      }}
    >
      <h2 id={`${id}-title`}>You were away</h2>
      <p id={`${id}-what`}>
        <strong>{running.activity}</strong> was running while nothing happened here from {from} to {to} ({length}). What
        becomes of that time?
      </p>
      <div className="idle-choices">
        <div className="idle-choice">
          <button type="button" className="button-secondary" disabled={pending} onClick={() => onDone(false)} autoFocus>
            Keep it
          </button>
          <p className="field-hint">It stays in {running.activity}.</p>
        </div>
        <div className="idle-choice">
          <button
            type="button"
            className="button-danger"
            disabled={pending}
            aria-describedby={`${id}-discard`}
            onClick={() => void resolve(discardStops ? 'stop' : 'discard')}
          >
            Discard it
          </button>
          <p id={`${id}-discard`} className="field-hint">
            {discardStops
              ? `${running.activity} stops at ${from}.`
              : `${running.activity} stops at ${from} and starts again at ${to}.`}
          </p>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={discardStops}
              onChange={(event) => saveIdleSettings({ discardStops: event.target.checked })}
            />{' '}
            Leave the timer stopped after discarding
          </label>
        </div>
        <form className="idle-choice" noValidate onSubmit={split}>
          <div className={activityError === undefined ? 'field' : 'field field-invalid'}>
            <label htmlFor={`${id}-activity`}>Activity for the time away</label>
            <input
              id={`${id}-activity`}
              value={activity}
              aria-invalid={activityError === undefined ? undefined : true}
              aria-describedby={activityError === undefined ? `${id}-split` : `${id}-activity-error`}
              onChange={(event) => setActivity(event.target.value)}
            />
            {activityError !== undefined && (
              <p id={`${id}-activity-error`} className="field-error">
                {activityError}
              </p>
            )}
          </div>
          <button type="submit" disabled={pending}>
            Split it off
          </button>
          <p id={`${id}-split`} className="field-hint">
            {from}–{to} becomes an entry of its own; {running.activity} starts again at {to}.
          </p>
        </form>
      </div>
      {activityError === undefined && <ErrorAlert error={error} />}
    </dialog>
  );
}
