import type { FocusStats } from '@bigrock/core';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';

import { formatNumber, formatShortDate } from '../../shared/format';

/** Focused minutes a day, as bars. */
export function FocusDaysChart({ days }: { days: FocusStats['days'] }) {
  const data = days.map((day) => ({ date: formatShortDate(day.date), minutes: Math.round(day.focusedSeconds / 60) }));
  const total = data.reduce((sum, day) => sum + day.minutes, 0);
  return (
    <figure className="chart">
      <BarChart
        responsive
        style={{ width: '100%', height: 180 }}
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        <XAxis dataKey="date" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
        <YAxis tick={{ fontSize: 11 }} width={40} tickFormatter={(value: number) => `${formatNumber(value, 0)}`} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? `${formatNumber(value, 0)} min` : '—')} />
        <Bar dataKey="minutes" name="Focused minutes" fill="#2f5bd3" isAnimationActive={false} />
      </BarChart>
      <figcaption className="sr-only">
        {formatNumber(total, 0)} minutes focused over {formatNumber(days.length, 0)} days.
      </figcaption>
    </figure>
  );
}
