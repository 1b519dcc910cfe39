import { describe, expect, it } from 'vitest';

import { DEFAULT_WORKDAYS } from './activity.js';
import { activitySeries, computeActivityPace, isOnBreak, type PacedActivity } from './activity-pace.js';

const workdays = [...DEFAULT_WORKDAYS];
// Monday 5 January 2026.
const calls: PacedActivity = { rate: 10, ratePeriod: 'day', workdays, startDate: '2026-01-05' };
const log = (date: string, count: number) => ({ date, count });

describe('computeActivityPace', () => {
  it('for 10 calls a working day, counts the line over the working days before today', () => {
    const logs = [
      log('2026-01-05', 12),
      log('2026-01-06', 10),
      log('2026-01-07', 8),
      log('2026-01-08', 10),
      log('2026-01-12', 10),
    ];
    expect(computeActivityPace(calls, logs, [], '2026-01-12')).toEqual({
      asOf: '2026-01-12',
      expected: 50,
      actual: 50,
      delta: 0,
      status: 'on-track',
      bufferDays: 0,
      period: { unit: 'day', start: '2026-01-12', done: 10, target: 10 },
      // met Mon and Tue, missed Wed, met Thu, missed Fri; the weekend does not count; met Mon
      streak: { unit: 'day', current: 1, longest: 2 },
      onBreak: false,
    });
  });

  it('counts the day in progress as ahead, never as behind', () => {
    const pace = computeActivityPace(calls, [log('2026-01-05', 10)], [], '2026-01-05');
    expect(pace).toMatchObject({ expected: 0, actual: 10, delta: 10, status: 'on-track', bufferDays: 1 });
    expect(computeActivityPace(calls, [], [], '2026-01-05')).toMatchObject({ status: 'on-track', bufferDays: 0 });
  });

  it('shifts the line over a planned break instead of putting you behind, and keeps the streak', () => {
    const logs = [log('2026-01-05', 10), log('2026-01-06', 10), log('2026-01-12', 10)];
    const pause = [{ start: '2026-01-07', end: '2026-01-09' }];
    expect(computeActivityPace(calls, logs, pause, '2026-01-12')).toMatchObject({
      expected: 20,
      actual: 30,
      delta: 10,
      status: 'on-track',
      bufferDays: 1,
      streak: { current: 3, longest: 3 },
    });
    expect(computeActivityPace(calls, logs, [], '2026-01-12')).toMatchObject({
      expected: 50,
      delta: -20,
      status: 'behind',
      bufferDays: -2,
      streak: { current: 1, longest: 2 },
    });
    expect(computeActivityPace(calls, logs, pause, '2026-01-08')?.onBreak).toBe(true);
  });

  it('for 5 appointments a week, spreads the week over its working days and counts streaks in weeks', () => {
    const appointments: PacedActivity = { rate: 5, ratePeriod: 'week', workdays, startDate: '2026-01-05' };
    const logs = [log('2026-01-06', 3), log('2026-01-09', 2), log('2026-01-14', 3), log('2026-01-19', 2)];
    expect(computeActivityPace(appointments, logs, [], '2026-01-21')).toEqual({
      asOf: '2026-01-21',
      expected: 12,
      actual: 10,
      delta: -2,
      status: 'behind',
      bufferDays: -2,
      period: { unit: 'week', start: '2026-01-19', done: 2, target: 5 },
      streak: { unit: 'week', current: 0, longest: 1 },
      onBreak: false,
    });
  });

  it('for three times a week, any day, counts days with a log, not units', () => {
    const gym: PacedActivity = { rate: 3, ratePeriod: 'times-a-week', workdays, startDate: '2026-01-05' };
    const logs = [
      log('2026-01-05', 1),
      log('2026-01-07', 1),
      log('2026-01-10', 1), // a Saturday counts: any day
      log('2026-01-13', 2), // twice on one day is one day
      log('2026-01-15', 1),
      log('2026-01-19', 1),
      log('2026-01-20', 1),
      log('2026-01-21', 1),
    ];
    const pace = computeActivityPace(gym, logs, [], '2026-01-22');
    expect(pace?.actual).toBe(8);
    expect(pace?.expected).toBeCloseTo((17 * 3) / 7, 6);
    expect(pace).toMatchObject({ status: 'ahead', bufferDays: 1, streak: { unit: 'week', current: 1, longest: 1 } });
  });

  it('for 4 a month, counts streaks in calendar months', () => {
    const posts: PacedActivity = { rate: 4, ratePeriod: 'month', workdays, startDate: '2026-01-01' };
    const logs = [log('2026-01-09', 2), log('2026-01-23', 2), log('2026-02-13', 3), log('2026-03-06', 1)];
    expect(computeActivityPace(posts, logs, [], '2026-03-10')).toMatchObject({
      period: { unit: 'month', start: '2026-03-01', done: 1, target: 4 },
      streak: { unit: 'month', current: 0, longest: 1 },
    });
  });

  it('has no pace without a target rate', () => {
    expect(computeActivityPace({ ...calls, rate: null, ratePeriod: null }, [], [], '2026-01-12')).toBeNull();
  });
});

describe('activitySeries', () => {
  it('runs from the start to the as-of day, flat over a break', () => {
    const series = activitySeries(
      calls,
      [log('2026-01-05', 10)],
      [{ start: '2026-01-07', end: '2026-01-09' }],
      '2026-01-12',
    );
    expect(series[0]).toEqual({ date: '2026-01-05', expected: 0, actual: 10 });
    expect(series.map(({ expected }) => expected)).toEqual([0, 10, 20, 20, 20, 20, 20, 20]);
    expect(series.at(-1)).toEqual({ date: '2026-01-12', expected: 20, actual: 10 });
  });
});

describe('isOnBreak', () => {
  it('includes the first and last day of a break', () => {
    const pause = [{ start: '2026-07-13', end: '2026-07-24' }];
    expect(isOnBreak('2026-07-13', pause)).toBe(true);
    expect(isOnBreak('2026-07-24', pause)).toBe(true);
    expect(isOnBreak('2026-07-25', pause)).toBe(false);
  });
});
