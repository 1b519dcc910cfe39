import type { PaceStatus } from '@bigrock/core';

import { paceStatusLabels } from './goal-labels';

/** Ahead, on track or behind, in its colour; "no pace yet" while the goal lacks a target, start or deadline. */
export function StatusBadge({ status }: { status: PaceStatus | null }) {
  if (status === null) {
    return (
      <span className="badge badge-none" title="Set a target, a start date and a deadline to get a pace">
        no pace yet
      </span>
    );
  }
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {paceStatusLabels[status]}
    </span>
  );
}
