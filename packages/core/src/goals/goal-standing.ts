import type { DataPoint, Goal } from './goal.js';
import type { GoalCheck } from './goal-check.js';
import type { Pace, PaceSeriesPoint } from './goal-pace.js';

/** What feeds a goal that reads its numbers from elsewhere, for a page or the CLI to name and link. */
export interface GoalFeed {
  /** In words: `describeGoalSource`. */
  description: string;
  /** The name of the activity an `activity` source reads; null when it no longer exists or for other kinds. */
  activityName: string | null;
}

/** A goal with where it stands: what the dashboard shows for each goal (GET /api/v1/goals). */
export interface GoalStanding {
  goal: Goal;
  pace: Pace | null;
  check: GoalCheck;
  series: PaceSeriesPoint[];
  /** Null for a goal fed by its own data points. */
  fedBy: GoalFeed | null;
}

/** One goal in full (GET /api/v1/goals/:id). */
export interface GoalDetail extends GoalStanding {
  dataPoints: DataPoint[];
}
