import { beliefFromGuess, betaMean, credibleInterval, updateBelief, type BetaBelief } from './beta.js';
import { formatDate } from '../format/format-date.js';
import { formatNumber, formatPercent } from '../format/format-number.js';
import { formatQuantity } from '../format/format-quantity.js';
import { solvePlan, type PlanSolution, type SolveOptions } from './funnel-solver.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { Plan } from './plan.js';

/** What was logged for one step of a funnel: units of the stage before (trials) and of the stage (successes). */
export interface StageObservation {
  trials: number;
  successes: number;
}

/** One conversion of a funnel: the guess, what the data says, and the rate the plan uses. */
export interface LearnedConversion {
  from: string;
  to: string;
  guess: number;
  /** The posterior mean; null while nothing is logged for the stage before. */
  learned: number | null;
  /** The 90 % credible interval of the posterior (of the guess alone while nothing is logged). */
  low: number;
  high: number;
  trials: number;
  successes: number;
  /** The rate the solver plans with: learned when there is data, else the guess. */
  used: number;
  belief: BetaBelief;
}

export interface FunnelSolution extends PlanSolution {
  conversions: LearnedConversion[];
  /** Why the plan says what it says, in sentences: what the data changed and by how much. */
  notes: string[];
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/**
 * Learns each conversion from what was logged: a Beta posterior with the guess as a weak prior
 * (worth 10 trials: α = guess × 10, β = (1 − guess) × 10), plus successes and failures. A stage
 * cannot convert more units than the stage before produced, so successes are capped at the trials.
 *
 * @example
 * learnConversions(plan, [undefined, { trials: 100, successes: 6 }, { trials: 6, successes: 1 }])[0]
 * // { from: 'calls', to: 'appointments', guess: 0.1, learned: 0.0636, low: 0.03, high: 0.1, … }
 */
export function learnConversions(
  plan: Plan,
  observations: ReadonlyArray<StageObservation | undefined>,
): LearnedConversion[] {
  return plan.stages.slice(1).map((stage, offset) => {
    const index = offset + 1;
    const guess = stage.conversionFromPrevious ?? 1;
    const observed = observations[index] ?? { trials: 0, successes: 0 };
    const trials = Math.max(observed.trials, 0);
    const successes = Math.min(Math.max(observed.successes, 0), trials);
    const belief = updateBelief(beliefFromGuess(guess), successes, trials);
    const { low, high } = credibleInterval(belief);
    const mean = betaMean(belief);
    return {
      from: plan.stages[index - 1]?.activity ?? '',
      to: stage.activity,
      guess,
      learned: trials > 0 ? round(mean) : null,
      low: round(low),
      high: round(high),
      trials,
      successes,
      used: round(mean),
      belief,
    };
  });
}

/**
 * Solves a stored funnel: learns the conversions from the logs, plans what is left of the target
 * from `asOf`, and says why the plan differs from the one the guesses alone would give.
 *
 * @example
 * solveFunnel(plan, { asOf: '2026-01-19', achieved: 1, observations: [undefined, { trials: 100, successes: 6 }, …] })
 * // { stages: [{ activity: 'calls', perDay: 18.4 }, …], notes: ['100 calls gave 6 appointments: …'], … }
 */
export function solveFunnel(
  plan: Plan,
  options: Omit<SolveOptions, 'beliefs'> & { observations: ReadonlyArray<StageObservation | undefined> },
): FunnelSolution {
  const { observations, ...solveOptions } = options;
  const conversions = learnConversions(plan, observations);
  const beliefs = [null, ...conversions.map(({ belief }) => belief)];
  const solution = solvePlan(plan, { ...solveOptions, beliefs });
  const notes: string[] = [];

  for (const conversion of conversions) {
    if (conversion.learned === null) continue;
    notes.push(
      `${formatQuantity(conversion.trials, conversion.from)} gave ${formatQuantity(conversion.successes, conversion.to)}: ` +
        `the plan uses ${formatPercent(conversion.used)} (${formatPercent(0.9)} range ${formatPercent(conversion.low)} to ${formatPercent(conversion.high)}) ` +
        `instead of your guess of ${formatPercent(conversion.guess)}.`,
    );
  }
  const top = solution.stages[0];
  if (conversions.some(({ learned }) => learned !== null) && top !== undefined) {
    const atGuesses = solvePlan(plan, { ...solveOptions, runs: 1 }).stages[0];
    if (atGuesses !== undefined && Math.abs(atGuesses.perDay - top.perDay) >= 0.05)
      notes.push(
        `With what you logged, the plan asks for ${formatQuantity(top.perDay, top.activity, 1)} a day; ` +
          `your guesses alone asked for ${formatNumber(atGuesses.perDay, 1)}.`,
      );
  }
  const { outcome, window } = solution;
  if (outcome.achieved > 0)
    notes.push(
      `Reached so far: ${formatNumber(outcome.target - outcome.remaining)} of ${formatQuantity(outcome.target, outcome.unit)}; ` +
        `the plan covers the ${formatNumber(outcome.remaining)} left, in ${formatQuantity(window.weeks, 'weeks', 1)} from ${formatDate(window.start)}.`,
    );
  return { ...solution, conversions, notes };
}

/** A count logged for the activity of a stage, on a day. */
export interface StageLog {
  date: CalendarDate;
  count: number;
}

/**
 * Solves a funnel as of a day from the counts logged for its stages' activities (index i: the
 * logs of stage i's activity): each conversion learns from all the units logged up to that day,
 * and what the last stage reached since the goal's start counts as achieved. The one computation
 * behind a saved funnel's solution and the editor's preview of it, so that both say the same.
 *
 * @example
 * solveLoggedFunnel(plan, [[{ date: '2026-01-12', count: 100 }], [{ date: '2026-01-14', count: 6 }], []], '2026-01-19')
 * // the same as solveFunnel(plan, { asOf: '2026-01-19', achieved: 0, observations: [
 * //   { trials: 0, successes: 100 }, { trials: 100, successes: 6 }, { trials: 6, successes: 0 }] })
 */
export function solveLoggedFunnel(
  plan: Plan,
  stageLogs: ReadonlyArray<ReadonlyArray<StageLog>>,
  asOf: CalendarDate,
  options: Omit<SolveOptions, 'beliefs' | 'asOf' | 'achieved'> = {},
): FunnelSolution {
  const sumOf = (index: number, from?: CalendarDate) =>
    (stageLogs[index] ?? [])
      .filter((log) => log.date <= asOf && (from === undefined || log.date >= from))
      .reduce((total, log) => total + log.count, 0);
  const observations = plan.stages.map((_stage, index) => ({
    trials: index === 0 ? 0 : sumOf(index - 1),
    successes: sumOf(index),
  }));
  const achieved = sumOf(plan.stages.length - 1, plan.goal.start);
  return solveFunnel(plan, { ...options, asOf, achieved, observations });
}
