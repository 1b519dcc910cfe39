import { dateInZone, isoWeekOf } from '@bigrock/core';
import { Link, useLoaderData, useRevalidator } from 'react-router-dom';

import { DeliveryLine } from './DeliveryLine';
import { formatPostTime, networkLabels, statusBadge, statusLabels } from './post-labels';
import type { postLoader } from './posts-api';
import { PostImages } from './PostImages';
import { postExcerpt, QueuePost } from './QueuePost';

const outcomeLabels: Record<string, string> = {
  posted: 'Posted',
  transient: 'Failed for now (tried again later)',
  permanent: 'Refused',
  unknown: 'No answer (checked at the next try)',
  'reconciled-posted': 'Found posted',
  'reconciled-absent': 'Found not posted',
};

/** A post's history: its text, and for each account its status, link, reason and every attempt. */
export function PostPage() {
  const { post, timeZone, requireAltText } = useLoaderData<typeof postLoader>();
  const revalidator = useRevalidator();
  const week = isoWeekOf(dateInZone(new Date(post.scheduledAt), timeZone));
  const at = (instant: string | null) => (instant === null ? '—' : formatPostTime(instant, timeZone));

  return (
    <>
      <title>{`Post: ${postExcerpt(post.text)} · Bigrock`}</title>
      <div className="page-header">
        <div>
          <h1>Post</h1>
          <p className="muted">
            <span className={statusBadge[post.status]}>{statusLabels[post.status]}</span> · for{' '}
            {formatPostTime(post.scheduledAt, timeZone)} ({timeZone})
          </p>
        </div>
        <nav className="actions" aria-label="Publishing">
          <Link className="button button-secondary" to={`/queue?week=${week}`}>
            Its week in the queue
          </Link>
        </nav>
      </div>

      <section className="panel" aria-labelledby="post-text-heading">
        <h2 id="post-text-heading">Text</h2>
        <QueuePost
          key={`${post.id} ${post.updatedAt}`}
          post={post}
          timeZone={timeZone}
          freeSlots={[]}
          onItsPage
          requireAltText={requireAltText}
          onChanged={async () => revalidator.revalidate()}
        />
        <PostImages post={post} />
        {post.contentWarning !== null && <p dir="auto">Content warning (Mastodon): {post.contentWarning}</p>}
        {(['mastodon', 'bluesky'] as const).map(
          (network) =>
            post.overrides[network] !== undefined && (
              <p key={network} dir="auto">
                {networkLabels[network]} text: {post.overrides[network]}
              </p>
            ),
        )}
      </section>

      {post.deliveries.map((delivery) => (
        <section
          key={delivery.id}
          className="panel"
          aria-label={`${networkLabels[delivery.network]} · ${delivery.accountName ?? 'a removed account'}`}
        >
          <h2>
            {networkLabels[delivery.network]}{' '}
            <span className="muted">· {delivery.accountName ?? 'a removed account'}</span>
          </h2>
          <ul className="delivery-list">
            <DeliveryLine delivery={delivery} />
          </ul>
          {delivery.nextAttemptAt !== null && delivery.status === 'queued' && delivery.tries > 0 && (
            <p className="muted">Next try: {at(delivery.nextAttemptAt)}</p>
          )}
          {delivery.attempts.length === 0 ? (
            <p className="muted">No attempt yet.</p>
          ) : (
            <div
              className="table-scroll"
              role="region"
              tabIndex={0}
              aria-label={`Attempts on ${networkLabels[delivery.network]}`}
            >
              <table className="data-points">
                <caption className="sr-only">Attempts on {networkLabels[delivery.network]}</caption>
                <thead>
                  <tr>
                    <th scope="col">Try</th>
                    <th scope="col">Started</th>
                    <th scope="col">Ended</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {delivery.attempts.map((attempt) => (
                    <tr key={attempt.number}>
                      <td className="number">{attempt.number}</td>
                      <td>{at(attempt.startedAt)}</td>
                      <td>{at(attempt.endedAt)}</td>
                      <td>
                        {attempt.outcome === null ? 'Under way' : (outcomeLabels[attempt.outcome] ?? attempt.outcome)}
                      </td>
                      <td>{attempt.reason ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
