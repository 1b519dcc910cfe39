import type { ReviewItem, TimeEntry } from '@bigrock/core';
import { Link } from 'react-router-dom';

import { formatClock, formatDay } from './tracking-format';
import { entryEditPath } from './tracking-paths';

interface ReviewInboxProps {
  review: ReviewItem[];
  /** The entries of the same days, to name the ones an item is about. */
  entries: TimeEntry[];
  timeZone: string;
}

/** Gaps in working hours, overlaps and very long entries, each with a link to the entries it is about, to fix them there. */
export function ReviewInbox({ review, entries, timeZone }: ReviewInboxProps) {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const linkText = (id: string) => {
    const entry = byId.get(id);
    return entry === undefined ? 'Edit the entry' : `Edit ${entry.activity} at ${formatClock(entry.start, timeZone)}`;
  };

  return (
    <section className="panel tracking-panel" aria-labelledby="review-heading">
      <h2 id="review-heading">To review</h2>
      <p className="field-hint">
        Gaps are untracked time inside your <Link to="/settings">working hours</Link>.
      </p>
      {review.length === 0 ? (
        <p className="muted">No gaps, overlaps or very long entries here.</p>
      ) : (
        <ul className="review-list">
          {review.map((item) => (
            <li key={`${item.kind}-${item.start}-${item.entryIds.join('-')}`}>
              <span className={`badge badge-${item.kind === 'gap' ? 'none' : 'behind'}`}>{item.kind}</span>{' '}
              {formatDay(item.date)}: {item.message}
              {item.entryIds.map((id) => (
                <Link key={id} to={entryEditPath(id)} className="review-link small">
                  {linkText(id)}
                </Link>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
