import type { BlockRecord } from '@bigrock/core';

import { weekdayLabels } from '../goals/goal-labels';
import { blockWhat } from './planner-labels';

const verdictLabels: Record<BlockRecord['verdict'], string> = {
  'always-broken': 'Always broken',
  broken: 'Broken',
  mixed: 'Sometimes kept',
  kept: 'Kept',
};

/** Which blocks are kept and which are always broken, over the last weeks. */
export function RecordPanel({ record }: { record: { weeks: string[]; blocks: BlockRecord[] } }) {
  return (
    <section className="panel" aria-labelledby="record-heading">
      <h2 id="record-heading">Blocks kept and broken</h2>
      <p className="field-hint">
        Over {record.weeks[0]} to {record.weeks.at(-1)}: a block is kept when at least 80% of it went to what it was
        for.
      </p>
      {record.blocks.length === 0 ? (
        <p className="muted">No block has ended yet in these weeks.</p>
      ) : (
        <ul className="record-list">
          {record.blocks.map((item) => (
            <li key={item.key} className={`record-${item.verdict}`}>
              <strong>{verdictLabels[item.verdict]}:</strong> {weekdayLabels[item.weekday]} {item.start}–{item.end}{' '}
              {blockWhat(item)} ({item.kept} of {item.kept + item.broken} kept)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
