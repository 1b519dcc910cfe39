import type { CalendarDate } from '../time/calendar-date.js';

/** One stage of a stored funnel: an activity, and the share of the stage before that becomes one. */
export interface FunnelStage {
  activityId: string;
  /** The activity's name, as the stage is shown and solved. */
  activity: string;
  unit: string;
  minutesPerUnit: number | null;
  /** The user's guess of the conversion from the stage before; null for the first stage. */
  conversionGuess: number | null;
}

/**
 * A funnel: stages from the top-of-funnel activity to the outcome. The target, dates and hours
 * come from the funnel itself, or from its goal where the funnel leaves them empty.
 */
export interface Funnel {
  id: string;
  workspaceId: string;
  name: string;
  goalId: string | null;
  target: number | null;
  unit: string | null;
  /** Money one unit of the last stage brings; when set, the target is that money. */
  valuePerUnit: number | null;
  startDate: CalendarDate | null;
  deadline: CalendarDate | null;
  hoursPerWeek: number | null;
  workdaysPerWeek: number | null;
  stages: FunnelStage[];
  createdAt: string;
  updatedAt: string;
}
