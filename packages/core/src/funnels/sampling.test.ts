import { describe, expect, it } from 'vitest';

import {
  createRandom,
  sampleBeta,
  sampleBinomial,
  sampleGamma,
  samplePoisson,
  trialOfSuccess,
  type Random,
} from './sampling.js';

const DRAWS = 20_000;

function moments(draw: (random: Random) => number, seed = 7) {
  const random = createRandom(seed);
  let sum = 0;
  let squares = 0;
  for (let index = 0; index < DRAWS; index += 1) {
    const value = draw(random);
    sum += value;
    squares += value * value;
  }
  const mean = sum / DRAWS;
  return { mean, variance: squares / DRAWS - mean * mean };
}

describe('the seeded random stream', () => {
  it('repeats itself for the same seed', () => {
    const first = createRandom(42);
    const second = createRandom(42);
    const a = [first.uniform(), first.uniform()];
    expect([second.uniform(), second.uniform()]).toEqual(a);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('the Marsaglia–Tsang gamma sampler', () => {
  it.each([0.3, 1, 3, 50])('has mean and variance equal to its shape %s', (shape) => {
    const { mean, variance } = moments((random) => sampleGamma(random, shape));
    expect(mean).toBeCloseTo(shape, shape < 10 ? 1 : 0);
    expect(variance / shape).toBeGreaterThan(0.93);
    expect(variance / shape).toBeLessThan(1.07);
  });
});

describe('the samplers built on it', () => {
  it('draws Beta rates around α ÷ (α + β)', () => {
    expect(moments((random) => sampleBeta(random, { alpha: 2, beta: 8 })).mean).toBeCloseTo(0.2, 2);
    expect(moments((random) => sampleBeta(random, { alpha: 7, beta: 103 })).mean).toBeCloseTo(7 / 110, 2);
  });

  it('draws Poisson counts with mean and variance λ, small or large', () => {
    for (const lambda of [3, 250, 40_000]) {
      const { mean, variance } = moments((random) => samplePoisson(random, lambda));
      expect(Math.abs(mean - lambda) / lambda).toBeLessThan(0.02);
      expect(variance / lambda).toBeGreaterThan(0.93);
      expect(variance / lambda).toBeLessThan(1.07);
    }
  });

  it('draws binomial counts with mean np and variance np(1 − p)', () => {
    const { mean, variance } = moments((random) => sampleBinomial(random, 1000, 0.3));
    expect(mean).toBeCloseTo(300, 0);
    expect(variance / 210).toBeGreaterThan(0.93);
    expect(variance / 210).toBeLessThan(1.07);
  });

  it('finds the 12th success of a one-in-five chance on trial 60 on average', () => {
    const { mean, variance } = moments((random) => trialOfSuccess(random, 12, 0.2));
    expect(mean).toBeCloseTo(60, 0);
    // A negative binomial: k(1 − p) ÷ p² = 240.
    expect(variance / 240).toBeGreaterThan(0.92);
    expect(variance / 240).toBeLessThan(1.08);
    expect(trialOfSuccess(createRandom(1), 5, 1)).toBe(5);
    expect(trialOfSuccess(createRandom(1), 5, 0)).toBe(Infinity);
  });
});
