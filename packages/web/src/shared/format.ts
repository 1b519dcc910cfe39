import { dateInZone, type CalendarDate } from '@bigrock/core';

// The interface is written in English, so numbers and dates read the English way too.
const LOCALE = 'en';

const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const signedFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
// Calendar dates carry no zone; read and written in UTC, they never shift by a day.
const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });

const asInstant = (date: CalendarDate) => new Date(`${date}T00:00:00Z`);

export const formatNumber = (value: number) => numberFormat.format(value);

/** `+2`, `-1.5`, `0`: for deltas, where the sign is the news. */
export const formatSigned = (value: number) => signedFormat.format(value);

/** `Mar 26, 2026` */
export const formatDate = (date: CalendarDate) => dateFormat.format(asInstant(date));

/** `Mar 26`, for chart axes. */
export const formatShortDate = (date: CalendarDate) => shortDateFormat.format(asInstant(date));

/** `1 day`, `3 days` */
export const formatDays = (days: number) => `${formatNumber(Math.abs(days))} ${Math.abs(days) === 1 ? 'day' : 'days'}`;

/** `12 recruits`, or just `12` for a goal without a unit. */
export const formatQuantity = (value: number, unit: string | null) =>
  unit === null ? formatNumber(value) : `${formatNumber(value)} ${unit}`;

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Today in the browser's time zone: the day the person in front of the screen is living. */
export function localToday(): CalendarDate {
  return dateInZone(new Date(), localZone());
}

/** The day an instant (`2026-03-01T23:30:00Z`) fell on where the reader is. */
export const formatInstantDate = (instant: string) => formatDate(dateInZone(new Date(instant), localZone()));
