import type { TimeBucket } from '@bigrock/core';
import { useId } from 'react';

import { formatDay, formatSeconds } from './tracking-format';

/**
 * A week at a glance: hours per activity per day, totals at the ends. The week's figures are the
 * week's own bucket, not sums made here: core gives both, and they agree to the second.
 */
export function WeekTable({ days, week }: { days: TimeBucket[]; week: TimeBucket }) {
  const captionId = useId();
  const activities = week.activities.map(({ activity }) => activity);
  const secondsOf = (bucket: TimeBucket, activity: string) =>
    bucket.activities.find((item) => item.activity === activity)?.seconds ?? 0;

  if (activities.length === 0) return <p className="muted">Nothing tracked in the week shown.</p>;
  // Nine columns do not fit a phone: the table scrolls sideways in its own box, which the keyboard can scroll too.
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-points week-table">
        <caption id={captionId}>Time by activity and day</caption>
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
              <th scope="row" className="row-head">
                {activity}
              </th>
              {days.map((day) => (
                <td key={day.start} className="number">
                  {secondsOf(day, activity) === 0 ? '' : formatSeconds(secondsOf(day, activity))}
                </td>
              ))}
              <td className="number">{formatSeconds(secondsOf(week, activity))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="row-head">
              Total
            </th>
            {days.map((day) => (
              <td key={day.start} className="number">
                {formatSeconds(day.seconds)}
              </td>
            ))}
            <td className="number">{formatSeconds(week.seconds)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
