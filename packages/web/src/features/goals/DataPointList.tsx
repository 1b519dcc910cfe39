import type { DataPoint } from '@bigrock/core';
import { useRevalidator } from 'react-router-dom';

import { errorMessage } from '../../api/api-client';
import { formatDate, formatNumber } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { goalsApi } from './goals-api';

interface DataPointListProps {
  points: DataPoint[];
  unit: string | null;
}

/** What has been logged, newest first, each removable when it was a mistake. */
export function DataPointList({ points, unit }: DataPointListProps) {
  const revalidator = useRevalidator();
  const { pending, error, run } = usePendingAction();

  const remove = (point: DataPoint) =>
    run(async () => {
      await goalsApi.deleteDataPoint(point.id);
      await revalidator.revalidate();
    });

  return (
    <section className="panel" aria-labelledby="data-points-heading">
      <h2 id="data-points-heading">Logged progress</h2>
      {error !== null && (
        <p role="alert" className="form-error">
          {errorMessage(error)}
        </p>
      )}
      {points.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <table className="data-points">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="number">
                {unit ?? 'Value'}
              </th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {points.toReversed().map((point) => (
              <tr key={point.id}>
                <td>{formatDate(point.date)}</td>
                <td className="number">{formatNumber(point.value)}</td>
                <td className="note">{point.note}</td>
                <td className="action">
                  <button
                    type="button"
                    className="button-small button-danger"
                    disabled={pending}
                    aria-label={`Delete ${formatNumber(point.value)} on ${formatDate(point.date)}`}
                    onClick={() => void remove(point)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
