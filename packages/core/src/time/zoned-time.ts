import { DateTime, IANAZone } from 'luxon';

import { AppError } from '../errors/app-error.js';
import { EARLIEST_DATE, isRealDay, isSupportedInstant, LATEST_DATE, type CalendarDate } from './calendar-date.js';

/** A wall-clock reading: what a clock on the wall of a zone shows, free of any offset. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

function zoneOrThrow(zone: string): IANAZone {
  const found = IANAZone.create(zone);
  if (!found.isValid) {
    throw new AppError('invalid-input', `"${zone}" is not a time zone; use an IANA name such as Europe/Paris.`, {
      field: 'timeZone',
    });
  }
  return found;
}

/**
 * The instant, in epoch milliseconds, at which the clocks of `zone` show `wall`. A reading that
 * falls in a daylight-saving gap moves forward by the gap; one that happens twice takes the first.
 *
 * @example wallClockToInstant({ year: 2026, month: 3, day: 9, hour: 9, minute: 0, second: 0 }, 'America/New_York')
 * // Date.parse('2026-03-09T13:00:00Z'): the day after the change, New York is UTC-4
 */
export function wallClockToInstant(wall: WallClock, zone: string): number {
  return DateTime.fromObject(wall, { zone: zoneOrThrow(zone) }).toMillis();
}

/**
 * What the clocks of `zone` show at an instant: the reverse of `wallClockToInstant`.
 *
 * @example instantToWallClock(Date.parse('2026-03-09T13:00:00Z'), 'America/New_York')
 * // { year: 2026, month: 3, day: 9, hour: 9, minute: 0, second: 0, millisecond: 0 }
 */
export function instantToWallClock(instantMs: number, zone: string): WallClock {
  const { year, month, day, hour, minute, second, millisecond } = DateTime.fromMillis(instantMs, {
    zone: zoneOrThrow(zone),
  });
  return { year, month, day, hour, minute, second, millisecond };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/** A stretch of UTC time over which a zone keeps one offset. */
interface OffsetSegment {
  start: number;
  end: number;
  offsetMs: number;
  /**
   * How close to each end a reading may be wall time that does not exist or exists twice: the
   * size of the offset change there, and an hour to spare; 0 at the edges of the year looked at.
   */
  startMarginMs: number;
  endMarginMs: number;
}

/**
 * The offsets of a zone over a year (and two days either side), found by sampling each week and
 * narrowing each change down to the second. Zones change offset at most a few times a year, and
 * never twice within a week.
 */
function offsetSegments(zone: IANAZone, year: number): OffsetSegment[] {
  const from = Date.UTC(year, 0, 1) - 2 * DAY_MS;
  const to = Date.UTC(year + 1, 0, 1) + 2 * DAY_MS;
  const offsetAt = (ms: number) => zone.offset(ms) * 60_000;
  const changes: number[] = [];
  let previous = from;
  let previousOffset = offsetAt(from);
  for (let sample = from + WEEK_MS; previous < to; sample = Math.min(sample + WEEK_MS, to)) {
    const offset = offsetAt(sample);
    if (offset !== previousOffset) {
      // The first second at the new offset lies in (previous, sample].
      let low = previous;
      let high = sample;
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (offsetAt(middle) === previousOffset) low = middle;
        else high = middle;
      }
      changes.push(high);
    }
    previous = sample;
    previousOffset = offset;
  }
  const bounds = [from, ...changes, to];
  const offsets = bounds.slice(0, -1).map(offsetAt);
  const marginAt = (index: number) =>
    index < 1 || index >= offsets.length ? 0 : Math.abs((offsets[index] ?? 0) - (offsets[index - 1] ?? 0)) + HOUR_MS;
  return offsets.map((offsetMs, index) => ({
    start: bounds[index] ?? from,
    end: bounds[index + 1] ?? to,
    offsetMs,
    startMarginMs: marginAt(index),
    endMarginMs: marginAt(index + 1),
  }));
}

/**
 * A fast converter from wall-clock readings to instants for one zone, for imports of many rows.
 * It learns the zone's offsets a year at a time and applies them with arithmetic; a reading
 * near an offset change (within the change, and an hour) goes through Luxon, so gaps and
 * repeated hours are read exactly as `wallClockToInstant` reads them.
 *
 * @example createWallClockConverter('Europe/Paris')({ year: 2026, month: 7, day: 1, hour: 12, minute: 0, second: 0 })
 * // Date.parse('2026-07-01T10:00:00Z')
 */
export function createWallClockConverter(zone: string): (wall: WallClock) => number {
  const ianaZone = zoneOrThrow(zone);
  const years = new Map<number, OffsetSegment[]>();

  return function toInstant(wall: WallClock): number {
    const asUtc = Date.UTC(
      wall.year,
      wall.month - 1,
      wall.day,
      wall.hour,
      wall.minute,
      wall.second,
      wall.millisecond ?? 0,
    );
    // A reading's own year, unless its fields run over (a 13th month); then the year it comes to.
    const year = wall.month >= 1 && wall.month <= 12 ? wall.year : new Date(asUtc).getUTCFullYear();
    let segments = years.get(year);
    if (segments === undefined) {
      segments = offsetSegments(ianaZone, year);
      years.set(year, segments);
    }
    for (const segment of segments) {
      const instant = asUtc - segment.offsetMs;
      if (instant < segment.start || instant >= segment.end) continue;
      const nearChange = instant - segment.start < segment.startMarginMs || segment.end - instant < segment.endMarginMs;
      if (!nearChange) return instant;
      break;
    }
    return DateTime.fromObject(wall, { zone: ianaZone }).toMillis();
  };
}

/**
 * The first instant (epoch ms) of a calendar day in a zone. Days are calendar days: the day of a
 * daylight-saving change lasts 23 or 25 hours, and the next day starts where Luxon says.
 *
 * @example startOfDayInZone('2026-03-08', 'America/New_York') // Date.parse('2026-03-08T05:00:00Z')
 */
export function startOfDayInZone(date: CalendarDate, zone: string): number {
  const start = DateTime.fromISO(date, { zone: zoneOrThrow(zone) }).startOf('day');
  if (!start.isValid) {
    throw new AppError('invalid-input', `"${date}" is not a date written YYYY-MM-DD.`, { field: 'date' });
  }
  return start.toMillis();
}

/**
 * The instants covered by the calendar days `from` to `to`, both included, in a zone: from the
 * start of `from` to the start of the day after `to`. Either end may be left open (null).
 *
 * @example dateRangeInZone('2026-03-01', '2026-03-31', 'UTC') // { startMs: Date.parse('2026-03-01T00:00Z'), endMs: Date.parse('2026-04-01T00:00Z') }
 */
export function dateRangeInZone(
  from: CalendarDate | null | undefined,
  to: CalendarDate | null | undefined,
  zone: string,
): { startMs: number | null; endMs: number | null } {
  const startMs = from ? startOfDayInZone(from, zone) : null;
  const endMs = to
    ? DateTime.fromISO(to, { zone: zoneOrThrow(zone) })
        .startOf('day')
        .plus({ days: 1 })
        .toMillis()
    : null;
  if (startMs !== null && endMs !== null && endMs <= startMs) {
    throw new AppError('invalid-input', `to: choose a day on or after ${from ?? ''}.`, { field: 'to' });
  }
  return { startMs, endMs };
}

const offsetPattern = /(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/i;
const localPattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?$/;
const timeOnlyPattern = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** The offsets clocks use: from UTC−12:00 (Baker Island) to UTC+14:00 (Kiribati). */
const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

const INSTANT_FORMS =
  'write 2026-03-02 09:30 (your time zone) or ISO 8601 with an offset, such as 2026-03-02T09:30+01:00';

/**
 * What is wrong with an instant as typed, before any time zone is applied; null when nothing is.
 * The same check as `readInstantInput`, for input schemas, which know no zone.
 *
 * @example instantInputProblem('2026-03-02T09:30+25:00') // 'has the offset +25:00; clocks use offsets from -12:00 to +14:00'
 */
export function instantInputProblem(text: string): string | null {
  const result = readInstantInput(text, 'UTC', new Date(Date.UTC(2026, 0, 1)));
  // A time typed on the workspace's clocks is checked in its zone, where the edges of the range may
  // fall a day either side; here only what is wrong in any zone counts.
  return 'problem' in result && !result.zoneDependent ? result.problem : null;
}

/**
 * Reads an instant the way a person types it: ISO 8601 with `Z` or an offset is taken as is;
 * `YYYY-MM-DD HH:mm[:ss]` or `YYYY-MM-DDTHH:mm` is read on the clocks of `zone`; a bare `HH:mm`
 * is that time today in `zone`; a bare date is its midnight. The date must be real, the offset one
 * that clocks use, and the instant within 1900 to 2999; otherwise the problem, in words that follow
 * the field's name.
 *
 * @example readInstantInput('2026-03-09 09:00', 'America/New_York', new Date()) // { instantMs: Date.parse('2026-03-09T13:00:00Z') }
 * @example readInstantInput('2026-02-30 09:00', 'UTC', new Date()) // { problem: '"2026-02-30 09:00" is not a date and time: 2026-02-30 is not a day of the calendar' }
 */
export function readInstantInput(
  text: string,
  zone: string,
  now: Date,
): { instantMs: number } | { problem: string; zoneDependent?: boolean } {
  const value = text.trim();
  const ianaZone = zoneOrThrow(zone);
  const shown = `"${value.slice(0, 40)}"`;
  const notADay = (date: string) => ({
    problem: `${shown} is not a date and time: ${date} is not a day of the calendar`,
  });
  const inRange = (instantMs: number, zoneDependent: boolean) =>
    isSupportedInstant(instantMs)
      ? { instantMs }
      : { problem: `${shown} must fall from ${EARLIEST_DATE} to ${LATEST_DATE}`, zoneDependent };

  const offset = offsetPattern.exec(value);
  if (offset && /^\d{4}-\d{2}-\d{2}[T ]/i.test(value)) {
    if (!isRealDay(value.slice(0, 10))) return notADay(value.slice(0, 10));
    const [, sign, hours, minutes] = offset;
    if (sign !== undefined) {
      const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
      if (Number(minutes ?? 0) > 59 || offsetMinutes < MIN_OFFSET_MINUTES || offsetMinutes > MAX_OFFSET_MINUTES)
        return {
          problem: `${shown} has the offset ${offset[0]}; clocks use offsets from -12:00 to +14:00`,
        };
    }
    const instant = DateTime.fromISO(value.replace(' ', 'T'), { setZone: true });
    if (!instant.isValid) return { problem: `${shown} is not a date and time; ${INSTANT_FORMS}` };
    return inRange(instant.toMillis(), false);
  }
  const local = localPattern.exec(value);
  if (local) {
    const date = local[1] ?? '';
    if (!isRealDay(date)) return notADay(date);
    const instant = DateTime.fromISO(`${date}T${local[2] ?? '00:00'}`, { zone: ianaZone });
    if (!instant.isValid || instant.toISODate() === null)
      return { problem: `${shown} is not a date and time; ${INSTANT_FORMS}` };
    return inRange(instant.toMillis(), true);
  }
  const time = timeOnlyPattern.exec(value);
  if (time) {
    const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (hour > 23 || minute > 59 || second > 59)
      return { problem: `${shown} is not a time of day; write 09:30 or 17:05` };
    return {
      instantMs: DateTime.fromJSDate(now, { zone: ianaZone }).set({ hour, minute, second, millisecond: 0 }).toMillis(),
    };
  }
  return { problem: `${shown} is not a date and time; ${INSTANT_FORMS}` };
}

/**
 * `readInstantInput`, or null when the text is not an instant.
 *
 * @example parseInstantInput('2026-03-09 09:00', 'America/New_York', new Date()) // Date.parse('2026-03-09T13:00:00Z')
 */
export function parseInstantInput(text: string, zone: string, now: Date): number | null {
  const result = readInstantInput(text, zone, now);
  return 'instantMs' in result ? result.instantMs : null;
}

/**
 * The wall-clock reading of an instant in a zone, written `YYYY-MM-DD HH:mm:ss`: what a
 * spreadsheet shows.
 *
 * @example localDateTime(Date.parse('2026-03-09T13:00:00Z'), 'America/New_York') // '2026-03-09 09:00:00'
 */
export function localDateTime(instantMs: number, zone: string): string {
  return DateTime.fromMillis(instantMs, { zone: zoneOrThrow(zone) }).toFormat('yyyy-MM-dd HH:mm:ss');
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * A fast `localDateTime` for one zone, for exports of many entries: the zone's offsets, learnt a
 * year at a time, are applied with arithmetic instead of a call to Intl for every instant. An
 * instant has exactly one reading, so no instant needs Luxon's care the other way needs.
 *
 * @example createLocalDateTimeFormatter('America/New_York')(Date.parse('2026-03-09T13:00:00Z')) // '2026-03-09 09:00:00'
 */
export function createLocalDateTimeFormatter(zone: string): (instantMs: number) => string {
  const ianaZone = zoneOrThrow(zone);
  const years = new Map<number, OffsetSegment[]>();

  return function formatLocal(instantMs: number): string {
    const year = new Date(instantMs).getUTCFullYear();
    let segments = years.get(year);
    if (segments === undefined) {
      segments = offsetSegments(ianaZone, year);
      years.set(year, segments);
    }
    const segment = segments.find(({ start, end }) => instantMs >= start && instantMs < end);
    const local = new Date(instantMs + (segment?.offsetMs ?? ianaZone.offset(instantMs) * 60_000));
    return (
      `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
      `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
    );
  };
}

/** An instant in epoch ms, written as ISO 8601 in UTC: `2026-03-09T13:00:00.000Z`. */
export function isoInstant(instantMs: number): string {
  return new Date(instantMs).toISOString();
}

/** The offset a zone keeps from an instant on, and the instant it changes (or the lookup's edge). */
export interface OffsetStretch {
  offsetMs: number;
  /** The first instant no longer known to have this offset: look again from there. */
  untilMs: number;
}

/**
 * A fast offset lookup for one zone, for splitting many entries into local hours: the zone's
 * offsets are learnt a year at a time, as `createLocalDateTimeFormatter` does.
 *
 * @example createZoneOffsets('Europe/Paris')(Date.parse('2026-07-01T10:00:00Z')).offsetMs // 7_200_000
 */
export function createZoneOffsets(zone: string): (instantMs: number) => OffsetStretch {
  const ianaZone = zoneOrThrow(zone);
  const years = new Map<number, OffsetSegment[]>();
  return function offsetAt(instantMs: number): OffsetStretch {
    const year = new Date(instantMs).getUTCFullYear();
    let segments = years.get(year);
    if (segments === undefined) {
      segments = offsetSegments(ianaZone, year);
      years.set(year, segments);
    }
    for (const segment of segments) {
      if (instantMs >= segment.start && instantMs < segment.end)
        return { offsetMs: segment.offsetMs, untilMs: segment.end };
    }
    // Outside the year looked at (cannot happen for a year's own instants): one second at a time.
    return { offsetMs: ianaZone.offset(instantMs) * 60_000, untilMs: instantMs + 1000 };
  };
}
