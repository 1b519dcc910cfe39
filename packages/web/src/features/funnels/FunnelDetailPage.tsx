import {
  FOLLOW_GOAL_FIELDS,
  funnelGoalDrift,
  recenterBelief,
  solvePlan,
  type FunnelAim,
  type FunnelSolveResult,
} from '@bigrock/core';
import { useMemo, useState } from 'react';
import { Link, useLoaderData, useNavigate, useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDate, formatQuantity } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { ConversionsTable } from './ConversionsTable';
import type { funnelDetailLoader } from './funnel-loaders';
import { funnelsApi } from './funnels-api';
import { FunnelPicture } from './FunnelPicture';
import { FunnelVerdict } from './FunnelVerdict';
import { StageRatesTable } from './StageRatesTable';
import { initialWhatIf, WhatIfPanel, type WhatIf } from './WhatIfPanel';

/** The stored solution, re-solved in the browser with the sliders' values: the same code and seed as the server. */
function scenarioOf(solution: FunnelSolveResult, whatIf: WhatIf) {
  const beliefs = [
    null,
    ...solution.conversions.map((conversion, index) => {
      const moved = whatIf.conversions[index];
      return moved === null || moved === undefined ? conversion.belief : recenterBelief(conversion.belief, moved);
    }),
  ];
  return solvePlan(
    { ...solution.plan, hoursPerWeek: whatIf.hoursPerWeek },
    {
      asOf: solution.asOf,
      achieved: solution.outcome.achieved,
      beliefs,
      ...(whatIf.topPerDay !== null && { plannedTopPerDay: whatIf.topPerDay }),
    },
  );
}

/** "12,000 USD by Jun 1, 2026": a target by a deadline, as the drift notice reads it. */
function aimText(aim: FunnelAim): string {
  const target = aim.target === null ? 'no target' : formatQuantity(aim.target, aim.unit);
  return `${target} by ${aim.deadline === null ? 'no deadline' : formatDate(aim.deadline)}`;
}

/** One funnel: its picture, the verdict beside the hours, the chance of success, the conversions, and what-ifs. */
export function FunnelDetailPage() {
  const { funnel, goal, solution, unsolved } = useLoaderData<typeof funnelDetailLoader>();
  const drift = goal === null ? null : funnelGoalDrift(funnel, goal);
  const navigate = useNavigate();
  const { pending, error, run } = usePendingAction();
  const [applied, setApplied] = useState<string | null>(null);
  const revalidator = useRevalidator();

  const remove = () =>
    run(async () => {
      await funnelsApi.remove(funnel.id);
      await navigate('/funnels');
    });
  const followGoal = () =>
    run(async () => {
      await funnelsApi.update(funnel.id, FOLLOW_GOAL_FIELDS);
      await revalidator.revalidate();
    });
  const apply = () =>
    run(async () => {
      const result = await funnelsApi.apply(funnel.id);
      setApplied(
        result.activities
          .map(
            (activity) =>
              `${activity.name} ${formatQuantity(activity.rate ?? 0, activity.unit)} ${activity.ratePeriod === 'day' ? 'a day' : 'a week'}`,
          )
          .join(', '),
      );
      await revalidator.revalidate();
    });

  return (
    <>
      <title>{`${funnel.name} · Bigrock`}</title>
      <div className="page-header">
        <div>
          <p className="eyebrow">Funnel</p>
          <h1>{funnel.name}</h1>
          <p className="muted">{funnel.stages.map(({ activity }) => activity).join(' → ')}</p>
        </div>
        <div className="actions">
          {funnel.goalId && <Link to={`/goals/${funnel.goalId}`}>Its goal</Link>}
          <Link className="button" to={`/funnels/${funnel.id}/edit`}>
            Edit
          </Link>
          <button type="button" className="button-danger" disabled={pending} onClick={() => void remove()}>
            Delete funnel
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      {drift !== null && (
        <section className="notice funnel-drift" aria-label="The funnel and its goal">
          <p>
            This funnel aims at {aimText(drift.funnel)}; its goal says {aimText(drift.goal)}.
          </p>
          <button type="button" disabled={pending} onClick={() => void followGoal()}>
            Follow the goal
          </button>
        </section>
      )}
      {solution === null ? (
        <section className="panel">
          <h2>Not solved yet</h2>
          <p role="status">{unsolved}</p>
          <p>
            <Link to={`/funnels/${funnel.id}/edit`}>Edit the funnel</Link> to give it what it lacks.
          </p>
        </section>
      ) : (
        <SolvedFunnel
          // A fresh set of sliders whenever the stored solution changes.
          key={JSON.stringify(solution.plan)}
          solution={solution}
          apply={apply}
          applied={applied}
          pending={pending}
        />
      )}
    </>
  );
}

interface SolvedFunnelProps {
  solution: FunnelSolveResult;
  apply: () => Promise<boolean>;
  applied: string | null;
  pending: boolean;
}

function SolvedFunnel({ solution, apply, applied, pending }: SolvedFunnelProps) {
  const [whatIf, setWhatIf] = useState(() => initialWhatIf(solution));
  const scenario = useMemo(() => scenarioOf(solution, whatIf), [solution, whatIf]);
  const top = solution.plan.stages[0]?.activity ?? '';
  const { window, outcome } = scenario;

  return (
    <div className="detail-grid">
      <div className="detail-main">
        <section className="panel" aria-labelledby="funnel-plan-heading">
          <h2 id="funnel-plan-heading">The plan</h2>
          <p>
            {formatQuantity(outcome.remaining, outcome.unit)}
            {outcome.valuePerUnit !== null &&
              ` (${formatQuantity(outcome.units, solution.plan.stages.at(-1)?.activity ?? null)})`}{' '}
            by {formatDate(window.deadline)}: {formatQuantity(window.weeks, 'weeks')} from {formatDate(window.start)},
            on {formatQuantity(solution.plan.workdaysPerWeek, 'working days')} a week.
          </p>
          <FunnelPicture stages={scenario.stages} weeks={window.weeks} />
          <StageRatesTable stages={scenario.stages} />
        </section>
        <section className="panel" aria-labelledby="funnel-conversions-heading">
          <h2 id="funnel-conversions-heading">Conversions</h2>
          <p className="muted">
            Your guess counts as ten trials; what you log outweighs it as it comes in, and the plan uses what was
            learned.
          </p>
          <ConversionsTable conversions={solution.conversions} />
          {solution.notes.length > 0 && (
            <ul className="notes">
              {solution.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="detail-side">
        <section className="panel" aria-labelledby="funnel-verdict-heading">
          <h2 id="funnel-verdict-heading">Verdict</h2>
          <FunnelVerdict solution={scenario} topUnit={top} />
        </section>
        <WhatIfPanel
          solution={solution}
          whatIf={whatIf}
          requiredTopPerDay={scenario.stages[0]?.perDay ?? 0}
          onChange={setWhatIf}
        />
        <section className="panel" aria-labelledby="funnel-apply-heading">
          <h2 id="funnel-apply-heading">Make it the plan</h2>
          <p className="muted">
            Sets each stage activity&rsquo;s target to the rate this funnel needs (as solved, without the what-ifs) and
            links it to the funnel&rsquo;s goal, whose check then measures these hours.
          </p>
          <button type="button" disabled={pending} onClick={() => void apply()}>
            Set the activities&rsquo; targets
          </button>
          {applied && <p role="status">Targets set: {applied}.</p>}
        </section>
      </div>
    </div>
  );
}
