// The goal pace as Bigrock computed it until pace came from stored day totals: from every data
// point, in JavaScript. Kept unchanged, for tests only, as the reference the totals must match
// (goal-pace.test.ts here, and the goal service's tests on SQLite and PostgreSQL).
import {
  RECENT_RATE_DAYS,
  type Pace,
  type PaceGoal,
  type PacePoint,
  type PaceSeriesPoint,
  type PaceStatus,
} from '../goals/goal-pace.js';
import { addDays, daysBetween, LATEST_DATE, type CalendarDate } from '../time/calendar-date.js';

// Floating-point noise (0.1 + 0.2) must not turn an exact "on the line" into a day behind.
const round = (value: number) => Math.round(value * 1e9) / 1e9;

/** Points sorted by date, stable, so that "last" means the last one logged on the latest day. */
function byDate(points: readonly PacePoint[]): PacePoint[] {
  return points
    .map((point, index) => ({ point, index }))
    .sort((a, b) => (a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : a.index - b.index))
    .map(({ point }) => point);
}

/**
 * Folds data points, in date order, into the running actual value of a goal.
 * `sum` and `count` start from the baseline; `last` and `max` fall back to it when nothing is logged.
 */
class RunningActual {
  private sum = 0;
  private count = 0;
  private max = -Infinity;
  private last: number | null = null;

  constructor(private readonly goal: Pick<PaceGoal, 'aggregate' | 'baseline'>) {}

  add(value: number): void {
    this.sum += value;
    this.count += 1;
    this.max = Math.max(this.max, value);
    this.last = value;
  }

  get value(): number {
    const { aggregate, baseline } = this.goal;
    if (aggregate === 'sum') return round(baseline + this.sum);
    if (aggregate === 'count') return baseline + this.count;
    if (this.count === 0) return baseline;
    return aggregate === 'max' ? this.max : (this.last ?? baseline);
  }
}

/**
 * The actual value of a goal on `asOf`, from the data points dated on or before it.
 *
 * @example actualValue({ aggregate: 'sum', baseline: 2 }, [{ date: '2026-01-05', value: 3 }], '2026-01-31') // 5
 */
function actualValue(
  goal: Pick<PaceGoal, 'aggregate' | 'baseline'>,
  points: readonly PacePoint[],
  asOf: CalendarDate,
): number {
  const running = new RunningActual(goal);
  for (const point of byDate(points)) {
    if (point.date > asOf) break;
    running.add(point.value);
  }
  return running.value;
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

/** The value on the line on `date`: the baseline before the start, the target after the deadline. */
function expectedOn(line: Line, date: CalendarDate): number {
  const elapsed = Math.min(Math.max(daysBetween(line.start, date), 0), line.totalDays);
  return round(line.baseline + ((line.target - line.baseline) * elapsed) / line.totalDays);
}

/**
 * Where a goal stands on `asOf`: expected on the line, actual, delta, status, buffer days and the
 * projected date. Null when the goal is still too vague for a line (no target, start or deadline).
 *
 * @example
 * computePace(
 *   { aggregate: 'count', direction: 'up', baseline: 0, target: 12, startDate: '2026-01-01', deadline: '2026-03-26' },
 *   [{ date: '2026-01-07', value: 1 }],
 *   '2026-01-08',
 * ) // { expected: 1, actual: 1, delta: 0, status: 'on-track', bufferDays: 0, ... }
 */
export function paceFromAllPoints(goal: PaceGoal, points: readonly PacePoint[], asOf: CalendarDate): Pace | null {
  const line = lineOf(goal);
  if (line === null) return null;

  const sign = goal.direction === 'up' ? 1 : -1;
  const expected = expectedOn(line, asOf);
  const actual = actualValue(goal, points, asOf);
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
    projectedDate: projectDate(goal, line, points, asOf, actual),
  };
}

function reachedTarget(line: Line, value: number, sign: number): boolean {
  return (value - line.target) * sign >= 0;
}

function projectDate(
  goal: PaceGoal,
  line: Line,
  points: readonly PacePoint[],
  asOf: CalendarDate,
  actual: number,
): CalendarDate | null {
  const sign = goal.direction === 'up' ? 1 : -1;
  if (reachedTarget(line, actual, sign)) return dateReached(goal, line, points, asOf);

  const window = Math.min(RECENT_RATE_DAYS, daysBetween(line.start, asOf));
  if (window <= 0) return null;
  const before = actualValue(goal, points, addDays(asOf, -window));
  const rate = ((actual - before) * sign) / window;
  if (rate <= 0) return null;
  const remaining = (line.target - actual) * sign;
  const days = Math.ceil(round(remaining / rate));
  // Past the last day Bigrock keeps there is no date (issue 9, point 7).
  if (!(days <= daysBetween(asOf, LATEST_DATE))) return null;
  return addDays(asOf, days);
}

/** The first day on which the actual value met the target. */
function dateReached(goal: PaceGoal, line: Line, points: readonly PacePoint[], asOf: CalendarDate): CalendarDate {
  const sign = goal.direction === 'up' ? 1 : -1;
  const running = new RunningActual(goal);
  if (reachedTarget(line, running.value, sign)) return line.start;
  const sorted = byDate(points).filter((point) => point.date <= asOf);
  for (const [index, point] of sorted.entries()) {
    running.add(point.value);
    const lastOfDay = sorted[index + 1]?.date !== point.date;
    if (lastOfDay && reachedTarget(line, running.value, sign)) return point.date;
  }
  return asOf;
}

/**
 * The line and the actual value day by day from start to deadline, for a chart of at most about
 * `maxPoints` points (200 on a goal's page, 60 on a card of the list).
 *
 * @example paceSeries(goal, points, '2026-02-01')[0] // { date: goal.startDate, expected: goal.baseline, actual: ... }
 */
export function seriesFromAllPoints(
  goal: PaceGoal,
  points: readonly PacePoint[],
  asOf: CalendarDate,
  maxPoints = 200,
): PaceSeriesPoint[] {
  const line = lineOf(goal);
  if (line === null) return [];
  const step = Math.max(1, Math.ceil(line.totalDays / maxPoints));
  const dates: CalendarDate[] = [];
  for (let offset = 0; offset < line.totalDays; offset += step) dates.push(addDays(line.start, offset));
  dates.push(line.deadline);
  if (asOf > line.start && asOf < line.deadline && !dates.includes(asOf)) {
    dates.push(asOf);
    dates.sort();
  }

  const sorted = byDate(points);
  const running = new RunningActual(goal);
  let next = 0;
  return dates.map((date) => {
    while (next < sorted.length && (sorted[next]?.date ?? '') <= date) running.add(sorted[next++]?.value ?? 0);
    return { date, expected: expectedOn(line, date), actual: date <= asOf ? running.value : null };
  });
}
