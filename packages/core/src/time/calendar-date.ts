import { DateTime, IANAZone } from 'luxon';

import { AppError } from '../errors/app-error.js';

/** A calendar date written `YYYY-MM-DD`, free of any time zone. */
export type CalendarDate = string;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days Bigrock takes as real: a goal, a log or an entry outside them is a typing slip (year 0000,
 * 9999 as "never"), and date maths past them overflows what JavaScript and Luxon can carry.
 */
export const EARLIEST_DATE: CalendarDate = '1900-01-01';
export const LATEST_DATE: CalendarDate = '2999-12-31';
/** The first instant of EARLIEST_DATE and the first instant after LATEST_DATE, in UTC (epoch ms). */
export const EARLIEST_INSTANT_MS = Date.UTC(1900, 0, 1);
export const END_OF_LATEST_DATE_MS = Date.UTC(3000, 0, 1);

function parse(date: CalendarDate): DateTime {
  return DateTime.fromISO(date, { zone: 'UTC' });
}

/**
 * Whether a string written `YYYY-MM-DD` names a day of the calendar, whatever its year.
 *
 * @example isRealDay('2026-02-30') // false
 */
export function isRealDay(value: string): boolean {
  return datePattern.test(value) && parse(value).isValid;
}

/**
 * What is wrong with a calendar date, in words that follow the field's name; null when nothing is.
 *
 * @example calendarDateProblem('2026-02-30') // 'must be a date written YYYY-MM-DD, got "2026-02-30"'
 * @example calendarDateProblem('9999-12-31') // 'must be a date from 1900-01-01 to 2999-12-31, got "9999-12-31"'
 */
export function calendarDateProblem(value: string): string | null {
  if (!isRealDay(value)) return `must be a date written YYYY-MM-DD, got "${value.slice(0, 40)}"`;
  if (value < EARLIEST_DATE || value > LATEST_DATE)
    return `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}, got "${value}"`;
  return null;
}

/**
 * Whether a string is a real calendar date in the form `YYYY-MM-DD`, from 1900 to 2999.
 *
 * @example isCalendarDate('2026-02-29') // false
 */
export function isCalendarDate(value: string): value is CalendarDate {
  return calendarDateProblem(value) === null;
}

/** Throws an `invalid-input` error naming `field` unless `value` is a real date. */
export function assertCalendarDate(value: string, field: string): CalendarDate {
  const problem = calendarDateProblem(value);
  if (problem !== null) throw new AppError('invalid-input', `${field} ${problem}.`, { field });
  return value;
}

/**
 * Whether an instant (epoch ms) falls on a day from EARLIEST_DATE to LATEST_DATE, in UTC.
 *
 * @example isSupportedInstant(Date.parse('9999-12-31T00:00:00Z')) // false
 */
export function isSupportedInstant(instantMs: number): boolean {
  return Number.isFinite(instantMs) && instantMs >= EARLIEST_INSTANT_MS && instantMs < END_OF_LATEST_DATE_MS;
}

/** Whether `zone` names an IANA time zone, such as `Europe/Paris`. */
export function isTimeZone(zone: string): boolean {
  // The list of canonical names costs a tenth of what a time zone formatter costs to set up, on
  // every CLI start; aliases (US/Eastern) still go the long way.
  return supportedZones().has(zone) || IANAZone.isValidZone(zone);
}

let zones: Set<string> | undefined;
function supportedZones(): Set<string> {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);
  return zones;
}

// Calendar dates carry no zone, so their arithmetic is done in UTC, where every day is exactly
// 86,400,000 ms: the built-in Date's Gregorian calendar then gives Luxon's answers about a hundred
// times faster, which matters in the loops of pace and series (a goal's chart walks 200 dates).
// Anything that is not a plain real date from year 0000 to 9999 still goes through Luxon, so
// every answer, odd inputs included, stays Luxon's (calendar-date.test.ts compares the two).
const MS_PER_DAY = 86_400_000;
const epoch = new Date(0);

// The last date read: a chart's dates are all counted from the goal's start.
let lastRead: { date: CalendarDate; days: number | undefined } = { date: '', days: undefined };

/** Days since 1970-01-01 of a real date written `YYYY-MM-DD`; undefined for anything else. */
function dayNumber(date: CalendarDate): number | undefined {
  if (date === lastRead.date) return lastRead.days;
  const days = readDayNumber(date);
  lastRead = { date, days };
  return days;
}

function readDayNumber(date: CalendarDate): number | undefined {
  if (!datePattern.test(date)) return undefined;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1;
  const day = Number(date.slice(8, 10));
  const at = new Date(epoch);
  // setUTCFullYear, unlike Date.UTC, does not read the years 0 to 99 as 1900 to 1999.
  at.setUTCFullYear(year, month, day);
  if (at.getUTCMonth() !== month || at.getUTCDate() !== day) return undefined;
  return at.getTime() / MS_PER_DAY;
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

/** The date of a day number, or undefined outside the years 0000 to 9999 (Luxon writes those). */
function dateOfDayNumber(days: number): CalendarDate | undefined {
  const at = new Date(days * MS_PER_DAY);
  const year = at.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return undefined;
  return `${String(year).padStart(4, '0')}-${pad2(at.getUTCMonth() + 1)}-${pad2(at.getUTCDate())}`;
}

/**
 * Whole calendar days from `from` to `to`, negative when `to` comes first. Calendar days, so a
 * daylight-saving change in the user's zone never makes a day 23 or 25 hours long here.
 *
 * @example daysBetween('2026-03-01', '2026-03-31') // 30
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (start !== undefined && end !== undefined) return end - start;
  return Math.round(parse(to).diff(parse(from), 'days').days);
}

/** @example addDays('2026-02-27', 2) // '2026-03-01' */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const start = Number.isInteger(days) ? dayNumber(date) : undefined;
  const fast = start === undefined ? undefined : dateOfDayNumber(start + days);
  return fast ?? parse(date).plus({ days }).toISODate() ?? date;
}

/**
 * The calendar date that `instant` falls on in `zone`.
 *
 * @example dateInZone(new Date('2026-03-08T06:30:00Z'), 'America/New_York') // '2026-03-08'
 */
export function dateInZone(instant: Date, zone: string): CalendarDate {
  const date = DateTime.fromJSDate(instant, { zone }).toISODate();
  if (date === null) {
    throw new AppError('invalid-input', `"${zone}" is not a time zone; use an IANA name such as Europe/Paris.`, {
      field: 'timeZone',
    });
  }
  return date;
}

/** The ISO weekday of a date, 1 for Monday to 7 for Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const days = dayNumber(date);
  // 1970-01-01 was a Thursday.
  if (days !== undefined) return ((((days + 3) % 7) + 7) % 7) + 1;
  return parse(date).weekday;
}

/**
 * The Monday that starts the ISO week of a date.
 *
 * @example startOfIsoWeek('2026-01-08') // '2026-01-05'
 */
export function startOfIsoWeek(date: CalendarDate): CalendarDate {
  const days = dayNumber(date);
  const fast = days === undefined ? undefined : dateOfDayNumber(days + 1 - isoWeekday(date));
  return fast ?? parse(date).startOf('week').toISODate() ?? date;
}

/** @example startOfMonth('2026-02-17') // '2026-02-01' */
export function startOfMonth(date: CalendarDate): CalendarDate {
  return dayNumber(date) === undefined ? (parse(date).startOf('month').toISODate() ?? date) : `${date.slice(0, 8)}01`;
}

/**
 * The same day `months` months later, clamped to the end of a shorter month.
 *
 * @example addMonths('2026-01-31', 1) // '2026-02-28'
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return parse(date).plus({ months }).toISODate() ?? date;
}
