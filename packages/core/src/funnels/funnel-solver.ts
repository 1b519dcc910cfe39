import { AppError } from '../errors/app-error.js';
import { addDays, daysBetween, LATEST_DATE, type CalendarDate } from '../time/calendar-date.js';
import { beliefFromGuess, betaMean, type BetaBelief } from './beta.js';
import { probabilityOfReaching, successThresholds, type SimulationOptions } from './funnel-probability.js';
import { formatDate } from '../format/format-date.js';
import { formatNumber, formatPercent } from '../format/format-number.js';
import { formatQuantity } from '../format/format-quantity.js';
import type { Plan } from './plan.js';

/** What one stage must do for the plan to reach its target. */
export interface StageRate {
  activity: string;
  perWeek: number;
  /** perWeek ÷ working days a week. */
  perDay: number;
  /** Units over the whole window. */
  total: number;
  hoursPerWeek: number;
}

/** A way to make a plan that does not fit fit, with its numbers. */
export type Tradeoff =
  | { kind: 'later-deadline'; deadline: CalendarDate; weeks: number; description: string }
  | { kind: 'better-conversion'; from: string; to: string; conversion: number; description: string }
  | { kind: 'more-hours'; hoursPerWeek: number; description: string }
  | { kind: 'lower-target'; target: number; description: string };

export const tradeoffKinds = ['later-deadline', 'better-conversion', 'more-hours', 'lower-target'] as const;

export interface PlanSolution {
  /** Whether the hours the stages take fit in the hours available. */
  feasible: boolean;
  /** Hours a week the stages' rates take: Σ perWeek × minutes per unit ÷ 60. */
  hoursPerWeek: number;
  hoursAvailable: number;
  /** The rates the target needs; with a planned rate of the first stage, the rates it brings. */
  stages: StageRate[];
  /** What would make the target fit the hours; empty when the plan fits. */
  tradeoffs: Tradeoff[];
  /** The chance of reaching the target by the deadline at the planned rate (0 to 1). */
  probability: number;
  /** The window planned: from the start (or the as-of day, to plan what is left) to the deadline. */
  window: { start: CalendarDate; deadline: CalendarDate; weeks: number };
  outcome: {
    target: number;
    unit: string;
    valuePerUnit: number | null;
    /** Units of the last stage reached before the window. */
    achieved: number;
    /** What is left of the target, in its own unit (money when valuePerUnit is set). */
    remaining: number;
    /** Units of the last stage still needed: remaining ÷ valuePerUnit. */
    units: number;
    /**
     * Units of the last stage the stages' rates bring by the deadline, on average: `units`, unless
     * another rate of the first stage is planned.
     */
    expected: number;
  };
  /** The first stage's rate simulated for `probability`: the required one unless another is planned. */
  planned: { perDay: number; hoursPerWeek: number; probability: number };
  /** The first stage's rate that the hours available allow, and its chance; null when the plan takes no time. */
  atHoursAvailable: { perDay: number; probability: number } | null;
}

export interface SolveOptions extends SimulationOptions {
  /** Plan from this day on, for what is left of the target; the goal's start when earlier. */
  asOf?: CalendarDate;
  /** Units of the last stage already reached. */
  achieved?: number;
  /** What is believed about each stage's conversion (index i: from stage i − 1 to i); the guesses otherwise. */
  beliefs?: ReadonlyArray<BetaBelief | null | undefined>;
  /**
   * Plan this rate of the first stage, per working day, instead of the required one: the stages,
   * the hours, the verdict and the probability are then those of this rate.
   */
  plannedTopPerDay?: number;
}

const EPSILON = 1e-9;
/** A what-if rate of the first stage beyond this many a day is clamped to it: no one does more. */
const MAX_PLANNED_PER_DAY = 1e12;
const finiteOr = (value: number | undefined, fallback: number) =>
  value !== undefined && Number.isFinite(value) ? value : fallback;
// Beyond 2^53 a double has no fractional digits left to round, and scaling it up could overflow.
const roundTo = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.abs(value) >= Number.MAX_SAFE_INTEGER ? value : Math.round(value * factor) / factor;
};
const ceilTo = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.abs(value) >= Number.MAX_SAFE_INTEGER ? value : Math.ceil(value * factor - EPSILON) / factor;
};

/**
 * The belief the solver plans each stage's conversion with: the one given, or the guess's prior;
 * null for the first stage, which converts from nothing.
 *
 * @example stageBeliefs(seedsPlan) // [null, { alpha: 1, beta: 9 }, { alpha: 2, beta: 8 }]
 */
export function stageBeliefs(plan: Plan, beliefs: SolveOptions['beliefs'] = []): Array<BetaBelief | null> {
  return plan.stages.map((stage, index) => {
    if (index === 0) return null;
    return beliefs[index] ?? beliefFromGuess(stage.conversionFromPrevious ?? 1);
  });
}

/**
 * Works a funnel backward from the outcome to the activity it takes: the last stage needs the
 * target (÷ value per unit) over the weeks to the deadline; each stage before it needs the next
 * stage's rate ÷ the conversion between them; each rate costs rate × minutes per unit. Feasible
 * when those hours fit the hours available; otherwise the trade-offs say what would make them fit.
 *
 * @example
 * solvePlan(seedsPlan) // 12 recruits in 12 weeks at 10 % and 20 %:
 * // { feasible: true, hoursPerWeek: 9.75, stages: [{ activity: 'calls', perWeek: 50, perDay: 10 },
 * //   { activity: 'appointments', perWeek: 5, perDay: 1 }, { activity: 'recruits', perWeek: 1, perDay: 0.2 }], … }
 */
export function solvePlan(plan: Plan, options: SolveOptions = {}): PlanSolution {
  const { goal, stages, workdaysPerWeek, hoursPerWeek: hoursAvailable } = plan;
  const windowStart = options.asOf !== undefined && options.asOf > goal.start ? options.asOf : goal.start;
  const days = daysBetween(windowStart, goal.deadline);
  if (days <= 0) {
    throw new AppError(
      'invalid-input',
      `deadline: ${goal.deadline} leaves no time after ${windowStart}; move the deadline later to plan what is left.`,
      { field: 'deadline' },
    );
  }
  const weeks = days / 7;
  const value = goal.valuePerUnit ?? 1;
  // Options come from code (logs, a what-if slider), not from a schema: anything not finite is left out.
  const achieved = finiteOr(options.achieved, 0) > 0 ? finiteOr(options.achieved, 0) : 0;
  const remaining = Math.max(goal.target - achieved * value, 0);
  const units = remaining / value;

  const beliefs = stageBeliefs(plan, options.beliefs);
  const conversions = beliefs.map((belief) => (belief === null ? 1 : betaMean(belief)));

  // Backward: the last stage's rate, then each stage before it divided by the conversion into the next.
  const perWeek: number[] = new Array<number>(stages.length).fill(0);
  perWeek[stages.length - 1] = units / weeks;
  for (let index = stages.length - 1; index > 0; index -= 1)
    perWeek[index - 1] = (perWeek[index] ?? 0) / (conversions[index] ?? 1);
  const hoursOf = (rates: readonly number[]) =>
    stages.map((stage, index) => ((rates[index] ?? 0) * stage.minutesPerUnit) / 60);
  const stageHours = hoursOf(perWeek);
  const hoursNeeded = stageHours.reduce((total, hours) => total + hours, 0);

  // Forward, for a rate of the first stage other than the required one.
  const ratesFromTop = (topPerWeek: number) => {
    let rate = topPerWeek;
    return stages.map((_stage, index) => {
      if (index > 0) rate *= conversions[index] ?? 1;
      return rate;
    });
  };
  const hoursAtTopRate = (topPerWeek: number) =>
    hoursOf(ratesFromTop(topPerWeek)).reduce((total, hours) => total + hours, 0);

  const thresholds = successThresholds(
    beliefs.filter((belief): belief is BetaBelief => belief !== null),
    Math.ceil(units - EPSILON),
    options,
  );
  const topUnits = (topPerWeek: number) => Math.floor(topPerWeek * weeks + EPSILON);
  const requiredTop = perWeek[0] ?? 0;
  const plannedTopPerWeek =
    options.plannedTopPerDay === undefined || !Number.isFinite(options.plannedTopPerDay)
      ? requiredTop
      : Math.min(Math.max(options.plannedTopPerDay, 0), MAX_PLANNED_PER_DAY) * workdaysPerWeek;
  const plannedProbability = probabilityOfReaching(thresholds, topUnits(plannedTopPerWeek));
  // What the plan shows: the required rates, or those the planned rate brings, with their hours.
  const shownRates = options.plannedTopPerDay === undefined ? perWeek : ratesFromTop(plannedTopPerWeek);
  const shownHours = hoursOf(shownRates);
  const hoursShown = shownHours.reduce((total, hours) => total + hours, 0);
  const feasible = hoursShown <= hoursAvailable + EPSILON;
  // The levers make the target fit the hours: offered when neither the planned rate nor the required one fits.
  const requiredFits = hoursNeeded <= hoursAvailable + EPSILON;

  let atHoursAvailable: PlanSolution['atHoursAvailable'] = null;
  const hoursPerTopUnit = requiredTop > 0 ? hoursNeeded / requiredTop : hoursAtTopRate(1);
  if (hoursPerTopUnit > 0) {
    const topPerWeek = hoursAvailable / hoursPerTopUnit;
    atHoursAvailable = {
      perDay: roundTo(topPerWeek / workdaysPerWeek, 4),
      probability: roundTo(probabilityOfReaching(thresholds, topUnits(topPerWeek)), 3),
    };
  }

  return {
    feasible,
    hoursPerWeek: roundTo(hoursShown, 4),
    hoursAvailable,
    stages: stages.map((stage, index) => ({
      activity: stage.activity,
      perWeek: roundTo(shownRates[index] ?? 0, 4),
      perDay: roundTo((shownRates[index] ?? 0) / workdaysPerWeek, 4),
      total: roundTo((shownRates[index] ?? 0) * weeks, 4),
      hoursPerWeek: roundTo(shownHours[index] ?? 0, 4),
    })),
    tradeoffs:
      feasible || requiredFits
        ? []
        : tradeoffsFor({ plan, windowStart, days, stageHours, hoursNeeded, conversions, achieved, remaining }),
    probability: roundTo(plannedProbability, 3),
    window: { start: windowStart, deadline: goal.deadline, weeks: roundTo(weeks, 4) },
    outcome: {
      target: goal.target,
      unit: goal.unit,
      valuePerUnit: goal.valuePerUnit ?? null,
      achieved,
      remaining: roundTo(remaining, 4),
      units: roundTo(units, 4),
      expected: roundTo((shownRates.at(-1) ?? 0) * weeks, 4),
    },
    planned: {
      perDay: roundTo(plannedTopPerWeek / workdaysPerWeek, 4),
      hoursPerWeek: roundTo(hoursAtTopRate(plannedTopPerWeek), 4),
      probability: roundTo(plannedProbability, 3),
    },
    atHoursAvailable,
  };
}

interface TradeoffContext {
  plan: Plan;
  windowStart: CalendarDate;
  days: number;
  stageHours: number[];
  hoursNeeded: number;
  conversions: number[];
  achieved: number;
  remaining: number;
}

/**
 * Each lever on its own, with the number that makes the plan fit, rounded so that it does fit:
 * the hours scale with 1 ÷ weeks, with 1 ÷ the conversion for the stages above it, and with the target.
 */
function tradeoffsFor(context: TradeoffContext): Tradeoff[] {
  const { plan, windowStart, days, stageHours, hoursNeeded, conversions, achieved, remaining } = context;
  const { goal, stages, hoursPerWeek: available } = plan;
  const tradeoffs: Tradeoff[] = [];
  const hours = (value: number) => `${formatNumber(value)} h`;

  // A deadline past the calendar Bigrock knows is no lever: the plan does not fit in any lifetime.
  const longer = available > 0 ? Math.ceil((days * hoursNeeded) / available - EPSILON) : Infinity;
  if (longer <= daysBetween(windowStart, LATEST_DATE)) {
    const deadline = addDays(windowStart, longer);
    tradeoffs.push({
      kind: 'later-deadline',
      deadline,
      weeks: roundTo(longer / 7, 1),
      description: `Move the deadline to ${formatDate(deadline)}: ${formatQuantity(longer / 7, 'weeks', 1)} instead of ${formatQuantity(days / 7, 'weeks', 1)}.`,
    });
  }

  for (let index = 1; index < stages.length; index += 1) {
    const above = stageHours.slice(0, index).reduce((total, value) => total + value, 0);
    const below = hoursNeeded - above;
    if (above <= 0 || available <= below + EPSILON) continue;
    const current = conversions[index] ?? 1;
    const needed = ceilTo((current * above) / (available - below), 3);
    if (needed > 1) continue;
    const from = stages[index - 1]?.activity ?? '';
    const to = stages[index]?.activity ?? '';
    tradeoffs.push({
      kind: 'better-conversion',
      from,
      to,
      conversion: needed,
      description: `Turn ${formatPercent(needed)} of ${from} into ${to} instead of ${formatPercent(current)}.`,
    });
  }

  const moreHours = ceilTo(hoursNeeded, 2);
  tradeoffs.push({
    kind: 'more-hours',
    hoursPerWeek: moreHours,
    description: `Give it ${hours(moreHours)} a week instead of ${hours(available)}.`,
  });

  if (available > 0) {
    // Whole units of the last stage, in money when each brings a value: 2 projects of 3000 make
    // 6000 USD, a target one can reach; 5622 USD is not.
    const value = goal.valuePerUnit ?? 1;
    const reached = goal.target - remaining;
    const units = Math.floor(((remaining / value) * available) / hoursNeeded + EPSILON);
    const target = roundTo(reached + units * value, 4);
    if (units > 0 && target < goal.target)
      tradeoffs.push({
        kind: 'lower-target',
        target,
        description: `Aim for ${formatQuantity(target, goal.unit)} instead of ${formatNumber(goal.target)}${
          achieved > 0 ? ` (${formatNumber(reached)} reached so far)` : ''
        }.`,
      });
  }
  return tradeoffs;
}
