import { weekdays, type BlockActual, type Weekday, type WeekBlock } from '@bigrock/core';
import { useId, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { weekdayLabels } from '../goals/goal-labels';
import { BlockActualLine } from './BlockActualLine';
import { plannerApi } from './planner-api';
import { blockName, blockWhat } from './planner-labels';

/** One block of the week: its hours, what it holds, how it went, and its changes (this week only). */
export function BlockRow({ block, actual }: { block: WeekBlock; actual: BlockActual | undefined }) {
  const [editing, setEditing] = useState(false);
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const name = blockName(block);

  const act = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      await revalidator.revalidate();
    });

  return (
    <li className={block.skipped ? 'block-row block-skipped' : 'block-row'}>
      <div className="block-main">
        <span className="block-time">
          {block.start}–{block.end}
        </span>{' '}
        <strong>{blockWhat(block)}</strong>
        {block.note !== null && <span className="muted"> · {block.note}</span>}
        <div>
          <BlockActualLine block={block} actual={actual} />
        </div>
      </div>
      <div className="block-actions">
        <button
          type="button"
          className="button button-small button-secondary"
          aria-expanded={editing}
          aria-label={`Move or shorten ${name}`}
          onClick={() => setEditing(!editing)}
        >
          Edit
        </button>
        {!block.skipped && (
          <button
            type="button"
            className="button button-small button-secondary"
            aria-label={`Skip ${name}`}
            disabled={pending}
            onClick={() => void act(() => plannerApi.skipBlock(block.id))}
          >
            Skip
          </button>
        )}
        <button
          type="button"
          className="button button-small button-danger"
          aria-label={`Remove ${name}`}
          disabled={pending}
          onClick={() => void act(() => plannerApi.removeBlock(block.id))}
        >
          Remove
        </button>
      </div>
      {editing && (
        <EditBlockForm
          block={block}
          onDone={async (changes) => {
            if (await act(() => plannerApi.editBlock(block.id, changes))) setEditing(false);
          }}
          pending={pending}
          error={error}
        />
      )}
      {!editing && <ErrorAlert error={error} />}
    </li>
  );
}

function EditBlockForm({
  block,
  onDone,
  pending,
  error,
}: {
  block: WeekBlock;
  onDone(changes: { weekday: Weekday; start: string; end: string }): Promise<void>;
  pending: boolean;
  error: unknown;
}) {
  const id = useId();
  const [weekday, setWeekday] = useState<Weekday>(block.weekday);
  const [start, setStart] = useState(block.start);
  const [end, setEnd] = useState(block.end === '24:00' ? '00:00' : block.end);
  const endError = fieldError(error, 'end');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onDone({ weekday, start, end: end === '00:00' ? '24:00' : end });
  }

  return (
    <form className="block-edit" aria-label={`Change ${blockName(block)}`} noValidate onSubmit={submit}>
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
      <button type="submit" className="button button-small" disabled={pending}>
        Save block
      </button>
      {!endError && <ErrorAlert error={error} />}
    </form>
  );
}
