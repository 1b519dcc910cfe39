import { weekdays, type PostingSlot, type Weekday } from '@bigrock/core';
import { useState, type FormEvent } from 'react';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { usePendingAction } from '../../shared/use-pending-action';
import { weekdayLabels } from './post-labels';
import type { QueueSettings } from './posts-api';
import { postsApi } from './posts-api';

/**
 * The queue's weekly slots (a weekday and a time each, on the workspace's clocks) and how late a
 * post may still go out when Bigrock comes back; saved together.
 */
export function SlotsEditor({ queue, onSaved }: { queue: QueueSettings; onSaved(): Promise<void> }) {
  const [slots, setSlots] = useState<PostingSlot[]>(queue.slots);
  const [grace, setGrace] = useState(String(queue.graceMinutes));
  const [saved, setSaved] = useState(false);
  const { pending, error, run } = usePendingAction();

  const change = (index: number, slot: Partial<PostingSlot>) =>
    setSlots((current) => current.map((other, at) => (at === index ? { ...other, ...slot } : other)));

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const ok = await run(async () => {
      const answer = await postsApi.setQueue({
        slots,
        ...(grace.trim() !== '' && { graceMinutes: Number(grace) }),
      });
      setSlots(answer.slots);
      await onSaved();
    });
    setSaved(ok);
  }

  return (
    <section className="panel" aria-labelledby="slots-heading">
      <h2 id="slots-heading">Posting slots</h2>
      <p className="muted">
        Each week, on the workspace&apos;s clocks ({queue.timeZone}). &ldquo;Add to queue&rdquo; takes the next free
        one.
      </p>
      <form onSubmit={(event) => void save(event)} noValidate>
        {slots.length === 0 && <p className="muted">No slots: posts can only go at a time you give, or now.</p>}
        <ol className="slot-list">
          {slots.map((slot, index) => (
            <li key={index} className="slot-row" role="group" aria-label={`Slot ${index + 1}`}>
              <Field
                label="Weekday"
                control={(props) => (
                  <select
                    {...props}
                    value={slot.weekday}
                    onChange={(event) => change(index, { weekday: event.target.value as Weekday })}
                  >
                    {weekdays.map((weekday) => (
                      <option key={weekday} value={weekday}>
                        {weekdayLabels[weekday]}
                      </option>
                    ))}
                  </select>
                )}
              />
              <Field
                label="Time"
                control={(props) => (
                  <input
                    {...props}
                    type="time"
                    value={slot.time}
                    onChange={(event) => change(index, { time: event.target.value })}
                  />
                )}
              />
              <button
                type="button"
                className="button-small button-secondary"
                aria-label={`Remove slot ${index + 1}`}
                onClick={() => setSlots((current) => current.filter((_, at) => at !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        <div className="actions">
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              setSlots((current) => [...current, { weekday: current.at(-1)?.weekday ?? 'mon', time: '09:00' }])
            }
          >
            Add a slot
          </button>
        </div>
        <Field
          label="Grace for missed posts (minutes)"
          hint="When Bigrock was not running at a post's time, it still goes out this late; later, it is missed."
          error={fieldError(error, 'graceMinutes')}
          control={(props) => (
            <input
              {...props}
              type="number"
              min={0}
              max={10080}
              inputMode="numeric"
              value={grace}
              onChange={(event) => setGrace(event.target.value)}
            />
          )}
        />
        {fieldError(error, 'graceMinutes') === undefined && <ErrorAlert error={error} />}
        {saved && (
          <p role="status" className="muted">
            Slots saved.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            Save the slots
          </button>
        </div>
      </form>
    </section>
  );
}
