import type { Pace, PaceSeriesPoint } from '@bigrock/core';

import { DeferredExpectedActualChart } from '../../shared/DeferredExpectedActualChart';
import { formatDate, formatQuantity } from '../../shared/format';

interface PaceChartProps {
  series: PaceSeriesPoint[];
  pace: Pace | null;
  unit: string | null;
  height?: number;
}

// Kept in step with the status colours of styles.css; SVG strokes cannot read CSS classes of the card.
const actualColours = { ahead: '#1f8a4c', 'on-track': '#2563eb', behind: '#c62828' } as const;

/** The expected straight line against the actual values, from start to deadline. */
export function PaceChart({ series, pace, unit, height = 200 }: PaceChartProps) {
  if (series.length === 0) {
    return (
      <p className="chart-empty muted">A chart appears once the goal has a target, a start date and a deadline.</p>
    );
  }
  const last = series.at(-1);
  return (
    <DeferredExpectedActualChart
      series={series}
      unit={unit}
      height={height}
      actualName="Actual"
      actualColour={pace === null ? actualColours['on-track'] : actualColours[pace.status]}
      today={pace?.asOf}
      caption={
        last &&
        pace &&
        `Expected ${formatQuantity(pace.expected, unit)} by today, actual ${formatQuantity(pace.actual, unit)}; the line reaches ${formatQuantity(last.expected, unit)} on ${formatDate(last.date)}.`
      }
    />
  );
}
