import { dateInZone, type CalendarDate, type EntryFilter, type ImportResult } from '@bigrock/core';

export type TrackingView = 'day' | 'week';

/**
 * The filter as query parameters (`&client=Acme&billable=true`), or '' for none: the same names
 * in the page's address, the API's list and the export links.
 */
export function filterQuery(filter: EntryFilter): string {
  const search = new URLSearchParams();
  if (filter.client !== undefined) search.set('client', filter.client);
  if (filter.project !== undefined) search.set('project', filter.project);
  if (filter.billable !== undefined) search.set('billable', String(filter.billable));
  const text = search.toString();
  return text === '' ? '' : `&${text}`;
}

/** The filter an address gives; names that are empty or not true/false are no filter. */
export function filterOfSearch(search: URLSearchParams): EntryFilter {
  const filter: EntryFilter = {};
  const client = search.get('client')?.trim() ?? '';
  const project = search.get('project')?.trim() ?? '';
  const billable = search.get('billable');
  if (client !== '') filter.client = client;
  if (project !== '') filter.project = project;
  if (billable === 'true' || billable === 'false') filter.billable = billable === 'true';
  return filter;
}

/** The Tracking page on a day, or on the week around it, its entries filtered or not. */
export const trackingPath = (view: TrackingView, date: CalendarDate, filter: EntryFilter = {}) =>
  `/tracking?view=${view}&date=${date}${filterQuery(filter)}`;

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
