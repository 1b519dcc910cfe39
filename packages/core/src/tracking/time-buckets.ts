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
  /** The first and last day to report, both included; the buckets that hold them are reported whole. */
  from: CalendarDate;
  to: CalendarDate;
  nowMs: number;
}

export type BucketEntry = Pick<TimeEntry, 'activity' | 'start' | 'end'>;

const toSeconds = (ms: number) => Math.floor(ms / 1000);

/**
 * The whole seconds from one instant to another (epoch milliseconds). Instants count by the second
 * they fall in, so an entry's parts in the days it crosses add up to exactly its duration, and a
 * week to its days.
 *
 * @example spanSeconds(Date.parse('2026-03-02T09:00:00.400Z'), Date.parse('2026-03-02T09:30:00.300Z')) // 1800
 */
export function spanSeconds(startMs: number, endMs: number): number {
  return Math.max(0, toSeconds(endMs) - toSeconds(startMs));
}

/**
 * The whole seconds an entry lasts, a running one up to now: its duration wherever it is shown.
 *
 * @example
 * entrySeconds({ start: '2026-03-02T09:00:00.400Z', end: '2026-03-02T09:30:00.300Z' }, Date.now()) // 1800
 */
export function entrySeconds(entry: Pick<BucketEntry, 'start' | 'end'>, nowMs: number): number {
  return spanSeconds(Date.parse(entry.start), entry.end === null ? nowMs : Date.parse(entry.end));
}

/** The calendar bounds of the buckets from the one holding `from` to the one holding `to`. */
function bucketBounds({ zone, unit, from, to }: Omit<BucketOptions, 'nowMs'>): DateTime[] {
  const first = DateTime.fromISO(from, { zone }).startOf(unit);
  const last = DateTime.fromISO(to, { zone }).startOf('day');
  if (!first.isValid || !last.isValid) {
    throw new AppError('invalid-input', 'from and to must be dates written YYYY-MM-DD.', { field: 'from' });
  }
  if (last < first) throw new AppError('invalid-input', 'to: choose a day on or after from.', { field: 'to' });
  const bounds: DateTime[] = [first];
  for (let bound = first; bound <= last;) {
    bound = bound.plus({ [`${unit}s`]: 1 });
    bounds.push(bound);
  }
  return bounds;
}

/**
 * The instants the buckets of a report cover: from the start of the day, week or month holding
 * `from` to the end of the one holding `to`. Every entry that overlaps this span counts in
 * `bucketEntries`: fetch them all, or a week's total would depend on the days asked.
 *
 * @example
 * bucketSpan({ zone: 'UTC', unit: 'week', from: '2026-03-04', to: '2026-03-04' })
 * // { startMs: Date.parse('2026-03-02T00:00:00Z'), endMs: Date.parse('2026-03-09T00:00:00Z') }
 */
export function bucketSpan(options: Omit<BucketOptions, 'nowMs'>): { startMs: number; endMs: number } {
  const bounds = bucketBounds(options);
  return { startMs: bounds[0]?.toMillis() ?? 0, endMs: bounds.at(-1)?.toMillis() ?? 0 };
}

/**
 * Adds entries up by day, week or month in the workspace's zone: the one function for the time
 * tracked in a day, a week or a month, whoever shows it. Each bucket is whole (a week from Monday,
 * a month from its first day, whatever days were asked) and counts the part of each entry inside
 * it, a running timer up to now, in whole seconds; so a day's figure is the same whatever range
 * holds it, a bucket's seconds are the sum of its activities', and a week's the sum of its days'.
 * An entry that crosses midnight counts in both days, each for its own part; a day with a
 * daylight-saving change is 23 or 25 hours long, because the boundaries are calendar boundaries
 * computed by Luxon. Give it every entry that overlaps `bucketSpan(options)`.
 *
 * @example
 * bucketEntries([{ activity: 'Admin', start: '2026-03-04T23:30:00Z', end: '2026-03-05T00:45:00Z' }],
 *   { zone: 'UTC', unit: 'day', from: '2026-03-04', to: '2026-03-05', nowMs: Date.now() })
 * // [{ start: '2026-03-04', seconds: 1800, … }, { start: '2026-03-05', seconds: 2700, … }]
 */
export function bucketEntries(entries: readonly BucketEntry[], options: BucketOptions): TimeBucket[] {
  const bounds = bucketBounds(options);
  const boundSeconds = bounds.map((bound) => toSeconds(bound.toMillis()));
  const totals = bounds.slice(0, -1).map(() => new Map<string, number>());

  const rangeStart = boundSeconds[0] ?? 0;
  const rangeEnd = boundSeconds.at(-1) ?? 0;
  const now = toSeconds(options.nowMs);
  for (const entry of entries) {
    const start = Math.max(toSeconds(Date.parse(entry.start)), rangeStart);
    const end = Math.min(entry.end === null ? now : toSeconds(Date.parse(entry.end)), rangeEnd);
    if (!(end > start)) continue;
    // The last bound at or before the start; the buckets are few, a binary search keeps big ranges fast.
    let low = 0;
    let high = boundSeconds.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((boundSeconds[middle] ?? 0) <= start) low = middle;
      else high = middle - 1;
    }
    for (let index = low; index < totals.length; index++) {
      const bucketStart = boundSeconds[index] ?? 0;
      const bucketEnd = boundSeconds[index + 1] ?? 0;
      if (bucketStart >= end) break;
      const part = Math.min(end, bucketEnd) - Math.max(start, bucketStart);
      if (part <= 0) continue;
      const activities = totals[index];
      activities?.set(entry.activity, (activities.get(entry.activity) ?? 0) + part);
    }
  }

  return totals.map((activities, index) => {
    const list = [...activities]
      .map(([activity, seconds]) => ({ activity, seconds }))
      .sort((a, b) => b.seconds - a.seconds || a.activity.localeCompare(b.activity));
    return {
      start: bounds[index]?.toISODate() ?? '',
      end: bounds[index + 1]?.toISODate() ?? '',
      seconds: list.reduce((sum, { seconds }) => sum + seconds, 0),
      activities: list,
    };
  });
}
