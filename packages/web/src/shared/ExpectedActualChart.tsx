import type { ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

import { formatDate, formatNumber, formatQuantity, formatShortDate } from './format';

const EXPECTED_COLOUR = '#8a94a6';

export interface ExpectedActualChartProps {
  /** By date: where the straight line is, and what was done (null where the future has none yet). */
  series: ReadonlyArray<{ date: string; expected: number; actual: number | null }>;
  unit: string | null;
  height: number;
  actualName: string;
  actualColour: string;
  /** A dotted "today" line at this date, when given. */
  today?: string;
  /** What the chart says, for screen readers. */
  caption: ReactNode;
}

/**
 * The expected straight line against the actual running total, by date: for goals and for
 * activities. No animation: an animated line is drawn late, or not at all, when data changes.
 */
export function ExpectedActualChart({
  series,
  unit,
  height,
  actualName,
  actualColour,
  today,
  caption,
}: ExpectedActualChartProps) {
  return (
    <figure className="chart">
      <LineChart
        responsive
        style={{ width: '100%', height }}
        data={[...series]}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        <XAxis dataKey="date" tickFormatter={formatShortDate} minTickGap={32} tick={{ fontSize: 12 }} />
        <YAxis width="auto" tickFormatter={formatNumber} tick={{ fontSize: 12 }} />
        <Tooltip
          labelFormatter={(date) => formatDate(String(date))}
          formatter={(value) => (typeof value === 'number' ? formatQuantity(value, unit) : '—')}
        />
        <Legend verticalAlign="top" height={28} iconType="plainline" />
        {today !== undefined && (
          <ReferenceLine
            x={today}
            stroke="#9ca3af"
            strokeDasharray="2 3"
            label={{ value: 'today', position: 'insideTopLeft', fontSize: 11 }}
          />
        )}
        <Line
          name="Expected"
          dataKey="expected"
          type="linear"
          stroke={EXPECTED_COLOUR}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          name={actualName}
          dataKey="actual"
          type="stepAfter"
          stroke={actualColour}
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
      {caption && <figcaption className="sr-only">{caption}</figcaption>}
    </figure>
  );
}
