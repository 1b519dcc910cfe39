import { Link, useLoaderData } from 'react-router-dom';

import { EmptyDashboard } from './EmptyDashboard';
import { GoalCard } from './GoalCard';
import type { dashboardLoader } from './goal-loaders';

/** Every active goal, each with where it stands. */
export function DashboardPage() {
  const { standings, hasArchived } = useLoaderData<typeof dashboardLoader>();
  return (
    <>
      <title>Goals · Bigrock</title>
      <div className="page-header">
        <h1>Your goals</h1>
        <div className="actions">
          <Link to="/archive">Archived goals</Link>
          <Link className="button" to="/goals/new">
            New goal
          </Link>
        </div>
      </div>
      {standings.length === 0 ? (
        <EmptyDashboard hasArchived={hasArchived} />
      ) : (
        <div className="goal-grid">
          {standings.map((standing) => (
            <GoalCard key={standing.goal.id} standing={standing} />
          ))}
        </div>
      )}
    </>
  );
}
