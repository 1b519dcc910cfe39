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

/** What a funnel aims at, or its goal: a target in a unit by a deadline. */
export interface FunnelAim {
  target: number | null;
  unit: string | null;
  startDate: CalendarDate | null;
  deadline: CalendarDate | null;
}

/** The fields of a funnel that, left empty, follow its goal: a PATCH of these follows the goal again. */
export const FOLLOW_GOAL_FIELDS = { target: null, unit: null, startDate: null, deadline: null } as const;

/**
 * When a funnel's own target, unit, start or deadline differ from its goal's, what each aims at;
 * null when the funnel follows its goal (its own fields empty, or the same as the goal's). A
 * funnel keeps what the user set on purpose, and the funnel page says so, with a way back.
 *
 * @example
 * funnelGoalDrift({ target: 12000, unit: 'USD', startDate: null, deadline: '2026-06-01' },
 *   { target: 10000, unit: 'USD', startDate: '2026-03-01', deadline: '2026-09-01' })
 * // { funnel: { target: 12000, unit: 'USD', startDate: '2026-03-01', deadline: '2026-06-01' }, goal: { … } }
 */
export function funnelGoalDrift(funnel: FunnelAim, goal: FunnelAim): { funnel: FunnelAim; goal: FunnelAim } | null {
  const fields = ['target', 'unit', 'startDate', 'deadline'] as const;
  const differs = fields.some((field) => funnel[field] !== null && funnel[field] !== goal[field]);
  if (!differs) return null;
  return {
    funnel: {
      target: funnel.target ?? goal.target,
      unit: funnel.unit ?? goal.unit,
      startDate: funnel.startDate ?? goal.startDate,
      deadline: funnel.deadline ?? goal.deadline,
    },
    goal: { target: goal.target, unit: goal.unit, startDate: goal.startDate, deadline: goal.deadline },
  };
}
