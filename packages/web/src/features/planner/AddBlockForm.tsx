import { blockKinds, weekdays, type BlockKind, type IsoWeek, type Weekday } from '@bigrock/core';
import { useId, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { weekdayLabels } from '../goals/goal-labels';
import { plannerApi, type RockChoices } from './planner-api';
import { kindLabels } from './planner-labels';

/** Adds a block to this week only: a day, its hours, and an activity or a kind. */
export function AddBlockForm({ week, activities }: { week: IsoWeek; activities: RockChoices['activities'] }) {
  const id = useId();
  const [weekday, setWeekday] = useState<Weekday>('mon');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('10:00');
  const [what, setWhat] = useState<string>('kind:deep-work');
  const [note, setNote] = useState('');
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const endError = fieldError(error, 'end');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const [type, value] = [what.slice(0, what.indexOf(':')), what.slice(what.indexOf(':') + 1)];
    void run(async () => {
      await plannerApi.addBlock({
        week,
        weekday,
        start,
        end: end === '00:00' ? '24:00' : end,
        ...(type === 'kind' ? { kind: value as BlockKind } : { activity: value }),
        note: note === '' ? null : note,
      });
      setNote('');
      await revalidator.revalidate();
    });
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Add a block to this week</h2>
      <form className="planner-form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-day`}>Day</label>
          <select id={`${id}-day`} value={weekday} onChange={(event) => setWeekday(event.target.value as Weekday)}>
            {weekdays.map((day) => (
              <option key={day} value={day}>
                {weekdayLabels[day]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>From</label>
          <input id={`${id}-start`} type="time" value={start} onChange={(event) => setStart(event.target.value)} />
        </div>
        <div className={endError ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-end`}>To</label>
          <input
            id={`${id}-end`}
            type="time"
            value={end}
            aria-invalid={endError ? true : undefined}
            aria-describedby={endError ? `${id}-end-error` : undefined}
            onChange={(event) => setEnd(event.target.value)}
          />
          {endError && (
            <p id={`${id}-end-error`} className="field-error">
              {endError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-what`}>Activity or kind</label>
          <select id={`${id}-what`} value={what} onChange={(event) => setWhat(event.target.value)}>
            <optgroup label="Kinds">
              {blockKinds.map((kind) => (
                <option key={kind} value={`kind:${kind}`}>
                  {kindLabels[kind]}
                </option>
              ))}
            </optgroup>
            {activities.length > 0 && (
              <optgroup label="Activities">
                {activities.map((activity) => (
                  <option key={activity.id} value={`activity:${activity.name}`}>
                    {activity.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <input
            id={`${id}-note`}
            type="text"
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={pending}>
            Add block
          </button>
        </div>
        {!endError && <ErrorAlert error={error} />}
      </form>
    </section>
  );
}
