import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { paceFromAllPoints, seriesFromAllPoints } from '../test-support/all-points-pace.js';
import { addDays, dateInZone } from '../time/calendar-date.js';
import {
  actualValue,
  computePace as computePaceFromTotals,
  foldDayTotals,
  meetsTarget,
  paceSeries as paceSeriesFromTotals,
  paceSeriesDates,
  paceTotalsOf,
  SERIES_POINTS,
  targetBound,
  totalsOn,
  type PaceGoal,
  type PacePoint,
} from './goal-pace.js';

// The examples below give points; pace reads them folded into day totals.
const computePace = (goal: PaceGoal, points: readonly PacePoint[], asOf: string) =>
  computePaceFromTotals(goal, paceTotalsOf(goal, foldDayTotals(points), asOf), asOf);
const paceSeries = (goal: PaceGoal, points: readonly PacePoint[], asOf: string) =>
  paceSeriesFromTotals(goal, foldDayTotals(points), asOf);

const recruits: PaceGoal = {
  aggregate: 'sum',
  direction: 'up',
  baseline: 0,
  target: 12,
  startDate: '2026-01-01',
  deadline: '2026-03-26', // 84 days: one recruit a week
};
const threeRecruits = [
  { date: '2026-01-07', value: 1 },
  { date: '2026-01-14', value: 1 },
  { date: '2026-01-25', value: 1 },
];

describe('computePace', () => {
  it('for a sum going up, is behind by a week when one recruit short after four weeks', () => {
    const pace = computePace(recruits, threeRecruits, '2026-01-29');
    expect(pace).toEqual({
      asOf: '2026-01-29',
      expected: 4,
      actual: 3,
      delta: -1,
      status: 'behind',
      bufferDays: -7,
      // one recruit in the last 14 days: 9 more take 126 days
      projectedDate: '2026-06-04',
    });
  });

  it('adds the baseline to the sum', () => {
    const pace = computePace({ ...recruits, baseline: 10, target: 22 }, threeRecruits, '2026-01-29');
    expect(pace).toMatchObject({ expected: 14, actual: 13, delta: -1, bufferDays: -7 });
  });

  it('for last going down, flips the sign so that being under the line is ahead', () => {
    const weight: PaceGoal = {
      aggregate: 'last',
      direction: 'down',
      baseline: 90,
      target: 80,
      startDate: '2026-01-01',
      deadline: '2026-04-11', // 100 days: 0.1 kg a day
    };
    const points = [
      { date: '2026-01-20', value: 88 },
      { date: '2026-02-15', value: 84 },
    ];
    expect(computePace(weight, points, '2026-02-20')).toEqual({
      asOf: '2026-02-20',
      expected: 85,
      actual: 84,
      delta: 1,
      status: 'ahead',
      bufferDays: 10,
      projectedDate: '2026-03-06',
    });
  });

  it('for max, takes the best value logged so far', () => {
    const record: PaceGoal = { ...recruits, aggregate: 'max', target: 100, deadline: '2026-04-11' };
    const points = [
      { date: '2026-01-10', value: 30 },
      { date: '2026-01-30', value: 50 },
      { date: '2026-02-10', value: 40 },
    ];
    expect(computePace(record, points, '2026-02-10')).toEqual({
      asOf: '2026-02-10',
      expected: 40,
      actual: 50,
      delta: 10,
      status: 'ahead',
      bufferDays: 10,
      projectedDate: '2026-03-17',
    });
  });

  it('for max going down, uses the largest value, so a spike counts against you', () => {
    const spend: PaceGoal = {
      ...recruits,
      aggregate: 'max',
      direction: 'down',
      baseline: 100,
      target: 0,
      deadline: '2026-04-11',
    };
    const pace = computePace(
      spend,
      [
        { date: '2026-01-05', value: 95 },
        { date: '2026-01-08', value: 70 },
      ],
      '2026-01-11',
    );
    expect(pace).toMatchObject({ expected: 90, actual: 95, delta: -5, status: 'behind', bufferDays: -5 });
  });

  it('for count, counts the data points whatever their values', () => {
    const sessions: PaceGoal = { ...recruits, aggregate: 'count', target: 10, deadline: '2026-01-11' };
    const points = ['2026-01-02', '2026-01-03', '2026-01-05'].map((date) => ({ date, value: 5 }));
    expect(computePace(sessions, points, '2026-01-06')).toMatchObject({
      expected: 5,
      actual: 3,
      delta: -2,
      status: 'behind',
      bufferDays: -2,
    });
  });

  it('for count going down, is ahead with fewer points than the line allows', () => {
    const smokes: PaceGoal = {
      aggregate: 'count',
      direction: 'down',
      baseline: 20,
      target: 0,
      startDate: '2026-01-01',
      deadline: '2026-01-21',
    };
    const pace = computePace(smokes, [{ date: '2026-01-03', value: 1 }], '2026-01-11');
    // line: 20 down to 0 over 20 days, 10 on day 10; actual 20 + 1 = 21 → 11 over, i.e. behind
    expect(pace).toMatchObject({ expected: 10, actual: 21, delta: -11, status: 'behind', bufferDays: -11 });
  });

  it('is on track, with zero buffer, exactly on the line', () => {
    const pace = computePace(recruits, [{ date: '2026-01-08', value: 1 }], '2026-01-08');
    expect(pace).toMatchObject({ expected: 1, actual: 1, delta: 0, status: 'on-track', bufferDays: 0 });
  });

  it('stays on track within one day of the line', () => {
    const pace = computePace(recruits, [{ date: '2026-01-08', value: 1 }], '2026-01-09');
    expect(pace?.status).toBe('on-track');
    expect(pace?.bufferDays).toBe(-1);
  });

  it('ignores data points dated after the as-of date', () => {
    expect(computePace(recruits, threeRecruits, '2026-01-10')?.actual).toBe(1);
  });

  it('holds the line at the baseline before the start and at the target after the deadline', () => {
    expect(computePace(recruits, [], '2025-12-01')?.expected).toBe(0);
    expect(computePace(recruits, [], '2026-06-01')).toMatchObject({ expected: 12, status: 'behind' });
  });

  it('projects the day the target was reached once it is', () => {
    const points = [
      { date: '2026-01-10', value: 10 },
      { date: '2026-02-01', value: 2 },
      { date: '2026-02-05', value: 1 },
    ];
    expect(computePace(recruits, points, '2026-02-10')?.projectedDate).toBe('2026-02-01');
  });

  it('projects no date when the recent rate cannot reach the target', () => {
    expect(computePace(recruits, [{ date: '2026-01-02', value: 1 }], '2026-02-01')?.projectedDate).toBeNull();
  });

  it('has no pace without a target, a start or a deadline after the start', () => {
    expect(computePace({ ...recruits, target: null }, [], '2026-01-10')).toBeNull();
    expect(computePace({ ...recruits, deadline: null }, [], '2026-01-10')).toBeNull();
    expect(computePace({ ...recruits, deadline: '2025-12-01' }, [], '2026-01-10')).toBeNull();
  });

  it('counts calendar days across the spring daylight-saving change', () => {
    const march: PaceGoal = { ...recruits, target: 30, startDate: '2026-03-01', deadline: '2026-03-31' };
    // 23:30 on 15 March in New York, after clocks sprang forward on the 8th: still the 15th there.
    const asOf = dateInZone(new Date('2026-03-16T03:30:00Z'), 'America/New_York');
    expect(asOf).toBe('2026-03-15');
    expect(computePace(march, [], asOf)?.expected).toBe(14);
  });

  it('counts calendar days across the autumn daylight-saving change', () => {
    const october: PaceGoal = { ...recruits, target: 10, startDate: '2026-10-20', deadline: '2026-10-30' };
    // 00:30 on 26 October in Paris, the day after the 25-hour day.
    const asOf = dateInZone(new Date('2026-10-25T23:30:00Z'), 'Europe/Paris');
    expect(asOf).toBe('2026-10-26');
    expect(computePace(october, [{ date: '2026-10-25', value: 6 }], asOf)).toMatchObject({
      expected: 6,
      actual: 6,
      bufferDays: 0,
    });
  });

  it('never lowers the delta of a goal going up when more is logged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 83 }), value: fc.integer({ min: 0, max: 5 }) })),
        fc.integer({ min: 0, max: 83 }),
        fc.integer({ min: 1, max: 5 }),
        (logged, extraDay, extraValue) => {
          const toPoint = ({ day, value }: { day: number; value: number }) => ({
            date: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10),
            value,
          });
          const points = logged.map(toPoint);
          const before = computePace(recruits, points, '2026-03-26');
          const after = computePace(recruits, [...points, toPoint({ day: extraDay, value: extraValue })], '2026-03-26');
          expect(after?.delta).toBeGreaterThan(before?.delta ?? Infinity);
          expect(Math.sign(after?.bufferDays ?? 0)).not.toBe(-Math.sign(after?.delta ?? 0) || 2);
        },
      ),
    );
  });
});

describe('actualValue', () => {
  it('takes the last one logged when several share the latest day', () => {
    const goal = { aggregate: 'last', baseline: 0 } as const;
    const points = [
      { date: '2026-01-02', value: 7 },
      { date: '2026-01-02', value: 5 },
      { date: '2026-01-01', value: 9 },
    ];
    expect(actualValue(goal, points, '2026-01-31')).toBe(5);
  });

  it('falls back to the baseline when nothing is logged yet', () => {
    expect(actualValue({ aggregate: 'max', baseline: 3 }, [], '2026-01-01')).toBe(3);
  });
});

describe('paceSeries', () => {
  it('runs from start to deadline, with actual values up to the as-of date only', () => {
    const series = paceSeries(recruits, threeRecruits, '2026-01-29');
    expect(series[0]).toEqual({ date: '2026-01-01', expected: 0, actual: 0 });
    expect(series.find((point) => point.date === '2026-01-29')).toEqual({ date: '2026-01-29', expected: 4, actual: 3 });
    expect(series.at(-1)).toEqual({ date: '2026-03-26', expected: 12, actual: null });
    expect(series).toHaveLength(85);
  });

  it('samples long goals down to about two hundred points, keeping the ends', () => {
    const series = paceSeries({ ...recruits, deadline: '2029-01-01' }, [], '2027-05-05');
    expect(series.length).toBeLessThanOrEqual(202);
    expect(series.at(-1)?.date).toBe('2029-01-01');
    expect(series.some((point) => point.date === '2027-05-05')).toBe(true);
  });
});

describe('pace from day totals', () => {
  const day = (offset: number) => addDays('2026-01-01', offset);
  // Goals of every kind around 2026, some without a line, and points with any value, several a
  // day, some before the start or after asOf, in any order.
  const goals = fc.record({
    aggregate: fc.constantFrom('sum', 'count', 'last', 'max'),
    direction: fc.constantFrom('up', 'down'),
    baseline: fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
    target: fc.option(fc.oneof(fc.integer({ min: -100, max: 200 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
      freq: 8,
    }),
    startDate: fc.option(fc.integer({ min: -30, max: 60 }).map(day), { freq: 8 }),
    deadline: fc.option(fc.integer({ min: -10, max: 700 }).map(day), { freq: 8 }),
  }) satisfies fc.Arbitrary<PaceGoal>;
  const values = fc.oneof(
    fc.integer({ min: -5, max: 20 }),
    fc.integer({ min: 0, max: 10_000 }).map((cents) => cents / 100),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  );
  const points = fc.array(fc.record({ date: fc.integer({ min: -60, max: 400 }).map(day), value: values }), {
    maxLength: 60,
  });
  const asOfs = fc.integer({ min: -40, max: 720 }).map(day);

  it('gives the figures the computation from every point gave', () => {
    fc.assert(
      fc.property(goals, points, asOfs, (goal, logged, asOf) => {
        const days = foldDayTotals(logged);
        expect(computePaceFromTotals(goal, paceTotalsOf(goal, days, asOf), asOf)).toStrictEqual(
          paceFromAllPoints(goal, logged, asOf),
        );
        expect(paceSeriesFromTotals(goal, days, asOf)).toStrictEqual(seriesFromAllPoints(goal, logged, asOf));
      }),
      { numRuns: 2000 },
    );
  });

  it('draws the same series from the totals on the chart dates alone', () => {
    fc.assert(
      fc.property(goals, points, asOfs, (goal, logged, asOf) => {
        const days = foldDayTotals(logged);
        const sampled = [...new Set(paceSeriesFromTotals(goal, days, asOf).map(({ date }) => totalsOn(days, date)))];
        const onChartDates = sampled.filter((totals) => totals !== null);
        expect(paceSeriesFromTotals(goal, onChartDates, asOf)).toStrictEqual(paceSeriesFromTotals(goal, days, asOf));
      }),
    );
  });

  it("draws a card's lighter series on the same line and values, on fewer days", () => {
    fc.assert(
      fc.property(goals, points, asOfs, (goal, logged, asOf) => {
        const days = foldDayTotals(logged);
        const everyDay = new Map(paceSeriesFromTotals(goal, days, asOf, 100_000).map((point) => [point.date, point]));
        const card = paceSeriesFromTotals(goal, days, asOf, SERIES_POINTS.card);
        expect(card.length).toBeLessThanOrEqual(SERIES_POINTS.card + 2);
        for (const point of card) expect(point).toStrictEqual(everyDay.get(point.date));
        // The card's days are found by looking up its own dates, as the goals list does.
        const onCardDates = paceSeriesDates(goal, asOf, SERIES_POINTS.card)
          .map((date) => totalsOn(days, date))
          .filter((totals) => totals !== null);
        expect(paceSeriesFromTotals(goal, [...new Set(onCardDates)], asOf, SERIES_POINTS.card)).toStrictEqual(card);
      }),
    );
  });

  it('bounds the totals of every day that meets the target', () => {
    fc.assert(
      fc.property(goals, points, (goal, logged) => {
        const bound = targetBound(goal);
        for (const totals of foldDayTotals(logged)) {
          if (!meetsTarget(goal, totals) || bound === null) continue;
          const value = totals[bound.totals];
          if ('atLeast' in bound) expect(value).toBeGreaterThanOrEqual(bound.atLeast);
          else expect(value).toBeLessThanOrEqual(bound.atMost);
        }
      }),
    );
  });
});
