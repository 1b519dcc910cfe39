import { describe, expect, it } from 'vitest';

import { learnConversions, solveFunnel, solveLoggedFunnel } from './learned-conversion.js';
import type { Plan } from './plan.js';

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
const logged = [undefined, { trials: 100, successes: 6 }, { trials: 6, successes: 1 }];

describe('learnConversions', () => {
  it('uses the guess until something is logged, with the wide range of a weak prior', () => {
    const [calls] = learnConversions(seeds, []);
    expect(calls).toMatchObject({ from: 'calls', to: 'appointments', guess: 0.1, learned: null, used: 0.1, trials: 0 });
    expect(calls?.low).toBeLessThan(0.02);
    expect(calls?.high).toBeGreaterThan(0.25);
  });

  it('learns a Beta posterior from 100 calls and 6 appointments: 7 ÷ 110', () => {
    const [calls, appointments] = learnConversions(seeds, logged);
    expect(calls).toMatchObject({
      learned: 0.0636,
      used: 0.0636,
      trials: 100,
      successes: 6,
      belief: { alpha: 7, beta: 103 },
    });
    expect(calls?.low).toBeCloseTo(0.0305, 3);
    expect(calls?.high).toBeCloseTo(0.1058, 3);
    // (2 + 1) ÷ (10 + 6)
    expect(appointments).toMatchObject({ learned: 0.1875, belief: { alpha: 3, beta: 13 } });
  });
});

describe('solveFunnel', () => {
  it('after 100 calls, 6 appointments and 1 recruit against a 10 % guess, asks for more calls, and says why', () => {
    const before = solveFunnel(seeds, { asOf: '2026-01-05', observations: [] });
    expect(before.stages[0]?.perDay).toBe(10);
    expect(before.notes).toEqual([]);

    const after = solveFunnel(seeds, { asOf: '2026-01-19', achieved: 1, observations: logged });
    // 11 recruits in 10 weeks at 18.75 % and 6.36 %: 1.1 ÷ 0.1875 ÷ (7 ÷ 110) = 92.19 calls a week.
    expect(after.stages[0]?.perWeek).toBeCloseTo(92.1905, 3);
    expect(after.stages[0]?.perDay).toBeCloseTo(18.44, 2);
    expect(after.stages[0]?.perDay).toBeGreaterThan(before.stages[0]?.perDay ?? Infinity);
    expect(after.notes).toEqual([
      '100 calls gave 6 appointments: the plan uses 6.4% (90% range 3.1% to 10.6%) instead of your guess of 10%.',
      '6 appointments gave 1 recruit: the plan uses 18.8% (90% range 5.7% to 36.3%) instead of your guess of 20%.',
      'With what you logged, the plan asks for 18.4 calls a day; your guesses alone asked for 11.',
      'Reached so far: 1 of 12 recruits; the plan covers the 11 left, in 10 weeks from Jan 19, 2026.',
    ]);
  });

  it('asks for more calls on the same window too, when only the conversion changed', () => {
    const guesses = solveFunnel(seeds, { observations: [] }).stages[0]?.perDay ?? 0;
    const learned = solveFunnel(seeds, { observations: logged }).stages[0]?.perDay ?? 0;
    // 1 ÷ 0.1875 ÷ (7 ÷ 110) ÷ 5 = 16.76
    expect(learned).toBeCloseTo(16.7619, 3);
    expect(learned).toBeGreaterThan(guesses);
  });
});

describe('solveLoggedFunnel', () => {
  it('learns from every count logged up to the day, and counts what the last stage reached since the start', () => {
    const logs = [
      [
        { date: '2025-12-20', count: 40 },
        { date: '2026-01-12', count: 60 },
        { date: '2026-01-20', count: 500 },
      ],
      [{ date: '2026-01-14', count: 6 }],
      [
        { date: '2025-12-30', count: 1 },
        { date: '2026-01-16', count: 1 },
      ],
    ];
    const solved = solveLoggedFunnel(seeds, logs, '2026-01-19');
    expect(solved).toEqual(
      solveFunnel(seeds, {
        asOf: '2026-01-19',
        // Calls after the day are not counted; the recruit of December came before the start.
        achieved: 1,
        observations: [
          { trials: 0, successes: 100 },
          { trials: 100, successes: 6 },
          { trials: 6, successes: 2 },
        ],
      }),
    );
    expect(solveLoggedFunnel(seeds, [], '2026-01-05')).toEqual(
      solveFunnel(seeds, { asOf: '2026-01-05', achieved: 0, observations: [] }),
    );
  });
});
