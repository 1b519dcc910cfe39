import { DateTime } from 'luxon';

import { AppError } from '../errors/app-error.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { TimeEntry } from './time-entry.js';

/** The calendar units that reports add time up by. Weeks start on Monday (ISO). */
export const bucketUnits = ['day', 'week', 'month'] as const;
export type BucketUnit = (typeof bucketUnits)[number];

export interface ActivityTime {
  activity: string;
  seconds: number;
}

/** The time tracked in one day, week or month of the workspace's calendar. */
export interface TimeBucket {
  /** The first day of the bucket. */
  start: CalendarDate;
  /** The first day after it. */
  end: CalendarDate;
  seconds: number;
  /** Most time first. */
  activities: ActivityTime[];
}

export interface BucketOptions {
  zone: string;
  unit: BucketUnit;
  /** The first and last day to report, both included. */
  from: CalendarDate;
  to: CalendarDate;
  nowMs: number;
}

export type BucketEntry = Pick<TimeEntry, 'activity' | 'start' | 'end'>;

/**
 * Adds entries up by day, week or month in the workspace's zone. An entry that crosses midnight
 * counts in both days, each for its own part; a day with a daylight-saving change is 23 or 25
 * hours long, because the boundaries are calendar boundaries computed by Luxon.
 *
 * @example
 * bucketEntries([{ activity: 'Admin', start: '2026-03-04T23:30:00Z', end: '2026-03-05T00:45:00Z' }],
 *   { zone: 'UTC', unit: 'day', from: '2026-03-04', to: '2026-03-05', nowMs: Date.now() })
 * // [{ start: '2026-03-04', seconds: 1800, … }, { start: '2026-03-05', seconds: 2700, … }]
 */
export function bucketEntries(entries: readonly BucketEntry[], options: BucketOptions): TimeBucket[] {
  const { zone, unit } = options;
  const first = DateTime.fromISO(options.from, { zone }).startOf(unit === 'week' ? 'week' : unit);
  const last = DateTime.fromISO(options.to, { zone }).startOf('day');
  if (!first.isValid || !last.isValid) {
    throw new AppError('invalid-input', 'from and to must be dates written YYYY-MM-DD.', { field: 'from' });
  }
  if (last < first) throw new AppError('invalid-input', 'to: choose a day on or after from.', { field: 'to' });

  const bounds: DateTime[] = [first];
  for (let bound = first; bound <= last;) {
    bound = bound.plus({ [`${unit}s`]: 1 });
    bounds.push(bound);
  }
  const boundMs = bounds.map((bound) => bound.toMillis());
  const totals = bounds.slice(0, -1).map(() => new Map<string, number>());

  const rangeStart = boundMs[0] ?? 0;
  const rangeEnd = boundMs.at(-1) ?? 0;
  for (const entry of entries) {
    const startMs = Math.max(Date.parse(entry.start), rangeStart);
    const endMs = Math.min(entry.end === null ? options.nowMs : Date.parse(entry.end), rangeEnd);
    if (!(endMs > startMs)) continue;
    // The last bound at or before the start; the buckets are few, a binary search keeps big ranges fast.
    let low = 0;
    let high = boundMs.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((boundMs[middle] ?? 0) <= startMs) low = middle;
      else high = middle - 1;
    }
    for (let index = low; index < totals.length; index++) {
      const bucketStart = boundMs[index] ?? 0;
      const bucketEnd = boundMs[index + 1] ?? 0;
      if (bucketStart >= endMs) break;
      const part = Math.min(endMs, bucketEnd) - Math.max(startMs, bucketStart);
      if (part <= 0) continue;
      const activities = totals[index];
      activities?.set(entry.activity, (activities.get(entry.activity) ?? 0) + part);
    }
  }

  return totals.map((activities, index) => {
    const list = [...activities]
      .map(([activity, ms]) => ({ activity, seconds: Math.round(ms / 1000) }))
      .sort((a, b) => b.seconds - a.seconds || a.activity.localeCompare(b.activity));
    return {
      start: bounds[index]?.toISODate() ?? '',
      end: bounds[index + 1]?.toISODate() ?? '',
      seconds: list.reduce((sum, { seconds }) => sum + seconds, 0),
      activities: list,
    };
  });
}
