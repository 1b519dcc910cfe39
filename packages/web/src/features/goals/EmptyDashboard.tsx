import { Link, useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { goalsApi } from './goals-api';

/** A first visit: start a goal of your own, or look around the demo. */
export function EmptyDashboard({ hasArchived }: { hasArchived: boolean }) {
  return (
    <section className="panel empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{hasArchived ? 'No active goals' : 'No goals yet'}</h2>
      <p>
        A goal that holds up is specific, measured against a deadline and tied to the activities that move it. Start
        with one of your own:
      </p>
      <p>
        <Link className="button" to="/goals/new">
          Create a goal
        </Link>
      </p>
      {hasArchived ? (
        <p>
          Your other goals are archived: <Link to="/archive">see the archived goals</Link> to bring one back.
        </p>
      ) : (
        <DemoOffer />
      )}
    </section>
  );
}

/** The demo only fills a workspace without any goal, so it is offered only then. */
function DemoOffer() {
  const revalidator = useRevalidator();
  const { pending, error, run } = usePendingAction();

  const loadDemo = () =>
    run(async () => {
      await goalsApi.loadDemo();
      await revalidator.revalidate();
    });

  return (
    <>
      <p>
        Or see how it works on an example first. The demo loads a network marketer&rsquo;s plan, four weeks in: a
        $3000-a-month dream, the quarter&rsquo;s income goal, and the recruits, appointments and calls that lead to it,
        with progress logged so that some goals are ahead and some behind.
      </p>
      <p>
        <button type="button" className="button-secondary" onClick={() => void loadDemo()} disabled={pending}>
          {pending ? 'Loading the demo…' : 'Load the demo'}
        </button>
      </p>
      <ErrorAlert error={error} />
    </>
  );
}
