import { addDays } from '@bigrock/core';
import { Link, useLoaderData, useNavigate } from 'react-router-dom';

import { EntryDays } from './EntryDays';
import { TimerPanel } from './TimerPanel';
import type { trackingLoader, TrackingView } from './tracking-loaders';
import { formatDay, formatSeconds } from './tracking-format';
import { WeekTable } from './WeekTable';

const pagePath = (view: TrackingView, date: string) => `/tracking?view=${view}&date=${date}`;

/** The timer, and the time tracked by day or by week, with what the review inbox found in it. */
export function TrackingPage() {
  const { view, date, today, from, to, timeZone, running, entries, days, review } =
    useLoaderData<typeof trackingLoader>();
  const navigate = useNavigate();
  const step = view === 'week' ? 7 : 1;
  const total = days.reduce((sum, day) => sum + day.seconds, 0);

  return (
    <>
      <title>Tracking · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Tracking</h1>
          <p className="muted">
            {view === 'week' ? `Week of ${formatDay(from)} to ${formatDay(to)}` : formatDay(date)}:{' '}
            {formatSeconds(total)} tracked
            {timeZone !== 'UTC' && ` (times in ${timeZone})`}.
          </p>
        </div>
        <div className="actions">
          <Link to="/tracking/import" className="button button-secondary">
            Import a file
          </Link>
        </div>
      </div>
      <TimerPanel running={running} timeZone={timeZone} />
      <section className="panel tracking-panel" aria-labelledby="entries-heading">
        <div className="tracking-controls">
          <h2 id="entries-heading">{view === 'week' ? 'This week' : 'Entries'}</h2>
          <div className="field">
            <label htmlFor="tracking-view">Show</label>
            <select
              id="tracking-view"
              value={view}
              onChange={(event) => navigate(pagePath(event.target.value === 'week' ? 'week' : 'day', date))}
            >
              <option value="day">One day</option>
              <option value="week">A week</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="tracking-date">Date</label>
            <input
              id="tracking-date"
              type="date"
              value={date}
              onChange={(event) => {
                if (event.target.value !== '') navigate(pagePath(view, event.target.value));
              }}
            />
          </div>
          <nav aria-label={view === 'week' ? 'Weeks' : 'Days'} className="actions">
            <Link to={pagePath(view, addDays(date, -step))}>{view === 'week' ? 'Previous week' : 'Previous day'}</Link>
            <Link to={pagePath(view, today)}>Today</Link>
            <Link to={pagePath(view, addDays(date, step))}>{view === 'week' ? 'Next week' : 'Next day'}</Link>
          </nav>
        </div>
        {view === 'week' && <WeekTable days={days} />}
        <EntryDays days={days} entries={entries} timeZone={timeZone} />
      </section>
      <section className="panel tracking-panel" aria-labelledby="review-heading">
        <h2 id="review-heading">To review</h2>
        {review.length === 0 ? (
          <p className="muted">No gaps, overlaps or very long entries here.</p>
        ) : (
          <ul className="review-list">
            {review.map((item) => (
              <li key={`${item.kind}-${item.start}-${item.entryIds.join('-')}`}>
                <span className={`badge badge-${item.kind === 'gap' ? 'none' : 'behind'}`}>{item.kind}</span>{' '}
                {formatDay(item.date)}: {item.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
