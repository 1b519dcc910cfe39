import type { ActivitySeriesPoint } from '@bigrock/core';

import { DeferredExpectedActualChart } from '../../shared/DeferredExpectedActualChart';
import { formatQuantity } from '../../shared/format';

/** The running total against the line of the target rate; a planned break shows as a flat line. */
export function ActivityChart({ series, unit }: { series: ActivitySeriesPoint[]; unit: string }) {
  if (series.length === 0)
    return <p className="chart-empty muted">A chart appears once the activity has a target rate and a start.</p>;
  const last = series.at(-1);
  return (
    <DeferredExpectedActualChart
      series={series}
      unit={unit}
      height={240}
      actualName="Done"
      actualColour="#2563eb"
      caption={
        last &&
        `${formatQuantity(last.actual, unit)} done since the start, against ${formatQuantity(last.expected, unit)} on the line.`
      }
    />
  );
}
