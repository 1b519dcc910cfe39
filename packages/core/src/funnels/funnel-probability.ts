import type { BetaBelief } from './beta.js';
import { createRandom, sampleBeta, trialOfSuccess } from './sampling.js';

/** Runs of the simulation: enough for a probability good to about a percentage point. */
export const SIMULATION_RUNS = 4000;
/** The simulation is seeded, so the same plan always gets the same probability. */
export const SIMULATION_SEED = 2002;

export interface SimulationOptions {
  runs?: number;
  seed?: number;
}

/**
 * The simulated funnel, reduced to one number a run: the fewest top-of-funnel units with which
 * that run reaches `units` at the last stage. Sorted, ascending.
 *
 * Each run draws every stage's conversion from its belief, then follows the units the way they
 * convert. With the stream of conversions fixed, a unit of the top stage either is or is not on the
 * path to the `units`-th success, so the run succeeds exactly when the top stage has at least its
 * threshold: more activity can only turn failures into successes (common random numbers). The
 * threshold of the last stage is the trial of its `units`-th success; the stage before must then
 * produce that many, and so on up: a composition of negative binomial draws, one per stage.
 *
 * @example
 * successThresholds([{ alpha: 1, beta: 9 }, { alpha: 2, beta: 8 }], 12) // [180, 231, …, Infinity]
 */
export function successThresholds(
  conversions: readonly BetaBelief[],
  units: number,
  { runs = SIMULATION_RUNS, seed = SIMULATION_SEED }: SimulationOptions = {},
): number[] {
  const random = createRandom(seed);
  const thresholds: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const rates = conversions.map((belief) => sampleBeta(random, belief));
    let needed = Math.ceil(units);
    for (let stage = rates.length - 1; stage >= 0 && Number.isFinite(needed); stage -= 1)
      needed = trialOfSuccess(random, needed, rates[stage] ?? 0);
    thresholds.push(needed);
  }
  return thresholds.sort((a, b) => a - b);
}

/**
 * The share of simulated runs that reach the target with `topUnits` units of the first stage.
 * Never lower for more units: it counts the thresholds at or below them.
 *
 * @example probabilityOfReaching([180, 231, 600, 900], 600) // 0.75
 */
export function probabilityOfReaching(thresholds: readonly number[], topUnits: number): number {
  if (thresholds.length === 0) return 0;
  let low = 0;
  let high = thresholds.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((thresholds[middle] ?? Infinity) <= topUnits) low = middle + 1;
    else high = middle;
  }
  return low / thresholds.length;
}

/**
 * The top-of-funnel units that reach the target with the given probability: a quantile of the
 * thresholds. Infinity when no amount of activity gets there that often.
 *
 * @example unitsForProbability([180, 231, 600, 900], 0.5) // 231
 */
export function unitsForProbability(thresholds: readonly number[], probability: number): number {
  if (thresholds.length === 0) return Infinity;
  const index = Math.min(thresholds.length - 1, Math.max(0, Math.ceil(probability * thresholds.length) - 1));
  return thresholds[index] ?? Infinity;
}
