import { blockKinds, type BlockKind, type IsoWeek } from '@bigrock/core';
import { useId, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { BlockTimeFields, blockTimeInput, type BlockTime } from './BlockTimeFields';
import { plannerApi, type RockChoices } from './planner-api';
import { kindLabels } from './planner-labels';

/** Adds a block to this week only: a day, its hours, and an activity or a kind. */
export function AddBlockForm({ week, activities }: { week: IsoWeek; activities: RockChoices['activities'] }) {
  const id = useId();
  const [time, setTime] = useState<BlockTime>({ weekday: 'mon', start: '09:00', end: '10:00' });
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
        ...blockTimeInput(time),
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
        <BlockTimeFields value={time} onChange={setTime} endError={endError} />
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
