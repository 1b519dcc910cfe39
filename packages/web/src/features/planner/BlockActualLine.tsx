import type { BlockActual, WeekBlock } from '@bigrock/core';

import { adherenceText, duration } from './planner-labels';

/** A block against the time tracked inside it: kept or not, and by activity. */
export function BlockActualLine({ block, actual }: { block: WeekBlock; actual: BlockActual | undefined }) {
  if (block.skipped) return <span className="muted">Skipped</span>;
  if (block.kind === 'break') return <span className="muted">Break</span>;
  if (actual === undefined) return null;
  const verdict = actual.kept === null ? 'block-pending' : actual.kept ? 'block-kept' : 'block-broken';
  return (
    <span className={`block-actual ${verdict}`}>
      {adherenceText(actual)}
      {actual.byActivity.length > 0 && (
        <span className="block-tracked">
          {' · tracked: '}
          {actual.byActivity.map((item) => `${item.activity} ${duration(item.seconds)}`).join(', ')}
        </span>
      )}
    </span>
  );
}
