import { formatDuration } from '../format/format-duration.js';
import { dateInZone, type CalendarDate } from '../time/calendar-date.js';
import { workingIntervals, type WorkingHours } from '../workspaces/working-hours.js';
import type { TimeEntry } from './time-entry.js';

/** What the review inbox flags: untracked working time, entries on top of each other, entries too long to be true. */
export const reviewKinds = ['gap', 'overlap', 'long'] as const;
export type ReviewKind = (typeof reviewKinds)[number];

export interface ReviewItem {
  kind: ReviewKind;
  start: string;
  end: string;
  seconds: number;
  /** The day, in the workspace zone, the item starts on. */
  date: CalendarDate;
  /** The entries concerned: the two around a gap or an overlap, the long one. */
  entryIds: string[];
  message: string;
}

export interface ReviewOptions {
  zone: string;
  nowMs: number;
  /** The workspace's working hours, on the clocks of `zone`: untracked time outside them is no gap. */
  workingHours: WorkingHours;
  /** Untracked working time shorter than this between two entries is not worth a look. Default 30. */
  minGapMinutes?: number;
  /** An entry (or a running timer) at least this long is flagged. Default 10. */
  longHours?: number;
}

export type ReviewEntry = Pick<TimeEntry, 'id' | 'activity' | 'start' | 'end'>;

/**
 * The review inbox: gaps (untracked time between two entries, inside working hours: a night or a
 * weekend is no gap, and a gap from Monday noon to a Tuesday entry is two, one per day), overlaps
 * (an entry starting before the one before it ends) and very long entries, in the order they
 * happened.
 *
 * @example
 * findReviewItems(
 *   [
 *     { id: 'a', activity: 'Calls', start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z' },
 *     { id: 'b', activity: 'Email', start: '2026-03-02T11:00:00Z', end: '2026-03-02T11:30:00Z' },
 *   ],
 *   { zone: 'UTC', nowMs: Date.now(), workingHours: DEFAULT_WORKING_HOURS },
 * ) // [{ kind: 'gap', seconds: 3600, entryIds: ['a', 'b'], ... }]
 */
export function findReviewItems(entries: readonly ReviewEntry[], options: ReviewOptions): ReviewItem[] {
  const minGapMs = (options.minGapMinutes ?? 30) * 60_000;
  const longMs = (options.longHours ?? 10) * 3_600_000;
  const spans = entries
    .map((entry) => {
      const startMs = Date.parse(entry.start);
      const endMs = entry.end === null ? Math.max(options.nowMs, startMs) : Date.parse(entry.end);
      return { entry, startMs, endMs };
    })
    .sort((a, b) => a.startMs - b.startMs || (a.entry.id < b.entry.id ? -1 : 1));

  const items: ReviewItem[] = [];
  const item = (kind: ReviewKind, startMs: number, endMs: number, entryIds: string[], message: string) =>
    items.push({
      kind,
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      seconds: Math.round((endMs - startMs) / 1000),
      date: dateInZone(new Date(startMs), options.zone),
      entryIds,
      message,
    });

  let latest: (typeof spans)[number] | undefined;
  for (const span of spans) {
    const { entry, startMs, endMs } = span;
    if (endMs - startMs >= longMs) {
      const length = formatDuration((endMs - startMs) / 1000);
      item(
        'long',
        startMs,
        endMs,
        [entry.id],
        entry.end === null
          ? `The ${entry.activity} timer has run for ${length}: stop it, or correct its start.`
          : `${entry.activity} lasts ${length}: split it or correct its end.`,
      );
    }
    if (latest !== undefined) {
      if (startMs < latest.endMs) {
        const overlapEnd = Math.min(latest.endMs, endMs);
        if (overlapEnd > startMs) {
          item(
            'overlap',
            startMs,
            overlapEnd,
            [latest.entry.id, entry.id],
            `${latest.entry.activity} and ${entry.activity} overlap by ${formatDuration((overlapEnd - startMs) / 1000)}: correct one of them.`,
          );
        }
      } else if (startMs - latest.endMs >= minGapMs) {
        for (const gap of workingIntervals(options.workingHours, options.zone, latest.endMs, startMs)) {
          if (gap.endMs - gap.startMs < minGapMs) continue;
          item(
            'gap',
            gap.startMs,
            gap.endMs,
            [latest.entry.id, entry.id],
            `${formatDuration((gap.endMs - gap.startMs) / 1000)} untracked between ${latest.entry.activity} and ${entry.activity}: add an entry if you worked.`,
          );
        }
      }
    }
    if (latest === undefined || endMs > latest.endMs) latest = span;
  }
  return items.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
