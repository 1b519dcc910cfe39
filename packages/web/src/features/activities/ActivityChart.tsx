import type { ActivitySeriesPoint } from '@bigrock/core';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

import { formatDate, formatNumber, formatQuantity, formatShortDate } from '../../shared/format';

const EXPECTED_COLOUR = '#8a94a6';
const ACTUAL_COLOUR = '#2563eb';

/** The running total against the line of the target rate; a planned break shows as a flat line. */
export function ActivityChart({ series, unit }: { series: ActivitySeriesPoint[]; unit: string }) {
  if (series.length === 0)
    return <p className="chart-empty muted">A chart appears once the activity has a target rate and a start.</p>;
  const last = series.at(-1);
  return (
    <figure className="chart">
      <LineChart
        responsive
        style={{ width: '100%', height: 240 }}
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
        <Line
          name="Expected"
          dataKey="expected"
          type="linear"
          stroke={EXPECTED_COLOUR}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line name="Done" dataKey="actual" type="stepAfter" stroke={ACTUAL_COLOUR} strokeWidth={2.5} dot={false} />
      </LineChart>
      {last && (
        <figcaption className="sr-only">
          {formatQuantity(last.actual, unit)} done since the start, against {formatQuantity(last.expected, unit)} on the
          line.
        </figcaption>
      )}
    </figure>
  );
}
