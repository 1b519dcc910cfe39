import type { TimeBucket } from '@bigrock/core';

import { formatDay, formatSeconds } from './tracking-format';

/** A week at a glance: hours per activity per day, totals at the ends. */
export function WeekTable({ days }: { days: TimeBucket[] }) {
  const totals = new Map<string, number>();
  for (const day of days)
    for (const { activity, seconds } of day.activities) totals.set(activity, (totals.get(activity) ?? 0) + seconds);
  const activities = [...totals].sort((a, b) => b[1] - a[1]).map(([activity]) => activity);
  const secondsOf = (day: TimeBucket, activity: string) =>
    day.activities.find((item) => item.activity === activity)?.seconds ?? 0;
  const weekTotal = days.reduce((sum, day) => sum + day.seconds, 0);

  if (activities.length === 0) return <p className="muted">Nothing tracked in the week shown.</p>;
  return (
    <table className="data-points week-table" aria-label="Time by activity and day">
      <thead>
        <tr>
          <th scope="col">Activity</th>
          {days.map((day) => (
            <th key={day.start} scope="col" className="number">
              {formatDay(day.start)}
            </th>
          ))}
          <th scope="col" className="number">
            Week
          </th>
        </tr>
      </thead>
      <tbody>
        {activities.map((activity) => (
          <tr key={activity}>
            <th scope="row">{activity}</th>
            {days.map((day) => (
              <td key={day.start} className="number">
                {secondsOf(day, activity) === 0 ? '' : formatSeconds(secondsOf(day, activity))}
              </td>
            ))}
            <td className="number">{formatSeconds(totals.get(activity) ?? 0)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          {days.map((day) => (
            <td key={day.start} className="number">
              {formatSeconds(day.seconds)}
            </td>
          ))}
          <td className="number">{formatSeconds(weekTotal)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
