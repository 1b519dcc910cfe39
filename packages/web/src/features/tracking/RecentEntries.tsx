import type { TimeEntry } from '@bigrock/core';
import { useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { trackingApi } from './tracking-api';
import { formatClock } from './tracking-format';

/** How many different things done lately to offer to continue. */
const SHOWN = 5;

/**
 * The latest entries, each kind once (the same activity, tags and note), latest first, without
 * the running timer: what a user most likely goes back to.
 *
 * @example latestToContinue([calls915, email900, calls830], null) // [calls915, email900]
 */
export function latestToContinue(entries: readonly TimeEntry[], running: TimeEntry | null): TimeEntry[] {
  const seen = new Set<string>();
  const latest: TimeEntry[] = [];
  for (const entry of [...entries].sort((a, b) => Date.parse(b.start) - Date.parse(a.start))) {
    if (entry.end === null || entry.id === running?.id) continue;
    const kind = JSON.stringify([entry.activity, entry.tags, entry.note]);
    if (seen.has(kind)) continue;
    seen.add(kind);
    latest.push(entry);
    if (latest.length === SHOWN) break;
  }
  return latest;
}

/** One click starts again what an entry was: its activity, tags and note (the running timer stops). */
export function RecentEntries({
  recent,
  running,
  timeZone,
}: {
  recent: readonly TimeEntry[];
  running: TimeEntry | null;
  timeZone: string;
}) {
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const latest = latestToContinue(recent, running);
  if (latest.length === 0) return null;
  return (
    <div className="recent-entries">
      <h3 id="recent-heading">Continue</h3>
      <ul aria-labelledby="recent-heading">
        {latest.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className="button-secondary button-small"
              aria-label={`Continue ${entry.activity}`}
              disabled={pending}
              onClick={() =>
                void run(async () => {
                  await trackingApi.continueTimer({ entryId: entry.id });
                  await revalidator.revalidate();
                })
              }
            >
              <span aria-hidden="true">▶ </span>
              {entry.activity}
            </button>
            <span className="muted small">
              {' '}
              {[...entry.tags.map((tag) => `#${tag}`), entry.note, `last at ${formatClock(entry.start, timeZone)}`]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <ErrorAlert error={error} />
    </div>
  );
}
