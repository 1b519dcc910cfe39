import { entrySeconds, type TimeBucket, type TimeEntry } from '@bigrock/core';
import { Link, useRevalidator } from 'react-router-dom';

import { DeleteButton } from '../../shared/DeleteButton';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatNumber } from '../../shared/format';
import { useUndo } from '../../shared/undo-context';
import { usePendingAction } from '../../shared/use-pending-action';
import { trackingApi } from './tracking-api';
import { formatClock, formatDay, formatSeconds } from './tracking-format';
import { entryEditPath } from './tracking-paths';

/** `Acme · Website · billable at 85.5 EUR/h`: who an entry is for, and how it is billed. */
function billingText(entry: TimeEntry): string {
  const rate =
    entry.rate === null ? '' : ` at ${formatNumber(entry.rate)} ${entry.currency ?? ''}/h`.replace(' /h', '/h');
  const parts = [
    entry.client,
    entry.project,
    entry.billable ? `billable${rate}` : rate.trim() === '' ? null : `not billable${rate}`,
  ];
  return parts.filter((part) => part !== null).join(' · ');
}

/** The entries of each day of the range, the day's total above them. */
export function EntryDays({
  days,
  entries,
  timeZone,
  nowMs,
}: {
  days: TimeBucket[];
  entries: TimeEntry[];
  timeZone: string;
  /** A running timer's duration counts up to it, as the day's total does. */
  nowMs: number;
}) {
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const offerUndo = useUndo();
  // en-CA writes dates as YYYY-MM-DD: the day an entry starts on, in the workspace zone.
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayOf = (entry: TimeEntry) => dayFormat.format(new Date(entry.start));

  return (
    <div className="entry-days">
      <ErrorAlert error={error} />
      {days.map((day, index) => {
        // An entry that started before the first day shown (a timer left running) counts in it: it is listed there.
        const list = entries.filter((entry) => dayOf(entry) === day.start || (index === 0 && dayOf(entry) < day.start));
        return (
          <section key={day.start} className="entry-day" aria-label={formatDay(day.start)}>
            <h3>
              {formatDay(day.start)} <span className="muted">· {formatSeconds(day.seconds)}</span>
            </h3>
            {list.length === 0 ? (
              <p className="muted small">Nothing tracked.</p>
            ) : (
              <table className="data-points data-cards">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Activity</th>
                    <th scope="col" className="number">
                      Duration
                    </th>
                    <th scope="col">Source</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((entry) => (
                    <tr key={entry.id}>
                      <td className="card-title">
                        {dayOf(entry) !== day.start && `${formatDay(dayOf(entry))} `}
                        {formatClock(entry.start, timeZone)}–
                        {entry.end === null ? 'now' : formatClock(entry.end, timeZone)}
                      </td>
                      <td data-label="Activity">
                        {entry.activity}
                        {entry.tags.length > 0 && (
                          <span className="muted small"> {entry.tags.map((tag) => `#${tag}`).join(' ')}</span>
                        )}
                        {entry.note && <div className="muted small">{entry.note}</div>}
                        {(entry.client !== null || entry.project !== null || entry.billable) && (
                          <div className="muted small">{billingText(entry)}</div>
                        )}
                      </td>
                      <td className="number" data-label="Duration">
                        {formatSeconds(entrySeconds(entry, nowMs))}
                      </td>
                      <td className="small" data-label="Source">
                        {entry.source}
                      </td>
                      <td className="action entry-actions">
                        <Link
                          to={entryEditPath(entry.id)}
                          className="button button-small button-secondary"
                          aria-label={`Edit ${entry.activity} at ${formatClock(entry.start, timeZone)}`}
                        >
                          Edit
                        </Link>
                        <DeleteButton
                          label={`Delete ${entry.activity} at ${formatClock(entry.start, timeZone)}`}
                          disabled={pending}
                          onDelete={() =>
                            void run(async () => {
                              const deleted = await trackingApi.removeEntry(entry.id);
                              await revalidator.revalidate();
                              offerUndo({
                                what: `${entry.activity} at ${formatClock(entry.start, timeZone)}`,
                                deleted,
                              });
                            })
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
