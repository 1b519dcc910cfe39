import { Link, useLoaderData } from 'react-router-dom';

import { formatNumber } from '../../shared/format';
import type { funnelsLoader } from './funnel-loaders';

/** The funnels: from each outcome back to the daily activity it takes. */
export function FunnelsPage() {
  const funnels = useLoaderData<typeof funnelsLoader>();
  return (
    <>
      <title>Funnels · Bigrock</title>
      <div className="page-header">
        <h1>Funnels</h1>
        <div className="actions">
          <Link to="/activities">Activities</Link>
          <Link className="button" to="/funnels/new">
            New funnel
          </Link>
        </div>
      </div>
      {funnels.length === 0 ? (
        <section className="panel empty-state" aria-labelledby="no-funnels-heading">
          <h2 id="no-funnels-heading">No funnels yet</h2>
          <p>
            A funnel works backward from an outcome (12 recruits, $10,000) to the activity it takes each day, learns the
            conversions from what you log, and checks the plan against your hours.
          </p>
          <p>
            <Link className="button" to="/funnels/new">
              Build a funnel
            </Link>
          </p>
        </section>
      ) : (
        <div className="goal-grid">
          {funnels.map((funnel) => (
            <article key={funnel.id} className="card" aria-labelledby={`funnel-${funnel.id}`}>
              <h2 id={`funnel-${funnel.id}`} className="goal-card-title">
                <Link to={`/funnels/${funnel.id}`}>{funnel.name}</Link>
              </h2>
              <p>{funnel.stages.map(({ activity }) => activity).join(' → ')}</p>
              {funnel.hoursPerWeek !== null && (
                <p className="muted">{formatNumber(funnel.hoursPerWeek)} h a week available</p>
              )}
            </article>
          ))}
        </div>
      )}
    </>
  );
}
