import { DateTime } from 'luxon';

import { weekdays, type Weekday } from '../goals/goal.js';
import { addDays, daysBetween, type CalendarDate } from '../time/calendar-date.js';
import { dateRangeInZone } from '../time/zoned-time.js';
import type { FocusStatus, InterruptionKind } from './focus.js';

const HOUR_MS = 3_600_000;
/** An hour of the day counts among the best only with this much focus in the range: half an hour. */
export const BEST_HOUR_MIN_SECONDS = 1800;
/** How many hours of the day `bestHours` names. */
const BEST_HOURS = 3;

/** What the statistics are computed from: the focus entries, the ended sessions and the interruptions. */
export interface FocusStatsInput {
  from: CalendarDate;
  to: CalendarDate;
  zone: string;
  nowMs: number;
  /** The time entries with source `focus` (end null while running). */
  segments: readonly { startMs: number; endMs: number | null }[];
  /** Sessions, with when they ended (null while open). */
  sessions: readonly { status: FocusStatus; endedAtMs: number | null }[];
  interruptions: readonly { kind: InterruptionKind; atMs: number }[];
}

/** Interruptions an hour of focus; null when there was no focus to divide by. */
export interface InterruptionRates {
  internal: number | null;
  external: number | null;
  total: number | null;
}

/** One weekday × hour of the heatmap, on the workspace's clocks. */
export interface FocusHeatCell {
  weekday: Weekday;
  /** 0 to 23, the hour the clocks showed. */
  hour: number;
  focusedSeconds: number;
  interruptions: number;
  /** Interruptions an hour of focus in this cell; null without focus. */
  interruptionsPerHour: number | null;
}

/** An hour of the day, over every weekday. */
export interface FocusHour {
  hour: number;
  focusedSeconds: number;
  interruptions: number;
  interruptionsPerHour: number;
}

export interface FocusStats {
  from: CalendarDate;
  to: CalendarDate;
  timeZone: string;
  /** Every day of the range, in order, with its focused seconds. */
  days: { date: CalendarDate; focusedSeconds: number }[];
  focusedSeconds: number;
  /** Sessions that ended in the range. */
  sessions: { finished: number; abandoned: number };
  interruptions: { internal: number; external: number; total: number; perFocusHour: InterruptionRates };
  /** 168 cells: Monday 00:00 to Sunday 23:00. */
  heatmap: FocusHeatCell[];
  /**
   * The hours of the day when focus holds best: the fewest interruptions an hour of focus among
   * those with at least half an hour of focus, most focus first on a tie; at most three.
   */
  bestHours: FocusHour[];
}

/** Interruptions per hour of focus, or null without focus. */
const rate = (count: number, seconds: number): number | null => (seconds > 0 ? count / (seconds / 3600) : null);

/**
 * The next instant after `instantMs` at which the zone's clocks show a whole hour. Computed from
 * the offset in force (a daylight-saving change happens on a whole hour, so it is a boundary too).
 */
function nextHourBoundary(instantMs: number, offsetMinutes: number): number {
  const local = instantMs + offsetMinutes * 60_000;
  const next = instantMs - (((local % HOUR_MS) + HOUR_MS) % HOUR_MS) + HOUR_MS;
  return Math.max(next, instantMs + 1);
}

/**
 * Focus statistics over the days `from` to `to` (both included) in a zone: focused time a day,
 * sessions finished and abandoned, interruptions an hour of focus by kind, and a weekday × hour
 * heatmap of focus and interruptions on the zone's clocks. A daylight-saving day has 23 or 25
 * hours, and time is counted under the hour the clocks showed.
 *
 * @example
 * focusStats({ from: '2026-03-02', to: '2026-03-02', zone: 'UTC', nowMs,
 *   segments: [{ startMs: Date.parse('2026-03-02T09:00Z'), endMs: Date.parse('2026-03-02T09:50Z') }],
 *   sessions: [{ status: 'done', endedAtMs: Date.parse('2026-03-02T09:50Z') }],
 *   interruptions: [{ kind: 'external', atMs: Date.parse('2026-03-02T09:20Z') }] })
 * // days [{ date: '2026-03-02', focusedSeconds: 3000 }], interruptions.perFocusHour.external 1.2
 */
export function focusStats(input: FocusStatsInput): FocusStats {
  const { from, to, zone, nowMs } = input;
  const range = dateRangeInZone(from, to, zone);
  const rangeStart = range.startMs ?? 0;
  const rangeEnd = range.endMs ?? 0;
  const dayCount = daysBetween(from, to) + 1;
  const dayMs = new Map<CalendarDate, number>();
  const cellMs = new Float64Array(7 * 24);
  const cellInterruptions = new Int32Array(7 * 24);
  const cellOf = (at: DateTime) => (at.weekday - 1) * 24 + at.hour;

  for (const segment of input.segments) {
    let cursor = Math.max(segment.startMs, rangeStart);
    const end = Math.min(segment.endMs ?? nowMs, rangeEnd);
    while (cursor < end) {
      const at = DateTime.fromMillis(cursor, { zone });
      const next = Math.min(nextHourBoundary(cursor, at.offset), end);
      const date = at.toISODate() ?? from;
      dayMs.set(date, (dayMs.get(date) ?? 0) + (next - cursor));
      const cell = cellOf(at);
      cellMs[cell] = (cellMs[cell] ?? 0) + (next - cursor);
      cursor = next;
    }
  }

  let internal = 0;
  let external = 0;
  for (const interruption of input.interruptions) {
    if (interruption.atMs < rangeStart || interruption.atMs >= rangeEnd) continue;
    if (interruption.kind === 'internal') internal += 1;
    else external += 1;
    const cell = cellOf(DateTime.fromMillis(interruption.atMs, { zone }));
    cellInterruptions[cell] = (cellInterruptions[cell] ?? 0) + 1;
  }

  let finished = 0;
  let abandoned = 0;
  for (const session of input.sessions) {
    if (session.endedAtMs === null || session.endedAtMs < rangeStart || session.endedAtMs >= rangeEnd) continue;
    if (session.status === 'done') finished += 1;
    if (session.status === 'abandoned') abandoned += 1;
  }

  const days = Array.from({ length: dayCount }, (_, index) => {
    const date = addDays(from, index);
    return { date, focusedSeconds: Math.floor((dayMs.get(date) ?? 0) / 1000) };
  });
  // The total is the days' sum, so that the figures shown side by side add up.
  const focused = days.reduce((sum, day) => sum + day.focusedSeconds, 0);

  const heatmap: FocusHeatCell[] = [];
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, ms: 0, interruptions: 0 }));
  weekdays.forEach((weekday, day) => {
    for (let hour = 0; hour < 24; hour++) {
      const ms = cellMs[day * 24 + hour] ?? 0;
      const count = cellInterruptions[day * 24 + hour] ?? 0;
      const seconds = Math.floor(ms / 1000);
      heatmap.push({
        weekday,
        hour,
        focusedSeconds: seconds,
        interruptions: count,
        interruptionsPerHour: rate(count, seconds),
      });
      const total = hours[hour];
      if (total !== undefined) {
        total.ms += ms;
        total.interruptions += count;
      }
    }
  });

  const bestHours = hours
    .map(({ hour, ms, interruptions }) => {
      const seconds = Math.floor(ms / 1000);
      return { hour, focusedSeconds: seconds, interruptions, interruptionsPerHour: rate(interruptions, seconds) ?? 0 };
    })
    .filter((hour) => hour.focusedSeconds >= BEST_HOUR_MIN_SECONDS)
    .sort(
      (a, b) =>
        a.interruptionsPerHour - b.interruptionsPerHour || b.focusedSeconds - a.focusedSeconds || a.hour - b.hour,
    )
    .slice(0, BEST_HOURS);

  return {
    from,
    to,
    timeZone: zone,
    days,
    focusedSeconds: focused,
    sessions: { finished, abandoned },
    interruptions: {
      internal,
      external,
      total: internal + external,
      perFocusHour: {
        internal: rate(internal, focused),
        external: rate(external, focused),
        total: rate(internal + external, focused),
      },
    },
    heatmap,
    bestHours,
  };
}
