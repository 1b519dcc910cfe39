import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isCalendarDate } from '../time/calendar-date.js';
import { goalValueSchema } from './goal-input.js';
import { computePace, foldDayTotals, paceTotalsOf, type PaceGoal, type PacePoint } from './goal-pace.js';

/** Pace from points, through the day totals the server keeps. */
const paceOf = (goal: PaceGoal, points: PacePoint[], asOf: string) =>
  computePace(
    goal,
    paceTotalsOf(goal, foldDayTotals([...points].sort((a, b) => a.date.localeCompare(b.date))), asOf),
    asOf,
  );

const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const value = fc
  .oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom(-1e12, 1e12, 1e-6, -1e-6, 0))
  .filter((number) => goalValueSchema.safeParse(number).success);

describe('the pace of a goal at the edges of what its schema accepts', () => {
  it('gives no projected date rather than a wrong one when the recent rate would take past 2999', () => {
    const goal = {
      aggregate: 'sum' as const,
      direction: 'up' as const,
      baseline: 0,
      target: 1e12,
      startDate: '2026-01-01',
      deadline: '2026-12-31',
    };
    expect(paceOf(goal, [{ date: '2026-01-10', value: 0.001 }], '2026-01-20')?.projectedDate).toBeNull();
  });

  it('answers finite numbers and a real date or none, for any values and days the schemas accept', () => {
    fc.assert(
      fc.property(
        fc.record({
          aggregate: fc.constantFrom('sum' as const, 'last' as const, 'max' as const, 'count' as const),
          direction: fc.constantFrom('up' as const, 'down' as const),
          baseline: value,
          target: value,
          startDate: day,
          deadline: day,
        }),
        fc.array(fc.record({ date: day, value }), { maxLength: 20 }),
        day,
        (goal, points, asOf) => {
          const pace = paceOf(goal, points, asOf);
          if (pace === null) return;
          for (const number of [pace.expected, pace.actual, pace.delta, pace.bufferDays ?? 0])
            expect(Number.isFinite(number)).toBe(true);
          if (pace.projectedDate !== null) expect(isCalendarDate(pace.projectedDate)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20260309 },
    );
  });
});
