import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isAppError } from '../errors/app-error.js';
import { isCalendarDate } from '../time/calendar-date.js';
import { solvePlan } from './funnel-solver.js';
import { solveFunnel } from './learned-conversion.js';
import { planSchema } from './plan.js';

/** Every number in a value, with where it is. */
function numbersIn(value: unknown, path = 'solution'): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  return [];
}

/**
 * Mostly numbers in the range, often its edges, and now and then any double at all (5e-324, 1e308,
 * −0…), which the schema must refuse.
 */
const numberAround = (min: number, max: number, smallestPositive = min) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.double({ min: smallestPositive, max, noNaN: true }) },
    { weight: 12, arbitrary: fc.constantFrom(min, max, smallestPositive) },
    {
      weight: 1,
      arbitrary: fc.oneof(fc.double(), fc.constantFrom(5e-324, 1e-300, 1e300, Number.MAX_VALUE, -0, Infinity)),
    },
  );
const wholeAround = (min: number, max: number) =>
  fc.oneof({ weight: 12, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: numberAround(min, max) });
const day = fc
  .date({ min: new Date('1899-12-25T00:00:00Z'), max: new Date('2400-01-05T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Raw input for the plan schema: most of it within the schema's bounds and edges, some far out. */
const rawPlan = fc
  .record({
    hoursPerWeek: numberAround(0, 168, 0.1),
    workdaysPerWeek: wholeAround(1, 7),
    target: fc.oneof({ weight: 3, arbitrary: wholeAround(1, 1e9) }, { weight: 1, arbitrary: numberAround(0.01, 1e9) }),
    valuePerUnit: fc.option(numberAround(0.01, 1e9), { nil: undefined }),
    start: day,
    days: fc.oneof(
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 1, max: 40_000 }),
      fc.integer({ min: 1, max: 400_000 }),
    ),
    stages: fc.array(fc.record({ minutesPerUnit: numberAround(0, 1440, 0.01), conversion: numberAround(0.001, 1) }), {
      minLength: 1,
      maxLength: 8,
    }),
  })
  .map(({ hoursPerWeek, workdaysPerWeek, target, valuePerUnit, start, days, stages }) => ({
    hoursPerWeek,
    workdaysPerWeek,
    goal: {
      target,
      unit: 'units',
      start,
      deadline: new Date(Date.parse(start) + days * 86_400_000).toISOString().slice(0, 10),
      ...(valuePerUnit !== undefined && { valuePerUnit }),
    },
    stages: stages.map(({ minutesPerUnit, conversion }, index) => ({
      activity: `stage ${index}`,
      minutesPerUnit,
      ...(index > 0 && { conversionFromPrevious: conversion }),
    })),
  }));

const solveOptions = fc.record({
  asOfDays: fc.option(fc.integer({ min: -10, max: 500_000 }), { nil: undefined }),
  achieved: fc.option(fc.oneof(fc.integer({ min: 0, max: 1e7 }), fc.double()), { nil: undefined }),
  plannedTopPerDay: fc.option(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double()), {
    nil: undefined,
  }),
  observations: fc.array(
    fc.record({ trials: fc.integer({ min: 0, max: 10_000_000 }), successes: fc.integer({ min: 0, max: 10_000_000 }) }),
    { maxLength: 8 },
  ),
});

describe('the solver over everything the plan schema accepts', () => {
  it('answers finite numbers and real dates, or a clear verdict, and never throws anything else', () => {
    let solved = 0;
    fc.assert(
      fc.property(rawPlan, solveOptions, (raw, { asOfDays, achieved, plannedTopPerDay, observations }) => {
        const parsed = planSchema.safeParse(raw);
        if (!parsed.success) return;
        const plan = parsed.data;
        const asOf =
          asOfDays === undefined
            ? undefined
            : new Date(Date.parse(plan.goal.start) + asOfDays * 86_400_000).toISOString().slice(0, 10);
        try {
          const solution = solveFunnel(plan, {
            runs: 40,
            asOf: asOf !== undefined && isCalendarDate(asOf) ? asOf : undefined,
            achieved,
            plannedTopPerDay,
            observations: [undefined, ...observations],
          });
          solved += 1;
          for (const [path, value] of numbersIn(solution)) expect(Number.isFinite(value), path).toBe(true);
          expect(solution.probability).toBeGreaterThanOrEqual(0);
          expect(solution.probability).toBeLessThanOrEqual(1);
          for (const tradeoff of solution.tradeoffs)
            if (tradeoff.kind === 'later-deadline') expect(isCalendarDate(tradeoff.deadline)).toBe(true);
          expect(isCalendarDate(solution.window.start) && isCalendarDate(solution.window.deadline)).toBe(true);
        } catch (error) {
          // The one verdict: a day to plan from that leaves no time before the deadline.
          if (!isAppError(error) || error.code !== 'invalid-input' || error.field !== 'deadline') throw error;
        }
      }),
      { numRuns: 400, seed: 20260309 },
    );
    // The property is about plans the schema accepts: enough of them must have been tried.
    expect(solved).toBeGreaterThan(100);
  });

  it('refuses the values that made it fail: 5e-324 hours a week, conversion or value per unit', () => {
    const plan = {
      hoursPerWeek: 10,
      workdaysPerWeek: 5,
      goal: { target: 12, unit: 'recruits', start: '2026-01-05', deadline: '2026-03-30' },
      stages: [
        { activity: 'calls', minutesPerUnit: 6 },
        { activity: 'recruits', minutesPerUnit: 60, conversionFromPrevious: 0.1 },
      ],
    };
    const attempts: Array<[unknown, string]> = [
      [{ ...plan, hoursPerWeek: 5e-324 }, 'hoursPerWeek'],
      [{ ...plan, stages: [plan.stages[0], { ...plan.stages[1], conversionFromPrevious: 5e-324 }] }, 'stages.1'],
      [{ ...plan, goal: { ...plan.goal, valuePerUnit: 5e-324 } }, 'goal.valuePerUnit'],
      [{ ...plan, goal: { ...plan.goal, target: 12.5 } }, 'goal.target'],
      [{ ...plan, workdaysPerWeek: 4.5 }, 'workdaysPerWeek'],
    ];
    for (const [input, path] of attempts) {
      const result = planSchema.safeParse(input);
      expect(result.success, path).toBe(false);
      expect(result.error?.issues[0]?.path.join('.')).toContain(path);
      expect(result.error?.issues[0]?.message).toMatch(/must be/);
    }
  });

  it('leaves out a later deadline that no calendar holds, and still says what else would help', () => {
    const solution = solvePlan(
      {
        hoursPerWeek: 0.1,
        workdaysPerWeek: 5,
        goal: { target: 1e9, unit: 'recruits', start: '2026-01-05', deadline: '2026-01-06' },
        stages: [
          { activity: 'calls', minutesPerUnit: 1440 },
          { activity: 'recruits', minutesPerUnit: 1440, conversionFromPrevious: 0.001 },
        ],
      },
      { runs: 20 },
    );
    expect(solution.feasible).toBe(false);
    expect(solution.tradeoffs.map(({ kind }) => kind)).not.toContain('later-deadline');
    expect(solution.tradeoffs.map(({ kind }) => kind)).toContain('more-hours');
  });
});
