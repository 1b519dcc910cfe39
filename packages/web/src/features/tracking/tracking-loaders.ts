import {
  addDays,
  addMonths,
  dateInZone,
  isCalendarDate,
  startOfIsoWeek,
  startOfMonth,
  type CalendarDate,
} from '@bigrock/core';
import type { LoaderFunctionArgs } from 'react-router-dom';

import { trackingApi } from './tracking-api';
import { filterOfSearch, type TrackingView } from './tracking-paths';

/** A `YYYY-MM-DD` of the query, or null when it is missing or not a date. */
function dateParam(search: URLSearchParams, name: string): CalendarDate | null {
  const value = search.get(name) ?? '';
  return isCalendarDate(value) ? value : null;
}

/** The day or the week the page shows (`?view=week&date=2026-03-02`), today by default, in the workspace zone. */
export async function trackingLoader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const view: TrackingView = search.get('view') === 'week' ? 'week' : 'day';
  const workspace = await trackingApi.workspace();
  const today = dateInZone(new Date(), workspace.timeZone);
  const date = dateParam(search, 'date') ?? today;
  const from = view === 'week' ? startOfIsoWeek(date) : date;
  const to = view === 'week' ? addDays(from, 6) : date;
  // The list (and its totals) and the exports keep the entries of the filter; the review inbox looks at all.
  const filter = filterOfSearch(search);
  const [timer, entries, review] = await Promise.all([
    trackingApi.timer(),
    trackingApi.entries(from, to, filter),
    trackingApi.review(from, to),
  ]);
  return {
    view,
    date,
    today,
    from,
    to,
    filter,
    timeZone: workspace.timeZone,
    running: timer.running,
    entries,
    review,
  };
}

/** One entry and the zone its times are shown in. */
export async function entryEditLoader({ params }: LoaderFunctionArgs) {
  if (params.id === undefined) throw new Error('This page needs an entry id in its path.');
  const [workspace, entry] = await Promise.all([trackingApi.workspace(), trackingApi.entry(params.id)]);
  return { entry, timeZone: workspace.timeZone };
}

/** The outcomes dated in the days asked (`?from=2026-03-01&to=2026-03-31`), this month by default. */
export async function outcomesLoader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const workspace = await trackingApi.workspace();
  const today = dateInZone(new Date(), workspace.timeZone);
  const from = dateParam(search, 'from') ?? startOfMonth(today);
  const to = dateParam(search, 'to') ?? addDays(addMonths(startOfMonth(today), 1), -1);
  return { today, from, to, outcomes: await trackingApi.outcomes(from, to) };
}

/** The workspace's zone: a file's wall-clock times are read in it unless the user names another. */
export async function importLoader() {
  const workspace = await trackingApi.workspace();
  return { timeZone: workspace.timeZone };
}
