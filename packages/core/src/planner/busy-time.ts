import type { CalendarDate } from '../time/calendar-date.js';
import { instantToWallClock } from '../time/zoned-time.js';

/** A meeting placed as a block of a day: local times on the workspace's clocks. */
export interface BusySlot {
  date: CalendarDate;
  start: string;
  end: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A span of busy time as a block: the day it starts on, from its minute (rounded down) to its end
 * (rounded up), cut at midnight when it runs into the next day, since a block is one day's. Null
 * when it lasts less than a minute of that day.
 *
 * @example busySlot(Date.parse('2026-03-02T14:00Z'), Date.parse('2026-03-02T14:45Z'), 'America/New_York')
 * // { date: '2026-03-02', start: '09:00', end: '09:45' }
 */
export function busySlot(startMs: number, endMs: number, zone: string): BusySlot | null {
  const start = instantToWallClock(startMs, zone);
  const end = instantToWallClock(endMs, zone);
  const date = `${String(start.year).padStart(4, '0')}-${pad(start.month)}-${pad(start.day)}`;
  const endDate = `${String(end.year).padStart(4, '0')}-${pad(end.month)}-${pad(end.day)}`;
  const startMinutes = start.hour * 60 + start.minute;
  const endMinutes =
    endDate > date ? 24 * 60 : end.hour * 60 + end.minute + (end.second > 0 || (end.millisecond ?? 0) > 0 ? 1 : 0);
  if (endMinutes <= startMinutes) return null;
  const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return { date, start: clock(startMinutes), end: clock(endMinutes) };
}
