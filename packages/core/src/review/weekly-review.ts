import { DateTime } from 'luxon';

import { activityHoursPerWeek, weeklyUnits, type Activity, type ActivityClass } from '../activities/activity.js';
import { activityNameKey } from '../activities/activity-name.js';
import type { LearnedConversion } from '../funnels/learned-conversion.js';
import type { GoalStanding } from '../goals/goal-standing.js';
import { sumMoney, type Money } from '../money/convert.js';
import type { HourlyValue } from '../money/hourly-value.js';
import type { MoneySettings } from '../money/money-settings.js';
import { datesOfIsoWeek, isoWeekOf, type IsoWeek } from '../planner/iso-week.js';
import { addDays, type CalendarDate } from '../time/calendar-date.js';
import { startOfDayInZone } from '../time/zoned-time.js';
import { bucketEntries, bucketSpan, type BucketEntry } from '../tracking/time-buckets.js';
import type { Outcome } from '../tracking/time-entry.js';
import type { Locale } from '../format/format-number.js';
import { draftNextWeek } from './next-week.js';
import {
  reviewClasses,
  type ReviewActivityHours,
  type ReviewBestHour,
  type ReviewClassHours,
  type ReviewSuggestion,
  type ReviewTrendWeek,
  type ReviewWaster,
  type WeeklyReview,
} from './review.js';

/** The weeks of the hourly value's trend: this one and the 7 before it. */
export const REVIEW_TREND_WEEKS = 8;

/**
 * The days and instants a review reads: the trend's first Monday to the review week's Sunday, in
 * the workspace's zone. Fetch every entry overlapping `startMs`–`endMs` and the outcomes dated
 * `from`–`to`.
 *
 * @example weeklyReviewSpan('2027-W03', 'UTC').from // '2026-11-30'
 */
export function weeklyReviewSpan(
  week: IsoWeek,
  zone: string,
): { from: CalendarDate; to: CalendarDate; weekFrom: CalendarDate; startMs: number; endMs: number } {
  const dates = datesOfIsoWeek(week);
  const weekFrom = dates[0] ?? '';
  const to = dates[6] ?? weekFrom;
  const from = addDays(weekFrom, -7 * (REVIEW_TREND_WEEKS - 1));
  return { from, to, weekFrom, ...bucketSpan({ zone, unit: 'week', from, to }) };
}

export type ReviewActivityInput = Pick<
  Activity,
  'name' | 'unit' | 'activityClass' | 'rate' | 'ratePeriod' | 'workdays' | 'minutesPerUnit'
> & {
  /** Units logged in the review's week. */
  unitsLogged: number;
};

export interface ReviewFunnelInput {
  id: string;
  name: string;
  probability: number;
  conversions: readonly LearnedConversion[];
}

export interface WeeklyReviewInput {
  week: IsoWeek;
  timeZone: string;
  nowMs: number;
  settings: MoneySettings;
  /** Every entry overlapping `weeklyReviewSpan(week, zone)`. */
  entries: readonly BucketEntry[];
  activities: readonly ReviewActivityInput[];
  goals: ReadonlyArray<Pick<GoalStanding, 'goal' | 'pace'>>;
  funnels: readonly ReviewFunnelInput[];
  /** Outcomes dated in `weeklyReviewSpan(week, zone)`. */
  outcomes: ReadonlyArray<Pick<Outcome, 'kind' | 'amount' | 'currency' | 'date'>>;
  /** The hourly value over the trailing window ending on the week's last day. */
  window: HourlyValue;
  wasters: readonly ReviewWaster[];
  suggestions: readonly ReviewSuggestion[];
  notes?: readonly string[];
  locale?: Locale;
}

const HOUR_MS = 3_600_000;

/** The hour of the day, on the workspace's clock, with the most income-producing seconds. */
function bestHourOf(
  entries: readonly BucketEntry[],
  isIncome: (activity: string) => boolean,
  range: { startMs: number; endMs: number },
  nowMs: number,
  zone: string,
): ReviewBestHour | null {
  const byHour = new Array<number>(24).fill(0);
  for (const entry of entries) {
    if (!isIncome(entry.activity)) continue;
    const start = Math.max(Date.parse(entry.start), range.startMs);
    const end = Math.min(entry.end === null ? nowMs : Date.parse(entry.end), range.endMs);
    // Hour by hour on the zone's clock: a daylight-saving hour that repeats counts twice, as lived.
    for (let at = start; at < end;) {
      const local = DateTime.fromMillis(at, { zone });
      const next = Math.min(end, local.startOf('hour').toMillis() + HOUR_MS);
      byHour[local.hour] = (byHour[local.hour] ?? 0) + Math.floor(next / 1000) - Math.floor(at / 1000);
      at = next;
    }
  }
  let best: ReviewBestHour | null = null;
  byHour.forEach((seconds, hour) => {
    if (seconds > 0 && (best === null || seconds > best.seconds)) best = { hour, seconds };
  });
  return best;
}

/**
 * A week's review, from what the server read: hours by class and by activity against the targets
 * (rate × minutes per unit, as the planner's capacity counts them), goals' pace, funnels'
 * learned conversions, revenue and the hourly value with its 8-week trend, the wasters and the
 * triage's suggestions, and what to change next week. Days and weeks are the workspace zone's.
 *
 * @example
 * computeWeeklyReview({ week: '2027-W03', timeZone: 'UTC', entries, activities, … }).hours.totalSeconds
 */
export function computeWeeklyReview(input: WeeklyReviewInput): WeeklyReview {
  const { week, timeZone, nowMs, settings, locale } = input;
  const span = weeklyReviewSpan(week, timeZone);
  const buckets = bucketEntries(input.entries, {
    zone: timeZone,
    unit: 'week',
    from: span.from,
    to: span.to,
    nowMs,
  });
  const thisWeek = buckets.at(-1);
  const weekTo = span.to;

  // Hours by activity: tracked names folded onto the activities' by key; activities with a target
  // and no time show too, at 0.
  const activityByKey = new Map(input.activities.map((activity) => [activityNameKey(activity.name), activity]));
  const tracked = new Map<string, { name: string; seconds: number }>();
  for (const { activity, seconds } of thisWeek?.activities ?? []) {
    const key = activityNameKey(activity);
    const found = tracked.get(key) ?? { name: activityByKey.get(key)?.name ?? activity, seconds: 0 };
    found.seconds += seconds;
    tracked.set(key, found);
  }
  const byActivity: ReviewActivityHours[] = [];
  for (const activity of input.activities) {
    const key = activityNameKey(activity.name);
    const seconds = tracked.get(key)?.seconds ?? 0;
    const target = Math.round(activityHoursPerWeek(activity) * 3600);
    const targetSeconds = target > 0 ? target : null;
    if (seconds === 0 && targetSeconds === null) continue;
    const targetUnits = activity.rate === null ? null : weeklyUnits(activity);
    byActivity.push({
      activity: activity.name,
      activityClass: activity.activityClass,
      seconds,
      targetSeconds,
      differenceSeconds: targetSeconds === null ? null : seconds - targetSeconds,
      unit: activity.unit,
      unitsLogged: activity.unitsLogged,
      targetUnits,
    });
  }
  for (const [key, { name, seconds }] of tracked) {
    if (activityByKey.has(key)) continue;
    byActivity.push({
      activity: name,
      activityClass: null,
      seconds,
      targetSeconds: null,
      differenceSeconds: null,
      unit: null,
      unitsLogged: null,
      targetUnits: null,
    });
  }
  byActivity.sort(
    (a, b) =>
      b.seconds - a.seconds || (b.targetSeconds ?? 0) - (a.targetSeconds ?? 0) || a.activity.localeCompare(b.activity),
  );
  const byClass: ReviewClassHours[] = reviewClasses.map((activityClass) => {
    const rows = byActivity.filter((row) => (row.activityClass ?? 'unclassified') === activityClass);
    return {
      activityClass,
      seconds: rows.reduce((sum, row) => sum + row.seconds, 0),
      targetSeconds: rows.reduce((sum, row) => sum + (row.targetSeconds ?? 0), 0),
    };
  });
  const totalSeconds = thisWeek?.seconds ?? 0;

  // Money: the week's revenue and counts, and the trend of revenue ÷ hours.
  const revenueOf = (from: CalendarDate, to: CalendarDate): Money[] =>
    input.outcomes
      .filter((outcome) => outcome.kind === 'revenue' && outcome.date >= from && outcome.date <= to)
      .map((outcome) => ({ amount: outcome.amount, currency: outcome.currency ?? settings.currency }));
  const countOf = (kind: Outcome['kind']) =>
    input.outcomes
      .filter((outcome) => outcome.kind === kind && outcome.date >= span.weekFrom && outcome.date <= weekTo)
      .reduce((sum, outcome) => sum + outcome.amount, 0);
  const trend: ReviewTrendWeek[] = buckets.map((bucket) => {
    const to = addDays(bucket.end, -1);
    const revenue = sumMoney(revenueOf(bucket.start, to), settings).total;
    return {
      week: isoWeekOf(bucket.start),
      from: bucket.start,
      to,
      seconds: bucket.seconds,
      revenue,
      hourlyValue: bucket.seconds > 0 ? revenue / (bucket.seconds / 3600) : null,
    };
  });
  const revenue = sumMoney(revenueOf(span.weekFrom, weekTo), settings);

  const classOf = (name: string): ActivityClass | null =>
    activityByKey.get(activityNameKey(name))?.activityClass ?? null;
  const weekRange = {
    startMs: startOfDayInZone(span.weekFrom, timeZone),
    endMs: span.endMs,
  };
  const bestHour = bestHourOf(input.entries, (name) => classOf(name) === 'income', weekRange, nowMs, timeZone);

  const review: WeeklyReview = {
    week,
    from: span.weekFrom,
    to: weekTo,
    timeZone,
    currency: settings.currency,
    hours: {
      totalSeconds,
      targetSeconds: byActivity.reduce((sum, row) => sum + (row.targetSeconds ?? 0), 0),
      byClass,
      byActivity,
    },
    goals: input.goals.map(({ goal, pace }) => ({
      id: goal.id,
      title: goal.title,
      unit: goal.unit,
      status: pace?.status ?? null,
      expected: pace?.expected ?? null,
      actual: pace?.actual ?? null,
      delta: pace?.delta ?? null,
      bufferDays: pace?.bufferDays ?? null,
      projectedDate: pace?.projectedDate ?? null,
      deadline: goal.deadline,
    })),
    funnels: input.funnels.map((funnel) => ({
      id: funnel.id,
      name: funnel.name,
      probability: funnel.probability,
      conversions: funnel.conversions.map(({ from, to, guess, learned, used, trials, successes, low, high }) => ({
        from,
        to,
        guess,
        learned,
        used,
        trials,
        successes,
        low,
        high,
      })),
    })),
    money: {
      revenue,
      clients: countOf('client'),
      leads: countOf('lead'),
      hourlyValue: totalSeconds > 0 ? revenue.total / (totalSeconds / 3600) : null,
      targetHourlyRate: settings.targetHourlyRate,
      window: input.window,
      trend,
    },
    wasters: [...input.wasters],
    suggestions: [...input.suggestions],
    bestHour,
    nextWeek: [],
    notes: [...(input.notes ?? []), ...(revenue.warning === null ? [] : [revenue.warning])],
  };
  return { ...review, nextWeek: draftNextWeek(review, locale) };
}
