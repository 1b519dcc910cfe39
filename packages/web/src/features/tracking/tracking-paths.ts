import { dateInZone, type CalendarDate, type ImportResult } from '@bigrock/core';

export type TrackingView = 'day' | 'week';

/** The Tracking page on a day, or on the week around it. */
export const trackingPath = (view: TrackingView, date: CalendarDate) => `/tracking?view=${view}&date=${date}`;

/** The page that edits and splits one time entry. */
export const entryEditPath = (id: string) => `/tracking/entries/${encodeURIComponent(id)}`;

/**
 * The Tracking page on what an import brought, in the workspace's zone: its day, or the week of its
 * first day when it spans more than one; today's page when it brought nothing.
 */
export function importedEntriesPath(span: ImportResult['span'], timeZone: string): string {
  if (span === null) return '/tracking';
  const startMs = Date.parse(span.start);
  const first = dateInZone(new Date(startMs), timeZone);
  // An end at midnight closes the day before.
  const last = dateInZone(new Date(Math.max(startMs, Date.parse(span.end) - 1)), timeZone);
  return trackingPath(first === last ? 'day' : 'week', first);
}
