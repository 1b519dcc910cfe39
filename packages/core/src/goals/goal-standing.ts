import type { DataPoint, Goal } from './goal.js';
import type { GoalCheck } from './goal-check.js';
import type { Pace, PaceSeriesPoint } from './goal-pace.js';

/** A goal with where it stands: what the dashboard shows for each goal (GET /api/v1/goals). */
export interface GoalStanding {
  goal: Goal;
  pace: Pace | null;
  check: GoalCheck;
  series: PaceSeriesPoint[];
}

/** One goal in full (GET /api/v1/goals/:id). */
export interface GoalDetail extends GoalStanding {
  dataPoints: DataPoint[];
}
