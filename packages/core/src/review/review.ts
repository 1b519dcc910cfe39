import type { ActivityClass } from '../activities/activity.js';
import type { PaceStatus } from '../goals/goal-pace.js';
import type { HourlyValue } from '../money/hourly-value.js';
import type { MoneySum } from '../money/convert.js';
import type { IsoWeek } from '../planner/iso-week.js';
import type { CalendarDate } from '../time/calendar-date.js';

/** A day range, both days included, in the workspace's calendar. */
export interface ReviewRange {
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * An activity that costs more than it returns: the audit's "disguised time waster". Money is in
 * the workspace currency.
 */
export interface ReviewWaster {
  activity: string;
  activityClass: ActivityClass | null;
  seconds: number;
  /** Revenue credited to the activity in the range. */
  revenue: number;
  /** revenue ÷ hours; null without hours. */
  effectiveRate: number | null;
  /** The hourly value the hours are priced at. */
  hourlyValue: number;
  /** hours × hourly value − revenue: what the hours would have been worth, less what they brought. */
  cost: number;
  /** Income-producing, yet earning less than the buyback rate (hourly value ÷ 4). */
  belowBuyback: boolean;
  /** How revenue was credited: "direct" while the audit has not landed. */
  attribution: string;
}

/** What the triage recommends for one recurring task. */
export const reviewSuggestionActions = ['drop', 'automate', 'delegate', 'batch', 'produce'] as const;
export type ReviewSuggestionAction = (typeof reviewSuggestionActions)[number];

export interface ReviewSuggestion {
  task: string;
  action: ReviewSuggestionAction;
  /** Hours a month the recommendation frees. */
  hoursFreedPerMonth: number;
  /** Their worth at the hourly value, less what the recommendation costs, a month, in the workspace currency. */
  moneyFreedPerMonth: number;
  why: string;
}

/** The hours one activity got in the week, against what its target rate takes. */
export interface ReviewActivityHours {
  activity: string;
  /** Null for a name tracked that is no activity. */
  activityClass: ActivityClass | null;
  seconds: number;
  /** Seconds a week the target rate takes (rate × minutes per unit); null without a target that takes time. */
  targetSeconds: number | null;
  /** seconds − targetSeconds; negative when behind. */
  differenceSeconds: number | null;
  unit: string | null;
  /** Units logged in the week, and the week's units the target asks for. */
  unitsLogged: number | null;
  targetUnits: number | null;
}

export const reviewClasses = ['income', 'supporting', 'waste', 'unclassified'] as const;
export type ReviewClass = (typeof reviewClasses)[number];

export interface ReviewClassHours {
  activityClass: ReviewClass;
  seconds: number;
  /** The sum of the activities' target seconds in the class. */
  targetSeconds: number;
}

export interface ReviewGoal {
  id: string;
  title: string;
  unit: string | null;
  status: PaceStatus | null;
  expected: number | null;
  actual: number | null;
  /** actual − expected, positive is good. */
  delta: number | null;
  bufferDays: number | null;
  projectedDate: CalendarDate | null;
  deadline: CalendarDate | null;
}

export interface ReviewConversion {
  from: string;
  to: string;
  guess: number;
  learned: number | null;
  used: number;
  trials: number;
  successes: number;
  low: number;
  high: number;
}

export interface ReviewFunnel {
  id: string;
  name: string;
  /** The chance of reaching the target by the deadline at the planned rate. */
  probability: number;
  conversions: ReviewConversion[];
}

/** One week of the hourly value's trend. */
export interface ReviewTrendWeek {
  week: IsoWeek;
  from: CalendarDate;
  to: CalendarDate;
  seconds: number;
  /** Revenue of the week in the workspace currency (amounts with no rate left out). */
  revenue: number;
  /** revenue ÷ hours; null without hours. */
  hourlyValue: number | null;
}

/** The hour of the day (workspace clock) with the most income-producing time in the week. */
export interface ReviewBestHour {
  hour: number;
  seconds: number;
}

/** A week's review (GET /api/v1/review): every figure of the page, the PDF and `bigrock review`. */
export interface WeeklyReview {
  week: IsoWeek;
  from: CalendarDate;
  to: CalendarDate;
  timeZone: string;
  currency: string;
  hours: {
    totalSeconds: number;
    targetSeconds: number;
    byClass: ReviewClassHours[];
    byActivity: ReviewActivityHours[];
  };
  goals: ReviewGoal[];
  funnels: ReviewFunnel[];
  money: {
    /** The week's revenue, with amounts in a currency without a rate kept apart. */
    revenue: MoneySum;
    clients: number;
    leads: number;
    /** The week's revenue ÷ its hours; null without hours. */
    hourlyValue: number | null;
    targetHourlyRate: number | null;
    /** Over the trailing window ending on the week's last day: what wasters are priced at. */
    window: HourlyValue;
    /** The last 8 weeks, this one last. */
    trend: ReviewTrendWeek[];
  };
  wasters: ReviewWaster[];
  suggestions: ReviewSuggestion[];
  bestHour: ReviewBestHour | null;
  /** What to change next week, in sentences, each citing its figure. */
  nextWeek: string[];
  /** What was left out and why. */
  notes: string[];
}
