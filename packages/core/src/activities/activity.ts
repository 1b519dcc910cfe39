import type { Weekday } from '../goals/goal.js';
import type { CalendarDate } from '../time/calendar-date.js';

/**
 * What an activity does for the business (seeds 001, 002, 004): income-producing activities come
 * first, supporting ones make them possible, waste is time that only looks like work.
 */
export const activityClasses = ['income', 'supporting', 'waste'] as const;
export type ActivityClass = (typeof activityClasses)[number];

/**
 * How a target rate is counted: so many a working day, a week or a month, or "N times a week,
 * any day" (a habit such as the gym three times a week: N different days, whichever they are).
 */
export const ratePeriods = ['day', 'week', 'month', 'times-a-week'] as const;
export type RatePeriod = (typeof ratePeriods)[number];

/** The working days of an activity when none are given. */
export const DEFAULT_WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** 52 weeks in 12 months: a month of activity counts as 52 ÷ 12 ≈ 4.33 weeks. */
export const WEEKS_PER_MONTH = 52 / 12;

/** A lead activity: the daily work that moves a goal, with the rate it should be done at. */
export interface Activity {
  id: string;
  workspaceId: string;
  /** Unique in the workspace; the CLI and the time entries of tracking refer to it by name. */
  name: string;
  /** What one unit is: "calls", "appointments". */
  unit: string;
  /** The target rate: `rate` units per `ratePeriod`; both null when the activity has no target yet. */
  rate: number | null;
  ratePeriod: RatePeriod | null;
  /** Minutes one unit takes, for the hours the plan needs. */
  minutesPerUnit: number | null;
  workdays: Weekday[];
  activityClass: ActivityClass;
  /** The goals this activity serves. */
  goalIds: string[];
  /** The day the pace line starts. */
  startDate: CalendarDate;
  createdAt: string;
  updatedAt: string;
}

/** A count logged against an activity: "8 calls" on a day. */
export interface ActivityLog {
  id: string;
  activityId: string;
  date: CalendarDate;
  count: number;
  note: string | null;
  createdAt: string;
}

/** A planned break, first and last day included: the pace line waits instead of running away. */
export interface ActivityBreak {
  id: string;
  activityId: string;
  start: CalendarDate;
  end: CalendarDate;
  note: string | null;
  createdAt: string;
}

export type ActivityRate = Pick<Activity, 'rate' | 'ratePeriod' | 'workdays'>;

/**
 * Units a week that the target rate asks for.
 *
 * @example weeklyUnits({ rate: 10, ratePeriod: 'day', workdays: ['mon', 'tue', 'wed', 'thu', 'fri'] }) // 50
 */
export function weeklyUnits({ rate, ratePeriod, workdays }: ActivityRate): number {
  if (rate === null || ratePeriod === null) return 0;
  switch (ratePeriod) {
    case 'day':
      return rate * workdays.length;
    case 'week':
    case 'times-a-week':
      return rate;
    case 'month':
      return rate / WEEKS_PER_MONTH;
  }
}

/**
 * Hours a week the target rate takes: weekly units × minutes per unit ÷ 60. No minutes, no hours.
 *
 * @example activityHoursPerWeek({ rate: 10, ratePeriod: 'day', workdays: DEFAULT_WORKDAYS, minutesPerUnit: 6 }) // 5
 */
export function activityHoursPerWeek(activity: ActivityRate & Pick<Activity, 'minutesPerUnit'>): number {
  return (weeklyUnits(activity) * (activity.minutesPerUnit ?? 0)) / 60;
}

/**
 * What the goal check needs from the activities linked to a goal: how many have a target rate, and
 * the hours a week those rates take together. An activity without a rate is not a plan yet.
 *
 * @example
 * activityLoad([calls, appointments, recruits]) // { count: 3, hoursPerWeek: 9.75 }
 */
export function activityLoad(activities: ReadonlyArray<ActivityRate & Pick<Activity, 'minutesPerUnit'>>): {
  count: number;
  hoursPerWeek: number;
} {
  const planned = activities.filter(({ rate, ratePeriod }) => rate !== null && ratePeriod !== null);
  const hours = planned.reduce((total, activity) => total + activityHoursPerWeek(activity), 0);
  return { count: planned.length, hoursPerWeek: Math.round(hours * 1e6) / 1e6 };
}
