import { addDays, dateInZone, isCalendarDate, startOfIsoWeek } from '@bigrock/core';
import type { LoaderFunctionArgs } from 'react-router-dom';

import { trackingApi } from './tracking-api';

export type TrackingView = 'day' | 'week';

/** The day or the week the page shows (`?view=week&date=2026-03-02`), today by default, in the workspace zone. */
export async function trackingLoader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const view: TrackingView = search.get('view') === 'week' ? 'week' : 'day';
  const workspace = await trackingApi.workspace();
  const today = dateInZone(new Date(), workspace.timeZone);
  const asked = search.get('date') ?? '';
  const date = isCalendarDate(asked) ? asked : today;
  const from = view === 'week' ? startOfIsoWeek(date) : date;
  const to = view === 'week' ? addDays(from, 6) : date;
  const [timer, entries, days, review] = await Promise.all([
    trackingApi.timer(),
    trackingApi.entries(from, to),
    trackingApi.summary(from, to, 'day'),
    trackingApi.review(from, to),
  ]);
  return { view, date, today, from, to, timeZone: workspace.timeZone, running: timer.running, entries, days, review };
}
