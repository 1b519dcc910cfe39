import type { CalendarDate } from '@bigrock/core';
import { useId } from 'react';
import { useRevalidator } from 'react-router-dom';

import { DeleteButton } from './DeleteButton';
import { ErrorAlert } from './ErrorAlert';
import { formatDate, formatNumber } from './format';
import { usePendingAction } from './use-pending-action';

export interface LoggedRow {
  id: string;
  date: CalendarDate;
  amount: number;
  note: string | null;
}

interface LoggedListProps {
  heading: string;
  /** The amount column's heading: the unit, when there is one. */
  amountHeading: string;
  /** Rows in the order they were logged; the list shows the newest first. */
  rows: LoggedRow[];
  remove(id: string): Promise<unknown>;
}

/** What has been logged, newest first, each removable when it was a mistake: goals' progress and activities' counts. */
export function LoggedList({ heading, amountHeading, rows, remove }: LoggedListProps) {
  const headingId = useId();
  const revalidator = useRevalidator();
  const { pending, error, run } = usePendingAction();

  const removeRow = (row: LoggedRow) =>
    run(async () => {
      await remove(row.id);
      await revalidator.revalidate();
    });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ErrorAlert error={error} />
      {rows.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <table className="data-points data-cards">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="number">
                {amountHeading}
              </th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.toReversed().map((row) => (
              <tr key={row.id}>
                <td className="date card-title">{formatDate(row.date)}</td>
                <td className="number" data-label={amountHeading}>
                  {formatNumber(row.amount)}
                </td>
                <td className="note" data-label="Note">
                  {row.note}
                </td>
                <td className="action">
                  <DeleteButton
                    label={`Delete ${formatNumber(row.amount)} on ${formatDate(row.date)}`}
                    disabled={pending}
                    onDelete={() => void removeRow(row)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
