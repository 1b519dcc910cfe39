import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

import { formatNumber } from '../../shared/format';

export interface HoursBar {
  name: string;
  tracked: number;
  target: number;
}

/** Hours tracked against the target, one pair of bars per row (a class or an activity). */
export function HoursBars({ rows, caption }: { rows: HoursBar[]; caption: string }) {
  return (
    <figure className="chart">
      <BarChart
        responsive
        layout="vertical"
        style={{ width: '100%', height: 60 + 36 * rows.length }}
        data={rows}
        margin={{ top: 8, right: 24, bottom: 0, left: 8 }}
      >
        <CartesianGrid stroke="#e5e7eb" horizontal={false} />
        <XAxis type="number" tickFormatter={(value: number) => `${formatNumber(value)} h`} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? `${formatNumber(value)} h` : '—')} />
        <Legend verticalAlign="bottom" />
        <Bar dataKey="tracked" name="Tracked" fill="#2f5bd3" isAnimationActive={false} />
        <Bar dataKey="target" name="Target" fill="#c3c9d2" isAnimationActive={false} />
      </BarChart>
      <figcaption className="sr-only">{caption}</figcaption>
    </figure>
  );
}

/** The hourly value of each of the last 8 weeks, a gap where a week had no hours. */
export function HourlyValueLine({
  weeks,
  formatMoney,
}: {
  weeks: Array<{ week: string; hourlyValue: number | null }>;
  formatMoney: (amount: number) => string;
}) {
  return (
    <figure className="chart">
      <LineChart
        responsive
        style={{ width: '100%', height: 220 }}
        data={weeks}
        margin={{ top: 8, right: 24, bottom: 0, left: 8 }}
      >
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis dataKey="week" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={(value: number) => formatMoney(value)} tick={{ fontSize: 12 }} width={80} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatMoney(value) : '—')} />
        <Line
          type="monotone"
          dataKey="hourlyValue"
          name="Hourly value"
          stroke="#2f5bd3"
          strokeWidth={2}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
      <figcaption className="sr-only">
        The hourly value of each of the last 8 weeks; the table below has the figures.
      </figcaption>
    </figure>
  );
}
