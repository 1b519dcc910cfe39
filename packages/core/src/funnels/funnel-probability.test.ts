import { describe, expect, it } from 'vitest';

import { probabilityOfReaching, successThresholds, unitsForProbability } from './funnel-probability.js';

describe('the simulated funnel', () => {
  it('is certain of a funnel of one stage: reached exactly when the units are there', () => {
    const thresholds = successThresholds([], 12, { runs: 50 });
    expect(probabilityOfReaching(thresholds, 11)).toBe(0);
    expect(probabilityOfReaching(thresholds, 12)).toBe(1);
  });

  it('needs about units ÷ conversion at the top when the conversion is well known', () => {
    const thresholds = successThresholds([{ alpha: 20_000, beta: 80_000 }], 100, { runs: 2000 });
    // 100 successes at 20 % take 500 trials on average, with a spread of about 45.
    expect(unitsForProbability(thresholds, 0.5)).toBeGreaterThan(480);
    expect(unitsForProbability(thresholds, 0.5)).toBeLessThan(520);
    expect(probabilityOfReaching(thresholds, 400)).toBeLessThan(0.02);
    expect(probabilityOfReaching(thresholds, 620)).toBeGreaterThan(0.98);
  });

  it('is the same for the same seed and sorted, so that more units never lower the probability', () => {
    const beliefs = [
      { alpha: 1, beta: 9 },
      { alpha: 2, beta: 8 },
    ];
    const thresholds = successThresholds(beliefs, 12, { runs: 500 });
    expect(successThresholds(beliefs, 12, { runs: 500 })).toEqual(thresholds);
    expect([...thresholds].sort((a, b) => a - b)).toEqual(thresholds);
    let previous = 0;
    for (let units = 0; units <= 3000; units += 50) {
      const probability = probabilityOfReaching(thresholds, units);
      expect(probability).toBeGreaterThanOrEqual(previous);
      previous = probability;
    }
  });
});
