import { formatAmount, formatPercent, type FunnelSolveResult, type PlanSolution } from '@bigrock/core';

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

const percent = (rate: number) => formatPercent(rate).replace(' ', '');

export function printSolution(io: CliIo, solution: PlanSolution | FunnelSolveResult): void {
  const { outcome, window } = solution;
  const money =
    outcome.valuePerUnit === null
      ? ''
      : ` (${formatAmount(outcome.units)} at ${formatAmount(outcome.valuePerUnit)} each)`;
  io.out(
    `${formatAmount(outcome.remaining)} ${outcome.unit}${money} by ${window.deadline}: ` +
      `${formatAmount(window.weeks, 1)} weeks from ${window.start}\n`,
  );
  printTable(io, [
    ['STAGE', 'A DAY', 'A WEEK', 'HOURS A WEEK'],
    ...solution.stages.map(({ activity, perDay, perWeek, hoursPerWeek }) => [
      activity,
      formatAmount(perDay, 1),
      formatAmount(perWeek, 1),
      formatAmount(hoursPerWeek),
    ]),
  ]);
  const hours = `${formatAmount(solution.hoursPerWeek)} h a week`;
  io.out(
    solution.feasible
      ? `Fits: it takes ${hours} of your ${formatAmount(solution.hoursAvailable)} h.\n`
      : `Does not fit: it takes ${hours}, you have ${formatAmount(solution.hoursAvailable)} h. To make it fit:\n`,
  );
  for (const tradeoff of solution.tradeoffs) io.out(`  - ${tradeoff.description}\n`);
  io.out(`Chance of reaching it by ${window.deadline} at this rate: ${percent(solution.probability)}.\n`);
  if ('conversions' in solution) {
    for (const conversion of solution.conversions) {
      const learned =
        conversion.learned === null
          ? 'nothing logged yet'
          : `learned ${percent(conversion.learned)} from ${formatAmount(conversion.trials)} ${conversion.from}`;
      io.out(
        `  ${conversion.from} → ${conversion.to}: guess ${percent(conversion.guess)}, ${learned}, ` +
          `90 % range ${percent(conversion.low)} to ${percent(conversion.high)}\n`,
      );
    }
    for (const note of solution.notes) io.out(`${note}\n`);
  }
}
