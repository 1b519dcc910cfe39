import { Link, useLoaderData } from 'react-router-dom';

import { formatInstantDate } from '../../shared/format';
import { ArchiveButton } from './ArchiveButton';
import { DataPointList } from './DataPointList';
import { GoalCheckPanel } from './GoalCheckPanel';
import { GoalFacts } from './GoalFacts';
import { GoalSourcePanel } from './GoalSourcePanel';
import { levelLabels } from './goal-labels';
import type { goalDetailLoader } from './goal-loaders';
import { LogProgressForm } from './LogProgressForm';
import { PaceChart } from './PaceChart';
import { PaceSummary } from './PaceSummary';

/** One goal: where it stands, its chart and check, and the place to log progress (or where its source is). */
export function GoalDetailPage() {
  const { detail, today } = useLoaderData<typeof goalDetailLoader>();
  const { goal, pace, check, series, dataPoints, fedBy } = detail;
  return (
    <>
      <title>{`${goal.title} · Bigrock`}</title>
      <div className="page-header">
        <div>
          {goal.level && <p className="eyebrow">{levelLabels[goal.level]} goal</p>}
          <h1>{goal.title}</h1>
        </div>
        <div className="actions">
          <Link className="button" to={`/goals/${goal.id}/edit`}>
            Edit
          </Link>
          <ArchiveButton goal={goal} />
        </div>
      </div>
      {goal.archivedAt !== null && (
        <p className="notice">
          Archived on {formatInstantDate(goal.archivedAt)}: it is kept, but not on the dashboard.
        </p>
      )}
      <div className="detail-grid">
        <div className="detail-main">
          <section className="panel" aria-labelledby="pace-heading">
            <h2 id="pace-heading">Pace</h2>
            <PaceSummary goal={goal} pace={pace} detailed />
            <PaceChart series={series} pace={pace} unit={goal.unit} height={260} />
          </section>
          {fedBy === null ? (
            <>
              <LogProgressForm key={goal.id} goalId={goal.id} unit={goal.unit} today={today} />
              <DataPointList points={dataPoints} unit={goal.unit} />
            </>
          ) : (
            <GoalSourcePanel source={goal.source} feed={fedBy} keptPoints={dataPoints.length} />
          )}
        </div>
        <div className="detail-side">
          <GoalCheckPanel check={check} />
          <GoalFacts goal={goal} source={fedBy?.description ?? null} />
        </div>
      </div>
    </>
  );
}
