import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import type { BetaBelief } from './beta.js';

/** A seeded stream of uniform numbers: the same seed gives the same simulation, run after run. */
export interface Random {
  /** A number in [0, 1). */
  uniform(): number;
}

/**
 * A reproducible random stream (xoroshiro128+ from pure-rand).
 *
 * @example createRandom(42).uniform() // the same number every time for seed 42
 */
export function createRandom(seed: number): Random {
  const generator = xoroshiro128plus(seed);
  return { uniform: () => uniformFloat64(generator) };
}

/** A uniform number in (0, 1], safe to take the logarithm of. */
const positiveUniform = (random: Random) => 1 - random.uniform();

/**
 * A standard normal draw (Box–Muller).
 *
 * @example sampleNormal(createRandom(1)) // e.g. -0.43
 */
export function sampleNormal(random: Random): number {
  const radius = Math.sqrt(-2 * Math.log(positiveUniform(random)));
  return radius * Math.cos(2 * Math.PI * random.uniform());
}

/**
 * A Gamma(shape, 1) draw by Marsaglia and Tsang's method (2000); a shape under 1 is boosted by
 * one and scaled back with U^(1/shape).
 *
 * @example sampleGamma(createRandom(1), 3) // mean 3 over many draws
 */
export function sampleGamma(random: Random, shape: number): number {
  if (shape <= 0) return 0;
  if (shape < 1) return sampleGamma(random, shape + 1) * positiveUniform(random) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.uniform();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Beta(alpha, beta) draw, as X / (X + Y) with X, Y Gamma draws.
 *
 * @example sampleBeta(createRandom(1), { alpha: 2, beta: 8 }) // mean 0.2 over many draws
 */
export function sampleBeta(random: Random, { alpha, beta }: BetaBelief): number {
  if (beta <= 0) return 1;
  if (alpha <= 0) return 0;
  const x = sampleGamma(random, alpha);
  const y = sampleGamma(random, beta);
  return x + y > 0 ? x / (x + y) : alpha / (alpha + beta);
}

/** Below this many trials or this mean, the direct methods are quick enough. */
const DIRECT_LIMIT = 16;

/**
 * A Binomial(trials, chance) draw. Large counts split on an order statistic, which is a Beta draw
 * (Knuth, TAOCP 3.4.1), so the cost grows with log(trials), not trials.
 *
 * @example sampleBinomial(createRandom(1), 1000, 0.3) // mean 300 over many draws
 */
export function sampleBinomial(random: Random, trials: number, chance: number): number {
  let count = 0;
  let n = Math.floor(trials);
  let p = chance;
  while (n > DIRECT_LIMIT) {
    if (p <= 0) return count;
    if (p >= 1) return count + n;
    const a = 1 + Math.floor(n / 2);
    const b = n - a + 1;
    // The a-th smallest of n uniforms.
    const x = sampleBeta(random, { alpha: a, beta: b });
    if (x >= p) {
      n = a - 1;
      p /= x;
    } else {
      count += a;
      n = b - 1;
      p = (p - x) / (1 - x);
    }
  }
  for (let index = 0; index < n; index += 1) if (random.uniform() < p) count += 1;
  return count;
}

/**
 * A Poisson(mean) draw. A large mean is walked in Gamma-sized strides of a unit-rate Poisson
 * process (Ahrens and Dieter), then the rest by Knuth's product of uniforms.
 *
 * @example samplePoisson(createRandom(1), 250) // mean 250 over many draws
 */
export function samplePoisson(random: Random, mean: number): number {
  let count = 0;
  let rest = mean;
  while (rest > DIRECT_LIMIT) {
    const m = Math.floor(rest * (7 / 8));
    const arrival = sampleGamma(random, m);
    if (arrival > rest) return count + sampleBinomial(random, m - 1, rest / arrival);
    count += m;
    rest -= arrival;
  }
  const limit = Math.exp(-rest);
  let product = random.uniform();
  while (product > limit) {
    count += 1;
    product *= random.uniform();
  }
  return count;
}

/**
 * The trial on which the `successes`-th success comes, each trial succeeding with `chance`: the
 * successes plus a negative binomial count of failures, drawn as a Gamma–Poisson mixture.
 * Infinity when it would be beyond any plan (a chance near 0).
 *
 * @example trialOfSuccess(createRandom(1), 12, 0.2) // mean 60 over many draws
 */
export function trialOfSuccess(random: Random, successes: number, chance: number): number {
  if (successes <= 0) return 0;
  if (chance >= 1) return successes;
  if (chance <= 0) return Infinity;
  const mean = (sampleGamma(random, successes) * (1 - chance)) / chance;
  if (!Number.isFinite(mean) || mean > 1e15) return Infinity;
  return successes + samplePoisson(random, mean);
}
