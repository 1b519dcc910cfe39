import type { GoalStanding } from '@bigrock/core';
import { Link } from 'react-router-dom';

import { levelLabels } from './goal-labels';
import { PaceChart } from './PaceChart';
import { PaceSummary } from './PaceSummary';
import { StatusBadge } from './StatusBadge';

/** One goal on the dashboard: where it stands, in numbers and as a chart. */
export function GoalCard({ standing }: { standing: GoalStanding }) {
  const { goal, pace, check, series } = standing;
  const titleId = `goal-card-${goal.id}`;
  return (
    <article className="card goal-card" aria-labelledby={titleId}>
      <header className="goal-card-header">
        <div>
          {goal.level && <p className="eyebrow">{levelLabels[goal.level]}</p>}
          <h2 id={titleId} className="goal-card-title">
            <Link to={`/goals/${goal.id}`}>{goal.title}</Link>
          </h2>
        </div>
        <StatusBadge status={pace?.status ?? null} />
      </header>
      <PaceSummary goal={goal} pace={pace} />
      <PaceChart series={series} pace={pace} unit={goal.unit} height={170} />
      <footer className="goal-card-footer">
        <span>
          Goal check <strong>{check.score}</strong> / 100
        </span>
        <Link to={`/goals/${goal.id}/edit`} aria-label={`Edit ${goal.title}`}>
          Edit
        </Link>
      </footer>
    </article>
  );
}
