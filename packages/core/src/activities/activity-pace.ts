import type { PaceStatus } from '../goals/goal-pace.js';
import { weekdays, type Weekday } from '../goals/goal.js';
import {
  addDays,
  addMonths,
  daysBetween,
  isoWeekday,
  startOfIsoWeek,
  startOfMonth,
  type CalendarDate,
} from '../time/calendar-date.js';
import { WEEKS_PER_MONTH, type Activity, type ActivityBreak, type ActivityLog } from './activity.js';

/** The period a streak counts in: days for a daily rate, weeks for weekly ones, months for monthly. */
export const streakUnits = ['day', 'week', 'month'] as const;
export type StreakUnit = (typeof streakUnits)[number];

/** How an activity stands against the line its target rate draws from its start date. */
export interface ActivityPace {
  asOf: CalendarDate;
  /**
   * Units the rate asks for from the start to the day before asOf, breaks left out: like a goal's
   * line, the day itself is still in progress, so what is logged on it counts as ahead.
   */
  expected: number;
  /** Units logged from the start to asOf; for "times a week", the days with a log. */
  actual: number;
  /** actual − expected: positive is ahead. */
  delta: number;
  status: PaceStatus;
  /** Working days you could skip and still be on the line; negative when behind. */
  bufferDays: number;
  /** The day, week or month that holds asOf: what is done in it and what it asks for. */
  period: { unit: StreakUnit; start: CalendarDate; done: number; target: number };
  /** Periods in a row that met their target; the one in progress does not break it. */
  streak: { unit: StreakUnit; current: number; longest: number };
  onBreak: boolean;
}

export type PacedActivity = Pick<Activity, 'rate' | 'ratePeriod' | 'workdays' | 'startDate'>;
export type PacedLog = Pick<ActivityLog, 'date' | 'count'>;
export type PacedBreak = Pick<ActivityBreak, 'start' | 'end'>;

const round = (value: number) => Math.round(value * 1e9) / 1e9;
const EPSILON = 1e-9;

const weekdayOf = (date: CalendarDate): Weekday => weekdays[isoWeekday(date) - 1] ?? 'mon';

/**
 * Whether a day falls in one of the planned breaks.
 *
 * @example isOnBreak('2026-07-14', [{ start: '2026-07-13', end: '2026-07-24' }]) // true
 */
export function isOnBreak(date: CalendarDate, breaks: readonly PacedBreak[]): boolean {
  return breaks.some((pause) => pause.start <= date && date <= pause.end);
}

/** The line's daily arithmetic for one activity: what each day asks for and what it counts. */
class RateCalendar {
  private readonly workdaysInMonth = new Map<string, number>();

  constructor(
    private readonly activity: PacedActivity & { rate: number; ratePeriod: NonNullable<Activity['ratePeriod']> },
    private readonly breaks: readonly PacedBreak[],
  ) {}

  isWorkday(date: CalendarDate): boolean {
    return this.activity.workdays.includes(weekdayOf(date));
  }

  /** What the rate asks for on one day: nothing before the start, on a day off or on a break. */
  target(date: CalendarDate): number {
    const { rate, ratePeriod, workdays, startDate } = this.activity;
    if (date < startDate || isOnBreak(date, this.breaks)) return 0;
    if (ratePeriod === 'times-a-week') return rate / 7;
    if (!this.isWorkday(date)) return 0;
    if (ratePeriod === 'day') return rate;
    if (ratePeriod === 'week') return rate / workdays.length;
    return rate / this.workdaysOfMonth(date);
  }

  /** One unit of the line's typical working day: the tolerance of on-track, the size of a buffer day. */
  dailyRate(): number {
    const { rate, ratePeriod, workdays } = this.activity;
    if (ratePeriod === 'day') return rate;
    if (ratePeriod === 'week') return rate / workdays.length;
    if (ratePeriod === 'times-a-week') return rate / 7;
    return rate / (WEEKS_PER_MONTH * workdays.length);
  }

  /** What a logged day counts for: its units, or one day for "N times a week". */
  counted(logged: number): number {
    if (this.activity.ratePeriod === 'times-a-week') return logged > 0 ? 1 : 0;
    return logged;
  }

  streakUnit(): StreakUnit {
    const { ratePeriod } = this.activity;
    if (ratePeriod === 'day') return 'day';
    return ratePeriod === 'month' ? 'month' : 'week';
  }

  private workdaysOfMonth(date: CalendarDate): number {
    const first = startOfMonth(date);
    let count = this.workdaysInMonth.get(first);
    if (count === undefined) {
      count = 0;
      const next = addMonths(first, 1);
      for (let day = first; day < next; day = addDays(day, 1)) if (this.isWorkday(day)) count += 1;
      this.workdaysInMonth.set(first, count);
    }
    return Math.max(count, 1);
  }
}

function periodBounds(unit: StreakUnit, date: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  if (unit === 'day') return { start: date, end: date };
  if (unit === 'week') {
    const start = startOfIsoWeek(date);
    return { start, end: addDays(start, 6) };
  }
  const start = startOfMonth(date);
  return { start, end: addDays(addMonths(start, 1), -1) };
}

function loggedByDay(logs: readonly PacedLog[]): Map<CalendarDate, number> {
  const byDay = new Map<CalendarDate, number>();
  for (const log of logs) byDay.set(log.date, (byDay.get(log.date) ?? 0) + log.count);
  return byDay;
}

/**
 * Where an activity stands on `asOf` against its target rate: the line (breaks shift it rather
 * than put you behind), the delta, buffer days, the current period and the streak. Null when the
 * activity has no target rate.
 *
 * @example
 * computeActivityPace(
 *   { rate: 10, ratePeriod: 'day', workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], startDate: '2026-01-05' },
 *   [{ date: '2026-01-05', count: 12 }, { date: '2026-01-06', count: 8 }],
 *   [],
 *   '2026-01-06',
 * ) // { expected: 10, actual: 20, delta: 10, status: 'on-track', bufferDays: 1, streak: { unit: 'day', current: 1, longest: 1 }, ... }
 */
export function computeActivityPace(
  activity: PacedActivity,
  logs: readonly PacedLog[],
  breaks: readonly PacedBreak[],
  asOf: CalendarDate,
): ActivityPace | null {
  const { rate, ratePeriod, startDate } = activity;
  if (rate === null || ratePeriod === null || rate <= 0) return null;
  const calendar = new RateCalendar({ ...activity, rate, ratePeriod }, breaks);
  const logged = loggedByDay(logs);
  const doneOn = (date: CalendarDate) => calendar.counted(logged.get(date) ?? 0);

  let expected = 0;
  let actual = 0;
  for (let day = startDate; day <= asOf; day = addDays(day, 1)) {
    if (day < asOf) expected += calendar.target(day);
    actual += doneOn(day);
  }
  expected = round(expected);
  actual = round(actual);
  const delta = round(actual - expected);
  const dailyRate = calendar.dailyRate();
  let status: PaceStatus = 'on-track';
  if (delta > dailyRate + EPSILON) status = 'ahead';
  else if (delta < -dailyRate - EPSILON) status = 'behind';

  const unit = calendar.streakUnit();
  const measure = (bounds: { start: CalendarDate; end: CalendarDate }) => {
    let target = 0;
    let done = 0;
    for (let day = bounds.start; day <= bounds.end; day = addDays(day, 1)) {
      target += calendar.target(day);
      if (day >= startDate && day <= asOf) done += doneOn(day);
    }
    return { target: round(target), done: round(done) };
  };

  const current = periodBounds(unit, asOf);
  let streak = 0;
  let longest = 0;
  if (asOf >= startDate) {
    for (let bounds = periodBounds(unit, startDate); bounds.start <= asOf;) {
      const { target, done } = measure(bounds);
      const inProgress = bounds.start === current.start;
      if (target > EPSILON) {
        if (done + EPSILON >= target) {
          streak += 1;
          longest = Math.max(longest, streak);
        } else if (!inProgress) {
          streak = 0;
        }
      }
      bounds = periodBounds(unit, addDays(bounds.end, 1));
    }
  }

  return {
    asOf,
    expected,
    actual,
    delta,
    status,
    bufferDays: Math.floor(Math.round((delta / dailyRate) * 1e6) / 1e6),
    period: { unit, start: current.start, ...measure(current) },
    streak: { unit, current: streak, longest },
    onBreak: isOnBreak(asOf, breaks),
  };
}

export interface ActivitySeriesPoint {
  date: CalendarDate;
  expected: number;
  actual: number;
}

/** The most points a series holds; a long history is sampled every few days. */
const MAX_SERIES_POINTS = 200;

/**
 * The line and the running total, day by day from the start to `asOf`, for a chart. Breaks show as
 * flat stretches of the line.
 *
 * @example activitySeries(activity, logs, breaks, '2026-02-01').at(-1) // { date: '2026-02-01', expected: 190, actual: 185 }
 */
export function activitySeries(
  activity: PacedActivity,
  logs: readonly PacedLog[],
  breaks: readonly PacedBreak[],
  asOf: CalendarDate,
): ActivitySeriesPoint[] {
  const { rate, ratePeriod, startDate } = activity;
  if (rate === null || ratePeriod === null || rate <= 0 || asOf < startDate) return [];
  const calendar = new RateCalendar({ ...activity, rate, ratePeriod }, breaks);
  const logged = loggedByDay(logs);
  const step = Math.max(1, Math.ceil((daysBetween(startDate, asOf) + 1) / MAX_SERIES_POINTS));
  const points: ActivitySeriesPoint[] = [];
  let expected = 0;
  let actual = 0;
  for (let day = startDate, index = 0; day <= asOf; day = addDays(day, 1), index += 1) {
    actual += calendar.counted(logged.get(day) ?? 0);
    if (index % step === 0 || day === asOf)
      points.push({ date: day, expected: round(expected), actual: round(actual) });
    // The line reaches a day's target at the end of that day, as in computeActivityPace.
    expected += calendar.target(day);
  }
  return points;
}
