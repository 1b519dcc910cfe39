import { bucketEntries, type TimeBucket, type TimeEntry } from '@bigrock/core';
import { useMemo } from 'react';

import type { TrackingView } from './tracking-paths';
import { useNow } from './use-now';

export interface TrackedTime {
  /** The time now; a running timer counts up to it. */
  nowMs: number;
  /** Each day shown. */
  days: TimeBucket[];
  /** The day or the week shown, whole. */
  period: TimeBucket | undefined;
}

/**
 * The time tracked in each day shown and in the day or week shown, by core's `bucketEntries` (the
 * function behind the API's summary and the CLI's): the page shows the figures they give. While a
 * timer runs, they count it up to now, second by second.
 */
export function useTrackedTime(
  entries: TimeEntry[],
  { view, from, to, timeZone }: { view: TrackingView; from: string; to: string; timeZone: string },
): TrackedTime {
  const nowMs = useNow(entries.some((entry) => entry.end === null));
  return useMemo(() => {
    const options = { zone: timeZone, from, to, nowMs };
    const days = bucketEntries(entries, { ...options, unit: 'day' });
    const [period] = bucketEntries(entries, { ...options, unit: view });
    return { nowMs, days, period };
  }, [entries, view, from, to, timeZone, nowMs]);
}
