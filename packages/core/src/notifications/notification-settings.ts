import { dateInZone, type CalendarDate } from '../time/calendar-date.js';
import { minutesOfDay } from '../time/clock-time.js';
import { instantToWallClock, wallClockToInstant } from '../time/zoned-time.js';

/** Quiet hours on the workspace's clocks: `20:00` to `08:00` runs across midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

/**
 * What may interrupt the user: nothing by default. One daily digest at a time of day, and quiet
 * hours during which nothing is shown, the digest included (it waits for them to end).
 */
export interface NotificationSettings {
  /** "HH:MM" on the workspace's clocks; null for no digest. */
  digestTime: string | null;
  quietHours: QuietHours | null;
}

/** Quiet by default: no digest, no quiet hours needed. */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { digestTime: null, quietHours: null };

/**
 * Whether an instant falls in the quiet hours, read on the clocks of `zone`: from the start
 * included to the end left out; a span whose end is before its start runs across midnight.
 *
 * @example isQuietAt({ start: '20:00', end: '08:00' }, Date.parse('2026-03-02T23:30Z'), 'UTC') // true
 * @example isQuietAt({ start: '20:00', end: '08:00' }, Date.parse('2026-03-02T08:00Z'), 'UTC') // false
 */
export function isQuietAt(quiet: QuietHours | null, instantMs: number, zone: string): boolean {
  if (quiet === null) return false;
  const wall = instantToWallClock(instantMs, zone);
  const now = wall.hour * 60 + wall.minute;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The instant of a day's digest on the clocks of `zone`; null without a digest. A time that the
 * clocks skip (02:30 on the day they go forward) moves forward by the gap; one they show twice
 * comes at one of the two (it is shown once a day all the same).
 *
 * @example digestInstant('08:30', '2026-03-29', 'Europe/Paris') // Date.parse('2026-03-29T06:30Z')
 */
export function digestInstant(digestTime: string | null, date: CalendarDate, zone: string): number | null {
  if (digestTime === null) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const minutes = minutesOfDay(digestTime);
  return wallClockToInstant(
    { year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 },
    zone,
  );
}

/** Whether the digest is to be shown now, and why not when it is not. */
export interface DigestDue {
  due: boolean;
  /** The day the digest is about: today on the workspace's clocks. */
  date: CalendarDate;
  /** When today's digest falls; null without a digest. */
  atMs: number | null;
  quiet: boolean;
  reason: 'off' | 'not-yet' | 'quiet' | 'shown' | 'due';
}

/**
 * Whether the digest is due at `nowMs`: its time has come today on the workspace's clocks, it has
 * not been shown today (`shownOn`, the last day it was), and the quiet hours are not on. A digest
 * that falls in the quiet hours waits for them to end; one missed all day is not shown the next.
 *
 * @example digestDue({ digestTime: '08:30', quietHours: null }, 'UTC', Date.parse('2026-03-02T09:00Z'), null).due // true
 * @example digestDue({ digestTime: '08:30', quietHours: null }, 'UTC', Date.parse('2026-03-02T09:00Z'), '2026-03-02').reason // 'shown'
 */
export function digestDue(
  settings: NotificationSettings,
  zone: string,
  nowMs: number,
  shownOn: CalendarDate | null,
): DigestDue {
  const date = dateInZone(new Date(nowMs), zone);
  const atMs = digestInstant(settings.digestTime, date, zone);
  const quiet = isQuietAt(settings.quietHours, nowMs, zone);
  const reason =
    atMs === null
      ? 'off'
      : shownOn !== null && shownOn >= date
        ? 'shown'
        : nowMs < atMs
          ? 'not-yet'
          : quiet
            ? 'quiet'
            : 'due';
  return { due: reason === 'due', date, atMs, quiet, reason };
}

/**
 * Settings as `bigrock notify get` writes them: "digest 08:30, quiet 20:00-08:00", or "off".
 *
 * @example describeNotifications(DEFAULT_NOTIFICATION_SETTINGS) // 'no digest, no quiet hours'
 */
export function describeNotifications(settings: NotificationSettings): string {
  const digest = settings.digestTime === null ? 'no digest' : `a digest at ${settings.digestTime}`;
  const quiet =
    settings.quietHours === null
      ? 'no quiet hours'
      : `quiet hours ${settings.quietHours.start}-${settings.quietHours.end}`;
  return `${digest}, ${quiet}`;
}
