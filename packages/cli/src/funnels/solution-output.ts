import {
  formatDate,
  formatNumber,
  formatPercent,
  formatQuantity,
  type FunnelSolveResult,
  type PlanSolution,
} from '@bigrock/core';

import { printTable, type CliIo } from '../cli-context.js';

/** The `--json` contract of `plan solve`. */
export function planSolutionJson(solution: PlanSolution) {
  return {
    feasible: solution.feasible,
    hoursPerWeek: solution.hoursPerWeek,
    hoursAvailable: solution.hoursAvailable,
    stages: solution.stages.map(({ activity, perWeek, perDay, total, hoursPerWeek }) => ({
      activity,
      perWeek,
      perDay,
      total,
      hoursPerWeek,
    })),
    tradeoffs: solution.tradeoffs,
    probability: solution.probability,
    window: solution.window,
    outcome: solution.outcome,
    atHoursAvailable: solution.atHoursAvailable,
  };
}

/** The `--json` contract of `funnel solve`: the same as `plan solve`, plus conversions and notes. */
export function funnelSolutionJson(solution: FunnelSolveResult) {
  return {
    ...planSolutionJson(solution),
    conversions: solution.conversions.map(({ from, to, guess, learned, low, high, trials, successes }) => ({
      from,
      to,
      guess,
      learned,
      low,
      high,
      trials,
      successes,
    })),
    notes: solution.notes,
    asOf: solution.asOf,
  };
}

const percent = (rate: number) => formatPercent(rate);

export function printSolution(io: CliIo, solution: PlanSolution | FunnelSolveResult): void {
  const { outcome, window } = solution;
  const money =
    outcome.valuePerUnit === null
      ? ''
      : ` (${formatNumber(outcome.units)} at ${formatNumber(outcome.valuePerUnit)} each)`;
  io.out(
    `${formatQuantity(outcome.remaining, outcome.unit)}${money} by ${formatDate(window.deadline)}: ` +
      `${formatQuantity(window.weeks, 'weeks', 1)} from ${formatDate(window.start)}\n`,
  );
  printTable(io, [
    ['STAGE', 'A DAY', 'A WEEK', 'HOURS A WEEK'],
    ...solution.stages.map(({ activity, perDay, perWeek, hoursPerWeek }) => [
      activity,
      formatNumber(perDay, 1),
      formatNumber(perWeek, 1),
      formatNumber(hoursPerWeek),
    ]),
  ]);
  const hours = `${formatNumber(solution.hoursPerWeek)} h a week`;
  io.out(
    solution.feasible
      ? `Fits: it takes ${hours} of your ${formatNumber(solution.hoursAvailable)} h.\n`
      : `Does not fit: it takes ${hours}, you have ${formatNumber(solution.hoursAvailable)} h. To make it fit:\n`,
  );
  for (const tradeoff of solution.tradeoffs) io.out(`  - ${tradeoff.description}\n`);
  io.out(`Chance of reaching it by ${formatDate(window.deadline)} at this rate: ${percent(solution.probability)}.\n`);
  if ('conversions' in solution) {
    for (const conversion of solution.conversions) {
      const learned =
        conversion.learned === null
          ? 'nothing logged yet'
          : `learned ${percent(conversion.learned)} from ${formatQuantity(conversion.trials, conversion.from)}`;
      io.out(
        `  ${conversion.from} → ${conversion.to}: guess ${percent(conversion.guess)}, ${learned}, ` +
          `${percent(0.9)} range ${percent(conversion.low)} to ${percent(conversion.high)}\n`,
      );
    }
    for (const note of solution.notes) io.out(`${note}\n`);
  }
}
