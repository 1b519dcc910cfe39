import type { BlockActual, WeekBlock } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { BlockActualLine } from './BlockActualLine';
import { BlockTimeFields, blockTimeFields, blockTimeInput, type BlockTime } from './BlockTimeFields';
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
  onDone(changes: BlockTime): Promise<void>;
  pending: boolean;
  error: unknown;
}) {
  const [time, setTime] = useState<BlockTime>(() => blockTimeFields(block));
  const endError = fieldError(error, 'end');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onDone(blockTimeInput(time));
  }

  return (
    <form className="block-edit" aria-label={`Change ${blockName(block)}`} noValidate onSubmit={submit}>
      <BlockTimeFields value={time} onChange={setTime} endError={endError} />
      <button type="submit" className="button button-small" disabled={pending}>
        Save block
      </button>
      {!endError && <ErrorAlert error={error} />}
    </form>
  );
}
