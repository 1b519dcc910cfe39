import { lazy, Suspense } from 'react';

import type { ExpectedActualChartProps } from './ExpectedActualChart';

// The chart library is the largest part of the app (about 100 KB of the JavaScript, gzipped): it
// loads after the page's first load, while the page already shows its figures, and then once.
const ExpectedActualChart = lazy(async () => ({
  default: (await import('./ExpectedActualChart')).ExpectedActualChart,
}));

/** ExpectedActualChart, drawn once the chart library has loaded; its place is kept until then. */
export function DeferredExpectedActualChart(props: ExpectedActualChartProps) {
  const placeholder = (
    <figure className="chart" style={{ minHeight: props.height }} aria-busy="true">
      {props.caption && <figcaption className="sr-only">{props.caption}</figcaption>}
    </figure>
  );
  return (
    <Suspense fallback={placeholder}>
      <ExpectedActualChart {...props} />
    </Suspense>
  );
}
