import { describe, expect, it } from 'vitest';

import {
  beliefFromGuess,
  betaCdf,
  betaMean,
  betaQuantile,
  credibleInterval,
  logGamma,
  recenterBelief,
  updateBelief,
} from './beta.js';

describe('Beta beliefs about a conversion', () => {
  it('makes a guess a weak prior worth ten trials', () => {
    expect(beliefFromGuess(0.1)).toEqual({ alpha: 1, beta: 9 });
    expect(beliefFromGuess(0.2)).toEqual({ alpha: 2, beta: 8 });
  });

  it('adds successes and failures to the prior, never more successes than trials', () => {
    expect(updateBelief({ alpha: 1, beta: 9 }, 6, 100)).toEqual({ alpha: 7, beta: 103 });
    expect(updateBelief({ alpha: 1, beta: 9 }, 12, 10)).toEqual({ alpha: 11, beta: 9 });
    expect(betaMean({ alpha: 7, beta: 103 })).toBeCloseTo(7 / 110, 12);
  });

  it('keeps the weight of a belief when a what-if moves its mean', () => {
    expect(recenterBelief({ alpha: 7, beta: 103 }, 0.1)).toEqual({ alpha: 11, beta: 99 });
  });
});

describe('the Beta distribution', () => {
  it('has the log-gamma of factorials', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it('has closed forms for uniform and power-law shapes', () => {
    expect(betaCdf({ alpha: 1, beta: 1 }, 0.3)).toBeCloseTo(0.3, 12);
    // Beta(2, 1) has CDF x²; Beta(1, 3) has CDF 1 − (1 − x)³.
    expect(betaCdf({ alpha: 2, beta: 1 }, 0.6)).toBeCloseTo(0.36, 12);
    expect(betaCdf({ alpha: 1, beta: 3 }, 0.2)).toBeCloseTo(1 - 0.8 ** 3, 12);
    expect(betaQuantile({ alpha: 2, beta: 1 }, 0.25)).toBeCloseTo(0.5, 9);
  });

  it('gives a 90 % credible interval that holds 90 % of the belief', () => {
    const belief = { alpha: 7, beta: 103 };
    const { low, high } = credibleInterval(belief);
    expect(betaCdf(belief, low)).toBeCloseTo(0.05, 9);
    expect(betaCdf(belief, high)).toBeCloseTo(0.95, 9);
    expect(low).toBeLessThan(betaMean(belief));
    expect(high).toBeGreaterThan(betaMean(belief));
  });

  it('narrows as data comes in', () => {
    const width = (successes: number, trials: number) => {
      const { low, high } = credibleInterval(updateBelief(beliefFromGuess(0.1), successes, trials));
      return high - low;
    };
    expect(width(60, 1000)).toBeLessThan(width(6, 100));
    expect(width(6, 100)).toBeLessThan(width(0, 0));
  });
});
