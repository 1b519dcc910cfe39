import type { Activity } from '../activities/activity.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { FunnelSolution } from './learned-conversion.js';
import type { Plan } from './plan.js';

/** A stored funnel solved (GET /api/v1/funnels/:id/solve): the plan it was solved as, and the solution. */
export interface FunnelSolveResult extends FunnelSolution {
  funnel: { id: string; name: string; goalId: string | null };
  asOf: CalendarDate;
  plan: Plan;
}

/** The solved rates made the stage activities' targets (POST /api/v1/funnels/:id/apply). */
export interface FunnelApplyResult {
  solution: FunnelSolveResult;
  activities: Activity[];
}
