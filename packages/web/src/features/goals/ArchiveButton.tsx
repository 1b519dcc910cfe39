import type { Goal } from '@bigrock/core';
import { useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { goalsApi } from './goals-api';

/** Puts a goal away from the dashboard, or brings it back; its history stays either way. */
export function ArchiveButton({ goal }: { goal: Goal }) {
  const revalidator = useRevalidator();
  const { pending, error, run } = usePendingAction();
  const archived = goal.archivedAt !== null;

  const toggle = () =>
    run(async () => {
      await (archived ? goalsApi.unarchive(goal.id) : goalsApi.archive(goal.id));
      await revalidator.revalidate();
    });

  return (
    <>
      <button type="button" className="button-secondary" disabled={pending} onClick={() => void toggle()}>
        {archived ? 'Unarchive' : 'Archive'}
      </button>
      <ErrorAlert error={error} />
    </>
  );
}
