import {
  dateInZone,
  formatCount,
  formatDate as formatDateIn,
  formatDelta as formatDeltaIn,
  formatNumber as formatNumberIn,
  formatPercent as formatPercentIn,
  formatQuantity as formatQuantityIn,
  formatShortDate as formatShortDateIn,
  formatSigned as formatSignedIn,
  type CalendarDate,
} from '@bigrock/core';

// Figures and dates are written for the reader's locale: the browser's language, which Intl takes
// when given none. The formatting itself is core's, shared with the CLI and the server's texts.
const LOCALE = undefined;

/** `1,500.5` in English, `1.500,5` in German. */
export const formatNumber = (value: number, digits = 2) => formatNumberIn(value, digits, LOCALE);

/** `6.4%` in English, `6,4 %` in French: a share (0.064) as a percentage. */
export const formatPercent = (rate: number) => formatPercentIn(rate, LOCALE);

/** `+2`, `-1.5`, `0`: for deltas, where the sign is the news. */
export const formatSigned = (value: number, digits = 2) => formatSignedIn(value, digits, LOCALE);

/** `+2 calls`, `-1.5 h`, `+1 recruit`: a change with its unit. */
export const formatDelta = (value: number, unit: string | null, digits = 2) =>
  formatDeltaIn(value, unit, digits, LOCALE);

/** `Mar 26, 2026` in American English, `26 Mar 2026` in British. */
export const formatDate = (date: CalendarDate) => formatDateIn(date, LOCALE);

/** `Mar 26`, for chart axes. */
export const formatShortDate = (date: CalendarDate) => formatShortDateIn(date, LOCALE);

/** `1 day`, `3 days` */
export const formatDays = (days: number) => formatCount(Math.abs(days), 'day', 'days', LOCALE);

/** `12 recruits`, `1 recruit`, or just `12` for a goal without a unit. */
export const formatQuantity = (value: number, unit: string | null, digits = 2) =>
  formatQuantityIn(value, unit, digits, LOCALE);

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Today in the browser's time zone: the day the person in front of the screen is living. */
export function localToday(): CalendarDate {
  return dateInZone(new Date(), localZone());
}

/** The day an instant (`2026-03-01T23:30:00Z`) fell on where the reader is. */
export const formatInstantDate = (instant: string) => formatDate(dateInZone(new Date(instant), localZone()));

/** An instant as the reader's clock shows it: `Jan 11, 2027, 9:30 AM` in English. */
export const formatDateTime = (instant: string) =>
  new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
