import type { PlanSolution } from '@bigrock/core';

import { formatDate, formatNumber, formatPercent } from '../../shared/format';
import { HoursChart } from './HoursChart';

/** Whether the plan fits the hours, shown beside them, with the trade-offs when it does not, and its chance. */
export function FunnelVerdict({ solution, topUnit }: { solution: PlanSolution; topUnit: string }) {
  const { feasible, hoursPerWeek, hoursAvailable, tradeoffs, window, planned, atHoursAvailable, outcome } = solution;
  // A rate of the first stage other than the one needed brings another outcome: say which.
  const value = outcome.valuePerUnit ?? 1;
  const brings = Math.abs(outcome.expected - outcome.units) > 0.005 ? outcome.expected * value : null;
  return (
    <div className="verdict">
      <p
        className={feasible ? 'verdict-line verdict-fits' : 'verdict-line verdict-misses'}
        data-testid="verdict"
        aria-live="polite"
      >
        <strong>{feasible ? 'Fits' : 'Does not fit'}</strong>
        {feasible
          ? `: it takes ${formatNumber(hoursPerWeek)} h a week of your ${formatNumber(hoursAvailable)} h.`
          : `: it takes ${formatNumber(hoursPerWeek)} h a week, and you have ${formatNumber(hoursAvailable)} h.`}
      </p>
      {brings !== null && (
        <p className="verdict-outcome" data-testid="verdict-outcome">
          At {formatNumber(planned.perDay)} {topUnit} a working day, the stages bring about {formatNumber(brings)}{' '}
          {outcome.unit} by {formatDate(window.deadline)}, of the {formatNumber(outcome.remaining)} needed.
        </p>
      )}
      <HoursChart stages={solution.stages} hoursAvailable={hoursAvailable} />
      {tradeoffs.length > 0 && (
        <>
          <h3>To make it fit, one of these</h3>
          <ul className="tradeoffs">
            {tradeoffs.map((tradeoff) => (
              <li key={`${tradeoff.kind}-${'to' in tradeoff ? tradeoff.to : ''}`}>{tradeoff.description}</li>
            ))}
          </ul>
        </>
      )}
      <div className="probability" aria-live="polite">
        <p className="probability-figure">
          <strong data-testid="probability">{formatPercent(solution.probability)}</strong> chance
        </p>
        <p className="muted">
          of reaching the target by {formatDate(window.deadline)} at {formatNumber(planned.perDay)} {topUnit} a working
          day, simulated with the conversions and their uncertainty.
          {atHoursAvailable !== null && !feasible && (
            <>
              {' '}
              The hours you have allow {formatNumber(atHoursAvailable.perDay)} {topUnit} a day:{' '}
              {formatPercent(atHoursAvailable.probability)}.
            </>
          )}
        </p>
      </div>
    </div>
  );
}
