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
  const [timer, entries, review, names, recent] = await Promise.all([
    trackingApi.timer(),
    trackingApi.entries(from, to, filter),
    trackingApi.review(from, to),
    trackingApi.activityNames(),
    // The last week's entries, whatever day is shown: the latest of them can be continued.
    trackingApi.entries(addDays(today, -6), today),
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
    names: names.names,
    recent,
  };
}

/** One entry and the zone its times are shown in. */
export async function entryEditLoader({ params }: LoaderFunctionArgs) {
  if (params.id === undefined) throw new Error('This page needs an entry id in its path.');
  const [workspace, entry, names] = await Promise.all([
    trackingApi.workspace(),
    trackingApi.entry(params.id),
    trackingApi.activityNames(),
  ]);
  return { entry, timeZone: workspace.timeZone, names: names.names };
}

/** The outcomes dated in the days asked (`?from=2026-03-01&to=2026-03-31`), this month by default. */
export async function outcomesLoader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const workspace = await trackingApi.workspace();
  const today = dateInZone(new Date(), workspace.timeZone);
  const from = dateParam(search, 'from') ?? startOfMonth(today);
  const to = dateParam(search, 'to') ?? addDays(addMonths(startOfMonth(today), 1), -1);
  const [outcomes, names] = await Promise.all([trackingApi.outcomes(from, to), trackingApi.activityNames()]);
  return { today, from, to, outcomes, names: names.names };
}

/** The workspace's zone: a file's wall-clock times are read in it unless the user names another. */
export async function importLoader() {
  const workspace = await trackingApi.workspace();
  return { timeZone: workspace.timeZone };
}
