import { addDays, dateInZone, datesOfIsoWeek, formatDay, isoWeekOf, mondayOfIsoWeek } from '@bigrock/core';
import { Link, useLoaderData, useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { clockTime } from './post-labels';
import { postsApi, type queueLoader } from './posts-api';
import { QueuePost } from './QueuePost';
import { SlotsEditor } from './SlotsEditor';
import { AltTextSetting } from './AltTextSetting';

/**
 * The queue: a week of slots with their posts (the batch view, where a post is moved, edited,
 * sent now or deleted), the posts that missed their time or failed, the weekly slots, and pause or
 * resume.
 */
export function QueuePage() {
  const { week, queue, missed, failed, loadedAt } = useLoaderData<typeof queueLoader>();
  const revalidator = useRevalidator();
  const { pending, error, run } = usePendingAction();
  const zone = week.timeZone;
  const refresh = async () => revalidator.revalidate();

  const monday = mondayOfIsoWeek(week.week);
  const previous = isoWeekOf(addDays(monday, -7));
  const next = isoWeekOf(addDays(monday, 7));
  const freeSlots = week.entries
    .filter((entry) => entry.slot !== null && entry.posts.length === 0 && Date.parse(entry.at) > loadedAt)
    .map((entry) => entry.at);
  const days = datesOfIsoWeek(week.week).map((date) => ({
    date,
    entries: week.entries.filter((entry) => dateInZone(new Date(entry.at), zone) === date),
  }));

  return (
    <>
      <title>{`Queue ${week.week} · Bigrock`}</title>
      <div className="page-header">
        <div>
          <h1>Queue</h1>
          <p className="muted">
            Week {week.week}, on the workspace&apos;s clocks ({zone}).
          </p>
        </div>
        <nav className="actions week-nav" aria-label="Weeks">
          <Link className="button button-secondary" to={`/queue?week=${previous}`}>
            Previous week
          </Link>
          <Link className="button button-secondary" to={`/queue?week=${next}`}>
            Next week
          </Link>
          <Link className="button" to="/compose">
            Compose
          </Link>
        </nav>
      </div>

      <section className="panel queue-state" aria-label="Sending">
        {week.paused ? (
          <p>
            <strong>Paused:</strong> nothing is sent. Posts keep their slots and go out when you resume (those past the
            grace of {week.graceMinutes} min are missed).
          </p>
        ) : (
          <p>Sending: each post goes out at its time.</p>
        )}
        <button
          type="button"
          className="button-secondary"
          disabled={pending}
          onClick={() => void run(async () => (week.paused ? postsApi.resume() : postsApi.pause()).then(refresh))}
        >
          {week.paused ? 'Resume the queue' : 'Pause the queue'}
        </button>
        <ErrorAlert error={error} />
      </section>

      {missed.length > 0 && (
        <section className="panel" aria-labelledby="missed-heading">
          <h2 id="missed-heading">Missed</h2>
          <p className="muted">
            Their time passed while Bigrock was not running: post them now or give them another time.
          </p>
          <div className="queue-posts">
            {missed.map((post) => (
              <QueuePost
                key={`${post.id} ${post.updatedAt}`}
                post={post}
                timeZone={zone}
                freeSlots={freeSlots}
                showTime
                requireAltText={queue.requireAltText}
                onChanged={refresh}
              />
            ))}
          </div>
        </section>
      )}

      {failed.length > 0 && (
        <section className="panel" aria-labelledby="failed-heading">
          <h2 id="failed-heading">Failed</h2>
          <p className="muted">A network refused these: each says why and what to do, then send it again or move it.</p>
          <div className="queue-posts">
            {failed.map((post) => (
              <QueuePost
                key={`${post.id} ${post.updatedAt}`}
                post={post}
                timeZone={zone}
                freeSlots={freeSlots}
                showTime
                requireAltText={queue.requireAltText}
                onChanged={refresh}
              />
            ))}
          </div>
        </section>
      )}

      <div className="queue-days">
        {days.map(({ date, entries }) => (
          <section key={date} className="panel queue-day" aria-labelledby={`queue-day-${date}`}>
            <h2 id={`queue-day-${date}`}>{formatDay(date)}</h2>
            {entries.length === 0 ? (
              <p className="muted">No slots.</p>
            ) : (
              <ol className="queue-entries">
                {entries.map((entry) => (
                  <li key={entry.at} className="queue-entry">
                    <p className="queue-entry-time">
                      <strong>{clockTime(entry.at, zone)}</strong>{' '}
                      <span className="muted">{entry.slot === null ? 'a set time' : 'slot'}</span>
                    </p>
                    {entry.posts.length === 0 ? (
                      <p className="muted">Free</p>
                    ) : (
                      entry.posts.map((post) => (
                        <QueuePost
                          key={`${post.id} ${post.updatedAt}`}
                          post={post}
                          timeZone={zone}
                          freeSlots={freeSlots}
                          requireAltText={queue.requireAltText}
                          onChanged={refresh}
                        />
                      ))
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>

      <SlotsEditor queue={queue} onSaved={refresh} />
      <AltTextSetting queue={queue} onSaved={refresh} />
    </>
  );
}
