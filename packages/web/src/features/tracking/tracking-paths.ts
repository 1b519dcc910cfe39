import type { CalendarDate } from '@bigrock/core';

export type TrackingView = 'day' | 'week';

/** The Tracking page on a day, or on the week around it. */
export const trackingPath = (view: TrackingView, date: CalendarDate) => `/tracking?view=${view}&date=${date}`;

/** The page that edits and splits one time entry. */
export const entryEditPath = (id: string) => `/tracking/entries/${encodeURIComponent(id)}`;
