import type { ActivityPace, ActivitySeriesPoint } from './activity-pace.js';
import type { Activity, ActivityBreak, ActivityLog } from './activity.js';

/** An activity with where it stands (GET /api/v1/activities). */
export interface ActivityStanding {
  activity: Activity;
  /** Hours a week its target rate takes. */
  hoursPerWeek: number;
  pace: ActivityPace | null;
}

/** One activity in full (GET /api/v1/activities/:id). */
export interface ActivityDetail extends ActivityStanding {
  logs: ActivityLog[];
  breaks: ActivityBreak[];
  series: ActivitySeriesPoint[];
}
