import { Link, useLoaderData } from 'react-router-dom';

import { GoalCard } from './GoalCard';
import type { archivedGoalsLoader } from './goal-loaders';

/** Goals put away: out of the dashboard, with their history kept. */
export function ArchivedGoalsPage() {
  const standings = useLoaderData<typeof archivedGoalsLoader>();
  return (
    <>
      <title>Archived goals · Bigrock</title>
      <div className="page-header">
        <h1>Archived goals</h1>
        <div className="actions">
          <Link to="/">Back to the dashboard</Link>
        </div>
      </div>
      {standings.length === 0 ? (
        <p className="panel muted">No archived goals. Archive a goal from its page to put it away without losing it.</p>
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
