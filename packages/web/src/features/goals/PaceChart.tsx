import type { Pace, PaceSeriesPoint } from '@bigrock/core';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

import { formatDate, formatNumber, formatQuantity, formatShortDate } from '../../shared/format';

interface PaceChartProps {
  series: PaceSeriesPoint[];
  pace: Pace | null;
  unit: string | null;
  height?: number;
}

// Kept in step with the status colours of styles.css; SVG strokes cannot read CSS classes of the card.
const actualColours = { ahead: '#1f8a4c', 'on-track': '#2563eb', behind: '#c62828' } as const;
const EXPECTED_COLOUR = '#8a94a6';

/** The expected straight line against the actual values, from start to deadline. */
export function PaceChart({ series, pace, unit, height = 200 }: PaceChartProps) {
  if (series.length === 0) {
    return (
      <p className="chart-empty muted">A chart appears once the goal has a target, a start date and a deadline.</p>
    );
  }
  const last = series.at(-1);
  const actualColour = pace === null ? actualColours['on-track'] : actualColours[pace.status];
  return (
    <figure className="chart">
      <LineChart
        responsive
        style={{ width: '100%', height }}
        data={series}
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
        {pace && (
          <ReferenceLine
            x={pace.asOf}
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
          name="Actual"
          dataKey="actual"
          type="stepAfter"
          stroke={actualColour}
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
      {last && pace && (
        <figcaption className="sr-only">
          Expected {formatQuantity(pace.expected, unit)} by today, actual {formatQuantity(pace.actual, unit)}; the line
          reaches {formatQuantity(last.expected, unit)} on {formatDate(last.date)}.
        </figcaption>
      )}
    </figure>
  );
}
