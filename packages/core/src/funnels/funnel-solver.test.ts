import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addDays } from '../time/calendar-date.js';
import { solvePlan, type Tradeoff } from './funnel-solver.js';
import { planSchema, type Plan } from './plan.js';

/** The seeds' example: 12 recruits in 12 weeks, calls → appointments at 10 %, → recruits at 20 %. */
const seeds: Plan = {
  hoursPerWeek: 10,
  workdaysPerWeek: 5,
  goal: { target: 12, unit: 'recruits', start: '2026-01-05', deadline: '2026-03-30' },
  stages: [
    { activity: 'calls', minutesPerUnit: 6 },
    { activity: 'appointments', minutesPerUnit: 45, conversionFromPrevious: 0.1 },
    { activity: 'recruits', minutesPerUnit: 60, conversionFromPrevious: 0.2 },
  ],
};

const fast = { runs: 400 };

describe('solvePlan, against hand-worked examples', () => {
  it("finds the seeds' 10 calls a day, 5 appointments and 1 recruit a week, 9.75 h, feasible at 10 h", () => {
    const solution = solvePlan(seeds);
    expect(solution.stages).toEqual([
      { activity: 'calls', perWeek: 50, perDay: 10, total: 600, hoursPerWeek: 5 },
      { activity: 'appointments', perWeek: 5, perDay: 1, total: 60, hoursPerWeek: 3.75 },
      { activity: 'recruits', perWeek: 1, perDay: 0.2, total: 12, hoursPerWeek: 1 },
    ]);
    expect(solution).toMatchObject({ feasible: true, hoursPerWeek: 9.75, hoursAvailable: 10, tradeoffs: [] });
    expect(solution.window).toEqual({ start: '2026-01-05', deadline: '2026-03-30', weeks: 12 });
  });

  it('is not feasible at 8 h, and prices each trade-off that would make it fit', () => {
    const solution = solvePlan({ ...seeds, hoursPerWeek: 8 });
    expect(solution.feasible).toBe(false);
    expect(solution.tradeoffs.map(({ description: _description, ...numbers }) => numbers)).toEqual([
      // 84 days × 9.75 ÷ 8 = 102.4, so 103 days
      { kind: 'later-deadline', deadline: '2026-04-18', weeks: 14.7 },
      // the calls' 5 h scale with 1 ÷ conversion; the 4.75 h below stay: 0.1 × 5 ÷ (8 − 4.75) = 0.1538…
      { kind: 'better-conversion', from: 'calls', to: 'appointments', conversion: 0.154 },
      // 0.2 × 8.75 ÷ (8 − 1) = 0.25
      { kind: 'better-conversion', from: 'appointments', to: 'recruits', conversion: 0.25 },
      { kind: 'more-hours', hoursPerWeek: 9.75 },
      // 12 × 8 ÷ 9.75 = 9.8, so 9
      { kind: 'lower-target', target: 9 },
    ]);
    expect(solution.tradeoffs[0]?.description).toBe(
      'Move the deadline to Apr 18, 2026: 14.7 weeks instead of 12 weeks.',
    );
    expect(solution.atHoursAvailable?.perDay).toBeCloseTo(8.2051, 4);
  });

  it('turns a money target into units of the last stage with the value per unit', () => {
    const freelancer: Plan = {
      hoursPerWeek: 5,
      workdaysPerWeek: 4,
      goal: { target: 12_000, unit: 'USD', start: '2026-01-05', deadline: '2026-03-02', valuePerUnit: 3000 },
      stages: [
        { activity: 'emails', minutesPerUnit: 10 },
        { activity: 'proposals', minutesPerUnit: 120, conversionFromPrevious: 0.25 },
        { activity: 'projects', minutesPerUnit: 0, conversionFromPrevious: 0.5 },
      ],
    };
    // 4 projects in 8 weeks: 0.5 a week; 1 proposal a week; 4 emails a week, 1 a working day.
    const solution = solvePlan(freelancer);
    expect(solution.stages.map(({ perWeek, perDay }) => [perWeek, perDay])).toEqual([
      [4, 1],
      [1, 0.25],
      [0.5, 0.125],
    ]);
    // 4 × 10 min + 1 × 120 min = 160 min
    expect(solution.hoursPerWeek).toBeCloseTo(2.6667, 4);
    expect(solution.outcome).toMatchObject({ units: 4, remaining: 12_000, valuePerUnit: 3000 });
  });

  it('lowers a money target to whole units of value: 2 projects of 3000, not 6750 USD', () => {
    const freelancer: Plan = {
      hoursPerWeek: 1.5,
      workdaysPerWeek: 4,
      goal: { target: 12_000, unit: 'USD', start: '2026-01-05', deadline: '2026-03-02', valuePerUnit: 3000 },
      stages: [
        { activity: 'emails', minutesPerUnit: 10 },
        { activity: 'proposals', minutesPerUnit: 120, conversionFromPrevious: 0.25 },
        { activity: 'projects', minutesPerUnit: 0, conversionFromPrevious: 0.5 },
      ],
    };
    // 4 projects take 2.67 h a week; 1.5 h carry 4 × 1.5 ÷ 2.67 = 2.25 of them: 2 projects, 6000 USD.
    const lower = solvePlan(freelancer, fast).tradeoffs.find((tradeoff) => tradeoff.kind === 'lower-target');
    expect(lower).toEqual({ kind: 'lower-target', target: 6000, description: 'Aim for 6,000 USD instead of 12,000.' });
    // With one project won, 3 are left and take 2 h: 1.5 h carry 2.25 of them, 2 more: 9000 USD in all.
    const later = solvePlan(freelancer, { ...fast, achieved: 1 });
    expect(later.hoursPerWeek).toBe(2);
    expect(later.tradeoffs.find((tradeoff) => tradeoff.kind === 'lower-target')).toMatchObject({ target: 9000 });
  });

  it('plans with the rate of the first stage planned: its stages, hours and verdict, not only its chance', () => {
    // 8 calls a day: 40 a week, 4 appointments, 0.8 recruits; 4 h + 3 h + 0.8 h = 7.8 h.
    const slower = solvePlan({ ...seeds, hoursPerWeek: 8 }, { ...fast, plannedTopPerDay: 8 });
    expect(slower.stages.map(({ perDay, perWeek, total }) => [perDay, perWeek, total])).toEqual([
      [8, 40, 480],
      [0.8, 4, 48],
      [0.16, 0.8, 9.6],
    ]);
    expect(slower).toMatchObject({ feasible: true, hoursPerWeek: 7.8, tradeoffs: [] });
    expect(slower.outcome).toMatchObject({ units: 12, expected: 9.6 });
    expect(slower.planned).toMatchObject({ perDay: 8, hoursPerWeek: 7.8 });

    // 15 calls a day take 14.63 h: more than 10, though the 10 calls needed fit.
    const faster = solvePlan(seeds, { ...fast, plannedTopPerDay: 15 });
    expect(faster).toMatchObject({ feasible: false, hoursPerWeek: 14.625, tradeoffs: [] });
    expect(faster.outcome.expected).toBe(18);

    // The rate needed, planned, is the plan itself.
    const needed = solvePlan({ ...seeds, hoursPerWeek: 8 }, { ...fast, plannedTopPerDay: 10 });
    const plain = solvePlan({ ...seeds, hoursPerWeek: 8 }, fast);
    expect(needed).toEqual(plain);
    expect(plain.outcome.expected).toBe(12);
  });

  it('plans what is left from the as-of day', () => {
    const solution = solvePlan(seeds, { asOf: '2026-01-19', achieved: 2 });
    // 10 recruits in 10 weeks: still 1 a week.
    expect(solution.window).toMatchObject({ start: '2026-01-19', weeks: 10 });
    expect(solution.stages[0]).toMatchObject({ perDay: 10, total: 500 });
    expect(solution.outcome).toMatchObject({ achieved: 2, remaining: 10 });
    expect(solvePlan(seeds, { asOf: '2025-12-01' }).window.start).toBe('2026-01-05');
  });

  it('asks for nothing more once the target is reached, with certainty', () => {
    const solution = solvePlan(seeds, { asOf: '2026-02-02', achieved: 12 });
    expect(solution).toMatchObject({ feasible: true, hoursPerWeek: 0, probability: 1 });
  });

  it('refuses to plan after the deadline, naming the deadline', () => {
    expect(() => solvePlan(seeds, { asOf: '2026-03-30' })).toThrow(
      expect.objectContaining({ code: 'invalid-input', field: 'deadline' }),
    );
  });

  it('gives the same probability every time, and a higher one for more calls', () => {
    expect(solvePlan(seeds).probability).toBe(solvePlan(seeds).probability);
    const probability = (perDay: number) => solvePlan(seeds, { plannedTopPerDay: perDay }).probability;
    expect(probability(10)).toBeGreaterThan(0.2);
    expect(probability(10)).toBeLessThan(0.6);
    expect(probability(20)).toBeGreaterThan(probability(10));
    expect(probability(0)).toBe(0);
  });

  it('is almost sure of a plan whose conversions are known well, at a rate with room to spare', () => {
    const known = [null, { alpha: 1000, beta: 9000 }, { alpha: 2000, beta: 8000 }];
    expect(solvePlan(seeds, { beliefs: known, plannedTopPerDay: 18 }).probability).toBeGreaterThan(0.95);
    expect(solvePlan(seeds, { beliefs: known, plannedTopPerDay: 5 }).probability).toBeLessThan(0.05);
  });
});

const planArbitrary = fc
  .record({
    hoursPerWeek: fc.integer({ min: 0, max: 60 }),
    workdaysPerWeek: fc.integer({ min: 1, max: 7 }),
    target: fc.integer({ min: 1, max: 200 }),
    days: fc.integer({ min: 7, max: 365 }),
    stages: fc.array(
      fc.record({
        minutes: fc.integer({ min: 0, max: 120 }),
        conversion: fc.double({ min: 0.02, max: 1, noNaN: true }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ hoursPerWeek, workdaysPerWeek, target, days, stages }): Plan =>
    planSchema.parse({
      hoursPerWeek,
      workdaysPerWeek,
      goal: { target, unit: 'units', start: '2026-01-05', deadline: addDays('2026-01-05', days) },
      stages: stages.map(({ minutes, conversion }, index) => ({
        activity: `stage ${index}`,
        minutesPerUnit: minutes,
        ...(index > 0 && { conversionFromPrevious: conversion }),
      })),
    }),
  );

function apply(plan: Plan, tradeoff: Tradeoff): Plan {
  switch (tradeoff.kind) {
    case 'later-deadline':
      return { ...plan, goal: { ...plan.goal, deadline: tradeoff.deadline } };
    case 'more-hours':
      return { ...plan, hoursPerWeek: tradeoff.hoursPerWeek };
    case 'lower-target':
      return { ...plan, goal: { ...plan.goal, target: tradeoff.target } };
    case 'better-conversion':
      return {
        ...plan,
        stages: plan.stages.map((stage) =>
          stage.activity === tradeoff.to ? { ...stage, conversionFromPrevious: tradeoff.conversion } : stage,
        ),
      };
  }
}

const valuedPlanArbitrary = fc
  .record({ plan: planArbitrary, value: fc.integer({ min: 1, max: 5000 }), achieved: fc.integer({ min: 0, max: 5 }) })
  .map(({ plan, value, achieved }) => ({
    plan: { ...plan, goal: { ...plan.goal, target: plan.goal.target * value, valuePerUnit: value } },
    achieved,
  }));

describe('solvePlan, its invariants', () => {
  it('lowers a target by whole units of its value, to one that fits', () => {
    fc.assert(
      fc.property(valuedPlanArbitrary, ({ plan, achieved }) => {
        const solution = solvePlan(plan, { ...fast, achieved });
        const value = plan.goal.valuePerUnit ?? 1;
        for (const tradeoff of solution.tradeoffs) {
          if (tradeoff.kind !== 'lower-target') continue;
          const units = tradeoff.target / value;
          expect(Math.abs(units - Math.round(units))).toBeLessThan(1e-6);
          expect(tradeoff.target).toBeGreaterThan(achieved * value);
          expect(tradeoff.target).toBeLessThan(plan.goal.target);
          expect(solvePlan(apply(plan, tradeoff), { ...fast, achieved }).feasible).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('shows the stages and the hours of a planned rate, fitting when those hours do', () => {
    fc.assert(
      fc.property(planArbitrary, fc.double({ min: 0, max: 100, noNaN: true }), (plan, perDay) => {
        const solution = solvePlan(plan, { ...fast, plannedTopPerDay: perDay });
        expect(solution.stages[0]?.perDay).toBeCloseTo(perDay, 3);
        const sum = solution.stages.reduce((total, stage) => total + stage.hoursPerWeek, 0);
        expect(solution.hoursPerWeek).toBeCloseTo(sum, 3);
        expect(solution.hoursPerWeek).toBeCloseTo(solution.planned.hoursPerWeek, 3);
        expect(solution.feasible).toBe(solution.hoursPerWeek <= plan.hoursPerWeek + 1e-4);
        expect(solution.outcome.expected).toBeCloseTo(solution.stages.at(-1)?.total ?? 0, 3);
      }),
      { numRuns: 60 },
    );
  });

  it('never makes a feasible plan infeasible with more hours', () => {
    fc.assert(
      fc.property(planArbitrary, fc.integer({ min: 0, max: 40 }), (plan, extra) => {
        fc.pre(solvePlan(plan, fast).feasible);
        expect(solvePlan({ ...plan, hoursPerWeek: plan.hoursPerWeek + extra }, fast).feasible).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('never asks for more top-of-funnel activity when a conversion gets better', () => {
    fc.assert(
      fc.property(planArbitrary, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (plan, pick, share) => {
        fc.pre(plan.stages.length > 1);
        const index = 1 + (pick % (plan.stages.length - 1));
        const better = plan.stages.map((stage, at) => {
          if (at !== index) return stage;
          const current = stage.conversionFromPrevious ?? 1;
          return { ...stage, conversionFromPrevious: current + (1 - current) * share };
        });
        const before = solvePlan(plan, fast).stages[0]?.perWeek ?? 0;
        const after = solvePlan({ ...plan, stages: better }, fast).stages[0]?.perWeek ?? 0;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('never lowers the probability for more activity', () => {
    fc.assert(
      fc.property(
        planArbitrary,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (plan, a, b) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          expect(solvePlan(plan, { ...fast, plannedTopPerDay: more }).probability).toBeGreaterThanOrEqual(
            solvePlan(plan, { ...fast, plannedTopPerDay: less }).probability,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('adds the hours of its stages, and makes the plan fit with each trade-off it offers', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const solution = solvePlan(plan, fast);
        const sum = solution.stages.reduce((total, stage) => total + stage.hoursPerWeek, 0);
        expect(solution.hoursPerWeek).toBeCloseTo(sum, 3);
        if (solution.feasible) expect(solution.hoursPerWeek).toBeLessThanOrEqual(plan.hoursPerWeek + 1e-4);
        else expect(solution.hoursPerWeek).toBeGreaterThanOrEqual(plan.hoursPerWeek - 1e-4);
        for (const tradeoff of solution.tradeoffs) expect(solvePlan(apply(plan, tradeoff), fast).feasible).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
