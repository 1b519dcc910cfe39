import { formatCount, type ActivityClass, type RatePeriod, type StreakUnit } from '@bigrock/core';

import { formatQuantity } from '../../shared/format';

export const activityClassLabels: Record<ActivityClass, string> = {
  income: 'Income-producing',
  supporting: 'Supporting',
  waste: 'Waste',
};

export const ratePeriodLabels: Record<RatePeriod, string> = {
  day: 'a working day',
  week: 'a week',
  month: 'a month',
  'times-a-week': 'days a week, any days',
};

const streakUnitLabels: Record<StreakUnit, [one: string, many: string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
};

/** `3 weeks`, `1 day` */
export function formatStreak(count: number, unit: StreakUnit): string {
  const [one, many] = streakUnitLabels[unit];
  return formatCount(count, one, many);
}

/**
 * What is wrong with a count typed for an activity, in the words of that activity's unit; the
 * server's own message names no unit of yours.
 */
export function countProblem(count: number, unit: string): string | undefined {
  return count > 0 ? undefined : `Give a count of ${unit} above 0.`;
}

/** `10 calls a working day`, `3 days a week, any days`, or `No target yet` */
export function formatRate(activity: { rate: number | null; ratePeriod: RatePeriod | null; unit: string }): string {
  if (activity.rate === null || activity.ratePeriod === null) return 'No target yet';
  if (activity.ratePeriod === 'times-a-week') return `${formatQuantity(activity.rate, 'days')} a week, any days`;
  return `${formatQuantity(activity.rate, activity.unit)} ${ratePeriodLabels[activity.ratePeriod]}`;
}
