import type { StageRate } from '@bigrock/core';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

import { formatNumber } from '../../shared/format';

const STAGE_COLOURS = ['#2f5bd3', '#1f8a4c', '#a15c00', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f', '#b45309'];

/** The hours a week each stage takes, stacked, against the line of the hours available. */
export function HoursChart({ stages, hoursAvailable }: { stages: StageRate[]; hoursAvailable: number }) {
  const row = Object.fromEntries([
    ['name', 'Hours a week'],
    ...stages.map((stage) => [stage.activity, stage.hoursPerWeek]),
  ]);
  const needed = stages.reduce((total, stage) => total + stage.hoursPerWeek, 0);
  // A round end to the axis, a little beyond the longer of the two bars.
  const top = Math.ceil(Math.max(needed, hoursAvailable, 1) * 1.1);
  return (
    <figure className="chart">
      <BarChart
        responsive
        layout="vertical"
        style={{ width: '100%', height: 120 + 24 * Math.ceil(stages.length / 3) }}
        data={[row]}
        margin={{ top: 24, right: 24, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e5e7eb" horizontal={false} />
        <XAxis
          type="number"
          domain={[0, top]}
          tickFormatter={(value: number) => `${formatNumber(value)} h`}
          tick={{ fontSize: 12 }}
        />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip formatter={(value) => (typeof value === 'number' ? `${formatNumber(value)} h` : '—')} />
        <Legend verticalAlign="bottom" itemSorter={null} />
        {stages.map((stage, index) => (
          <Bar
            key={stage.activity}
            dataKey={stage.activity}
            stackId="hours"
            fill={STAGE_COLOURS[index % STAGE_COLOURS.length]}
            isAnimationActive={false}
          />
        ))}
        <ReferenceLine
          x={hoursAvailable}
          stroke="#1c2430"
          strokeWidth={2}
          label={{ value: `${formatNumber(hoursAvailable)} h available`, position: 'top', fontSize: 12 }}
        />
      </BarChart>
      <figcaption className="sr-only">
        The stages take {formatNumber(needed)} h a week; {formatNumber(hoursAvailable)} h are available.
      </figcaption>
    </figure>
  );
}
