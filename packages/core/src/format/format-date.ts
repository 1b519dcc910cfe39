import type { CalendarDate } from '../time/calendar-date.js';
import type { Locale } from './format-number.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

// Calendar dates carry no zone: read and written in UTC, they never shift by a day.
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

const asInstant = (date: CalendarDate) => new Date(`${date}T00:00:00Z`);

/**
 * A calendar date as the locale writes it: the one date format of the interface.
 *
 * @example formatDate('2026-03-02', 'en-US') // 'Mar 2, 2026'
 * @example formatDate('2026-03-02', 'en-GB') // '2 Mar 2026'
 */
export function formatDate(date: CalendarDate, locale?: Locale): string {
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(asInstant(date));
}

/**
 * A day within the year shown, with its weekday, for headings: `Mon, Mar 2`.
 *
 * @example formatDay('2026-03-02', 'en-GB') // 'Mon 2 Mar'
 */
export function formatDay(date: CalendarDate, locale?: Locale): string {
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(asInstant(date));
}

/**
 * A day without its year, for chart axes: `Mar 2`.
 *
 * @example formatShortDate('2026-03-02', 'de') // '2. März'
 */
export function formatShortDate(date: CalendarDate, locale?: Locale): string {
  return dateFormat(locale, { day: 'numeric', month: 'short' }).format(asInstant(date));
}

/**
 * An hour of the day as the locale writes a clock time: `09:00`, `9:00 AM`.
 *
 * @example formatHourOfDay(9, 'en-GB') // '09:00'
 */
export function formatHourOfDay(hour: number, locale?: Locale): string {
  const instant = new Date(Date.UTC(1970, 0, 1, Math.min(23, Math.max(0, Math.floor(hour)))));
  return dateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(instant);
}
