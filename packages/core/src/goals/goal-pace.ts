import { addDays, daysBetween, LATEST_DATE, type CalendarDate } from '../time/calendar-date.js';
import type { DataPoint, Goal } from './goal.js';

export const paceStatuses = ['ahead', 'on-track', 'behind'] as const;
export type PaceStatus = (typeof paceStatuses)[number];

/** How a goal stands against its straight line from baseline at start to target at deadline. */
export interface Pace {
  asOf: CalendarDate;
  expected: number;
  actual: number;
  /** actual − expected, flipped for direction down, so positive is always good. */
  delta: number;
  status: PaceStatus;
  /** Days you can do nothing and still be on the line; negative when behind. */
  bufferDays: number | null;
  /** When the target is reached at the recent rate; null when that rate cannot reach it. */
  projectedDate: CalendarDate | null;
}

export type PaceGoal = Pick<Goal, 'aggregate' | 'direction' | 'baseline' | 'target' | 'startDate' | 'deadline'>;
export type PacePoint = Pick<DataPoint, 'date' | 'value'>;

/** The window, in days, over which the recent rate behind `projectedDate` is measured. */
export const RECENT_RATE_DAYS = 14;

// Floating-point noise (0.1 + 0.2) must not turn an exact "on the line" into a day behind.
const round = (value: number) => Math.round(value * 1e9) / 1e9;

/**
 * A goal's data points up to the end of one day, folded one by one in date order (then in the
 * order they were logged): all that pace and its chart read of them. The server keeps them per
 * day, so that a goal's pace reads a few rows however many points it has.
 */
export interface DayTotals {
  date: CalendarDate;
  /** The values added one by one from 0, in that order; the baseline is added after. */
  sum: number;
  count: number;
  max: number;
  /** The value of the day's last point. */
  last: number;
}

/** Points sorted by date, stable, so that "last" means the last one logged on the latest day. */
function byDate(points: readonly PacePoint[]): PacePoint[] {
  return points
    .map((point, index) => ({ point, index }))
    .sort((a, b) => (a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : a.index - b.index))
    .map(({ point }) => point);
}

/**
 * Folds data points into running totals, one per day that has points, in date order; `before`
 * carries on a fold from the totals of an earlier day.
 *
 * @example
 * foldDayTotals([{ date: '2026-01-05', value: 3 }, { date: '2026-01-05', value: 2 }])
 * // [{ date: '2026-01-05', sum: 5, count: 2, max: 3, last: 2 }]
 */
export function foldDayTotals(points: readonly PacePoint[], before: DayTotals | null = null): DayTotals[] {
  const days: DayTotals[] = [];
  let current = before;
  for (const point of byDate(points)) {
    current = {
      date: point.date,
      sum: (current?.sum ?? 0) + point.value,
      count: (current?.count ?? 0) + 1,
      max: Math.max(current?.max ?? -Infinity, point.value),
      last: point.value,
    };
    if (days.at(-1)?.date === point.date) days[days.length - 1] = current;
    else days.push(current);
  }
  return days;
}

/**
 * The totals at the end of `date`: the last of `days` (in date order) dated on or before it.
 *
 * @example totalsOn(foldDayTotals(points), '2026-01-31')?.count // points dated up to 31 January
 */
export function totalsOn(days: readonly DayTotals[], date: CalendarDate): DayTotals | null {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((days[middle]?.date ?? '') <= date) low = middle + 1;
    else high = middle;
  }
  return days[low - 1] ?? null;
}

/**
 * The actual value of a goal from its totals on a day: `sum` and `count` start from the
 * baseline; `last` and `max` are the baseline until something is logged (`totals` null).
 *
 * @example actualOf({ aggregate: 'sum', baseline: 2 }, { date: '2026-01-05', sum: 3, count: 1, max: 3, last: 3 }) // 5
 */
export function actualOf(goal: Pick<PaceGoal, 'aggregate' | 'baseline'>, totals: DayTotals | null): number {
  const { aggregate, baseline } = goal;
  if (aggregate === 'sum') return round(baseline + (totals?.sum ?? 0));
  if (aggregate === 'count') return baseline + (totals?.count ?? 0);
  if (totals === null) return baseline;
  return aggregate === 'max' ? totals.max : totals.last;
}

/**
 * The actual value of a goal on `asOf`, from the data points dated on or before it.
 *
 * @example actualValue({ aggregate: 'sum', baseline: 2 }, [{ date: '2026-01-05', value: 3 }], '2026-01-31') // 5
 */
export function actualValue(
  goal: Pick<PaceGoal, 'aggregate' | 'baseline'>,
  points: readonly PacePoint[],
  asOf: CalendarDate,
): number {
  return actualOf(goal, totalsOn(foldDayTotals(points), asOf));
}

interface Line {
  start: CalendarDate;
  deadline: CalendarDate;
  baseline: number;
  target: number;
  totalDays: number;
}

function lineOf(goal: PaceGoal): Line | null {
  const { startDate, deadline, target, baseline } = goal;
  if (startDate === null || deadline === null || target === null) return null;
  const totalDays = daysBetween(startDate, deadline);
  if (totalDays <= 0) return null;
  return { start: startDate, deadline, baseline, target, totalDays };
}

/** The value on the line `offset` days after the start: the baseline before, the target after the deadline. */
function expectedAt(line: Line, offset: number): number {
  const elapsed = Math.min(Math.max(offset, 0), line.totalDays);
  return round(line.baseline + ((line.target - line.baseline) * elapsed) / line.totalDays);
}

const expectedOn = (line: Line, date: CalendarDate) => expectedAt(line, daysBetween(line.start, date));

/** Whether a goal can have a pace: it needs a target, a start and a deadline after the start. */
export function hasPace(goal: PaceGoal): boolean {
  return lineOf(goal) !== null;
}

function reachedTarget(line: Line, value: number, sign: number): boolean {
  return (value - line.target) * sign >= 0;
}

const signOf = (goal: PaceGoal) => (goal.direction === 'up' ? 1 : -1);

/**
 * Whether the actual value from these totals meets the goal's target (null totals: the baseline
 * alone). False when the goal has no pace.
 *
 * @example meetsTarget({ ...goal, aggregate: 'count', baseline: 0, target: 2 }, { date, sum: 9, count: 2, max: 5, last: 4 }) // true
 */
export function meetsTarget(goal: PaceGoal, totals: DayTotals | null): boolean {
  const line = lineOf(goal);
  return line !== null && reachedTarget(line, actualOf(goal, totals), signOf(goal));
}

/**
 * A bound on one of the totals that every day meeting the target satisfies, with room for the
 * rounding of `actualOf`: a database can look for the first day meeting the target among the
 * days within it, and `meetsTarget` decides. Null when the goal has no pace.
 *
 * @example targetBound({ aggregate: 'max', direction: 'up', target: 100, ... }) // { totals: 'max', atLeast: 99.9999999 }
 */
export function targetBound(
  goal: PaceGoal,
):
  | { totals: 'sum' | 'count' | 'max' | 'last'; atLeast: number }
  | { totals: 'sum' | 'count' | 'max' | 'last'; atMost: number }
  | null {
  const line = lineOf(goal);
  if (line === null) return null;
  const { aggregate, baseline, direction } = goal;
  const from = aggregate === 'sum' || aggregate === 'count' ? baseline : 0;
  const slack = 1e-6 * (1 + Math.abs(line.target) + Math.abs(baseline));
  return direction === 'up'
    ? { totals: aggregate, atLeast: line.target - from - slack }
    : { totals: aggregate, atMost: line.target - from + slack };
}

/**
 * The day the recent rate behind `projectedDate` is measured from: RECENT_RATE_DAYS before
 * `asOf`, or the start when that is nearer. Null when there is no such day or no pace.
 *
 * @example recentRateStart({ ...goal, startDate: '2026-01-01' }, '2026-03-01') // '2026-02-15'
 */
export function recentRateStart(goal: PaceGoal, asOf: CalendarDate): CalendarDate | null {
  const line = lineOf(goal);
  if (line === null) return null;
  const window = Math.min(RECENT_RATE_DAYS, daysBetween(line.start, asOf));
  return window <= 0 ? null : addDays(asOf, -window);
}

/**
 * What `computePace` reads of a goal's data points, each as the totals at the end of a day
 * (null when no point is dated on or before it).
 */
export interface PaceTotals {
  /** On `asOf`. */
  asOf: DayTotals | null;
  /** On `recentRateStart(goal, asOf)`; null too when that is null. */
  recentRateStart: DayTotals | null;
  /**
   * The first day, on or before `asOf`, whose totals meet the target (`meetsTarget`), points
   * dated before the start included. Needed only when the totals of `asOf` meet it and the
   * baseline alone does not; null otherwise.
   */
  firstMet: CalendarDate | null;
}

/**
 * The totals `computePace` needs, from all of a goal's day totals (`foldDayTotals` of every point).
 *
 * @example computePace(goal, paceTotalsOf(goal, foldDayTotals(points), asOf), asOf)
 */
export function paceTotalsOf(goal: PaceGoal, days: readonly DayTotals[], asOf: CalendarDate): PaceTotals {
  const atAsOf = totalsOn(days, asOf);
  const rateStart = recentRateStart(goal, asOf);
  const needsFirstMet = meetsTarget(goal, atAsOf) && !meetsTarget(goal, null);
  return {
    asOf: atAsOf,
    recentRateStart: rateStart === null ? null : totalsOn(days, rateStart),
    firstMet: needsFirstMet ? (days.find((day) => day.date <= asOf && meetsTarget(goal, day))?.date ?? null) : null,
  };
}

/**
 * Where a goal stands on `asOf`: expected on the line, actual, delta, status, buffer days and the
 * projected date, from the totals of its data points (`PaceTotals`). Null when the goal is still
 * too vague for a line (no target, start or deadline). The one computation of a goal's pace: the
 * list, the detail, the CLI and the API all come here.
 *
 * @example
 * const goal = { aggregate: 'count', direction: 'up', baseline: 0, target: 12, startDate: '2026-01-01', deadline: '2026-03-26' };
 * computePace(goal, paceTotalsOf(goal, foldDayTotals([{ date: '2026-01-07', value: 1 }]), '2026-01-08'), '2026-01-08')
 * // { expected: 1, actual: 1, delta: 0, status: 'on-track', bufferDays: 0, ... }
 */
export function computePace(goal: PaceGoal, totals: PaceTotals, asOf: CalendarDate): Pace | null {
  const line = lineOf(goal);
  if (line === null) return null;

  const sign = signOf(goal);
  const expected = expectedOn(line, asOf);
  const actual = actualOf(goal, totals.asOf);
  const delta = round((actual - expected) * sign);
  const dailyRate = Math.abs(line.target - line.baseline) / line.totalDays;
  // On track means within one day of the line, either way.
  const tolerance = round(dailyRate);

  let status: PaceStatus = 'on-track';
  if (delta > tolerance) status = 'ahead';
  else if (delta < -tolerance) status = 'behind';

  return {
    asOf,
    expected,
    actual,
    delta,
    status,
    // Rounded to a millionth of a day first, so that a delta that is exactly n days is n, not n − 1.
    bufferDays: dailyRate > 0 ? Math.floor(Math.round((delta / dailyRate) * 1e6) / 1e6) : null,
    projectedDate: projectDate(goal, line, totals, asOf, actual),
  };
}

function projectDate(
  goal: PaceGoal,
  line: Line,
  totals: PaceTotals,
  asOf: CalendarDate,
  actual: number,
): CalendarDate | null {
  const sign = signOf(goal);
  if (reachedTarget(line, actual, sign)) {
    // The first day on which the actual value met the target.
    if (reachedTarget(line, actualOf(goal, null), sign)) return line.start;
    return totals.firstMet ?? asOf;
  }

  const window = Math.min(RECENT_RATE_DAYS, daysBetween(line.start, asOf));
  if (window <= 0) return null;
  const before = actualOf(goal, totals.recentRateStart);
  const rate = ((actual - before) * sign) / window;
  if (rate <= 0) return null;
  const remaining = (line.target - actual) * sign;
  const days = Math.ceil(round(remaining / rate));
  // At a crawl the date would fall past the calendar (and addDays would give back asOf): no date.
  if (!(days <= daysBetween(asOf, LATEST_DATE))) return null;
  return addDays(asOf, days);
}

export interface PaceSeriesPoint {
  date: CalendarDate;
  expected: number;
  /** Null after `asOf`: the future has no actual yet. */
  actual: number | null;
}

/**
 * The most points a series holds; longer goals are sampled every few days: a goal's own page draws
 * up to `full`, a card in the goals list a lighter `card` (the same line and values, fewer days).
 */
export const SERIES_POINTS = { full: 200, card: 60 } as const;

/**
 * The dates of a goal's chart: from the start to the deadline, every few days for a long goal,
 * and `asOf`. Empty when the goal has no pace.
 *
 * @example paceSeriesDates({ ...goal, startDate: '2026-01-01', deadline: '2026-01-03' }, '2026-01-02') // ['2026-01-01', '2026-01-02', '2026-01-03']
 */
export function paceSeriesDates(
  goal: PaceGoal,
  asOf: CalendarDate,
  maxPoints: number = SERIES_POINTS.full,
): CalendarDate[] {
  const line = lineOf(goal);
  return line === null ? [] : seriesDays(line, asOf, maxPoints).map(({ date }) => date);
}

/** The chart's dates with their offsets from the start. */
function seriesDays(line: Line, asOf: CalendarDate, maxPoints: number): Array<{ date: CalendarDate; offset: number }> {
  const step = Math.max(1, Math.ceil(line.totalDays / maxPoints));
  const days: Array<{ date: CalendarDate; offset: number }> = [];
  for (let offset = 0; offset < line.totalDays; offset += step)
    days.push({ date: addDays(line.start, offset), offset });
  days.push({ date: line.deadline, offset: line.totalDays });
  if (asOf > line.start && asOf < line.deadline && !days.some(({ date }) => date === asOf)) {
    days.push({ date: asOf, offset: daysBetween(line.start, asOf) });
    days.sort((a, b) => a.offset - b.offset);
  }
  return days;
}

/**
 * The line and the actual value day by day from start to deadline, for a chart of at most about
 * `maxPoints` points. `days`: day totals in date order holding, for each date of `paceSeriesDates`
 * (with the same `maxPoints`) up to `asOf`, the last totals on or before it (all of a goal's day
 * totals will do).
 *
 * @example paceSeries(goal, foldDayTotals(points), '2026-02-01')[0] // { date: goal.startDate, expected: goal.baseline, actual: ... }
 */
export function paceSeries(
  goal: PaceGoal,
  days: readonly DayTotals[],
  asOf: CalendarDate,
  maxPoints: number = SERIES_POINTS.full,
): PaceSeriesPoint[] {
  const line = lineOf(goal);
  if (line === null) return [];
  let current: DayTotals | null = null;
  let next = 0;
  return seriesDays(line, asOf, maxPoints).map(({ date, offset }) => {
    for (let day = days[next]; day !== undefined && day.date <= date; day = days[++next]) current = day;
    return { date, expected: expectedAt(line, offset), actual: date <= asOf ? actualOf(goal, current) : null };
  });
}
