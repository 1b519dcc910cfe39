import type { StageRate } from '@bigrock/core';
import { Funnel, FunnelChart, Tooltip } from 'recharts';

import { formatNumber } from '../../shared/format';

const STAGE_COLOURS = ['#2f5bd3', '#4f7be0', '#6f98ea', '#8fb3f2', '#aecbf7', '#cddff9', '#dfe9fb', '#eef3fd'];
const STAGE_HEIGHT = 48;
const MARGIN = 4;

/** The funnel as a picture: each stage's units over the whole plan, narrowing to the outcome, named beside it. */
export function FunnelPicture({ stages, weeks }: { stages: StageRate[]; weeks: number }) {
  const data = stages.map((stage, index) => ({
    name: stage.activity,
    value: Math.max(stage.total, 0.001),
    label: `${formatNumber(Math.ceil(stage.total - 1e-9))} ${stage.activity}`,
    fill: STAGE_COLOURS[index % STAGE_COLOURS.length],
  }));
  const height = STAGE_HEIGHT * stages.length + 2 * MARGIN;
  return (
    <figure className="chart funnel-picture">
      <div className="funnel-picture-shape">
        <FunnelChart
          responsive
          style={{ width: '100%', height }}
          margin={{ top: MARGIN, right: 0, bottom: MARGIN, left: 0 }}
        >
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatNumber(value) : '—')} />
          <Funnel dataKey="value" nameKey="name" data={data} isAnimationActive={false} lastShapeType="rectangle" />
        </FunnelChart>
      </div>
      {/* The stages' names and numbers, one row beside each band of the picture. */}
      <figcaption className="funnel-picture-labels" style={{ height, paddingBlock: MARGIN }}>
        <span className="sr-only">Over {formatNumber(weeks)} weeks:</span>
        <ol>
          {data.map(({ name, label }) => (
            <li key={name}>{label}</li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
