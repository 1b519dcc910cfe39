import { formatCount, type GoalFeed, type GoalSource } from '@bigrock/core';
import { Link } from 'react-router-dom';

/** Where the page that holds a source's data is, and what to do there. */
function placeOf(source: GoalSource, feed: GoalFeed): { to: string; label: string } | null {
  switch (source.kind) {
    case 'manual':
      return null;
    case 'activity':
      return feed.activityName === null
        ? { to: '/activities', label: 'See the activities' }
        : { to: `/activities/${encodeURIComponent(source.activityId)}`, label: `Log ${feed.activityName}` };
    case 'hours':
      return { to: '/tracking', label: 'Track time' };
    case 'outcome':
      return { to: '/tracking/outcomes', label: 'Record outcomes' };
  }
}

/**
 * For a goal fed by a source, in place of the form to log progress: where its numbers come from,
 * and a link to where they are logged.
 */
export function GoalSourcePanel({
  source,
  feed,
  keptPoints,
}: {
  source: GoalSource;
  feed: GoalFeed;
  /** Data points logged while the goal was manual: kept, not counted. */
  keptPoints: number;
}) {
  const place = placeOf(source, feed);
  return (
    <section className="panel" aria-labelledby="goal-source-heading">
      <h2 id="goal-source-heading">Where the numbers come from</h2>
      <p>This goal follows {feed.description}: each day adds that day’s total, and logging there moves it.</p>
      {place && (
        <p>
          <Link className="button" to={place.to}>
            {place.label}
          </Link>
        </p>
      )}
      {keptPoints > 0 && (
        <p className="muted">
          {formatCount(keptPoints, 'data point', 'data points')} logged on the goal itself are kept, but not counted
          while it follows this source.
        </p>
      )}
    </section>
  );
}
