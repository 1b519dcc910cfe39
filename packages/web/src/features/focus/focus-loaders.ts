import { addDays, dateInZone } from '@bigrock/core';

import { trackingApi } from '../tracking/tracking-api';
import { focusApi } from './focus-api';

/** The days the page's statistics cover: the last four weeks, today included. */
export const STATS_DAYS = 28;

/** The open session (or what to start one on), the activity names, and the last four weeks' statistics. */
export async function focusLoader() {
  const workspace = await trackingApi.workspace();
  const today = dateInZone(new Date(), workspace.timeZone);
  const [current, names, stats] = await Promise.all([
    focusApi.current(),
    trackingApi.activityNames(),
    focusApi.stats(addDays(today, -(STATS_DAYS - 1)), today),
  ]);
  return { current, names: names.names, stats, timeZone: workspace.timeZone };
}

export type FocusData = Awaited<ReturnType<typeof focusLoader>>;
