import { digestDue, type TodayPlan } from '@bigrock/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

import { formatDelta } from '../../shared/format';
import { digestStorage } from './digest-storage';
import { plannerApi, type NotificationsView } from './planner-api';
import { blockWhat } from './planner-labels';

const TICK_MS = 30_000;

/** The digest in a sentence, for the browser notification. */
function digestText(day: TodayPlan): string {
  const rock = day.rock === null ? 'No big rock yet.' : `Big rock: ${day.rock.title}.`;
  const blocks = day.blocks.filter((block) => !block.skipped);
  const first = blocks[0];
  const behind = day.activitiesBehind.length + day.goalsBehind.length;
  return [
    rock,
    first === undefined
      ? 'No blocks today.'
      : `${blocks.length} block${blocks.length === 1 ? '' : 's'}, the first at ${first.start} (${blockWhat(first)}).`,
    behind === 0 ? 'Nothing is behind.' : `${behind} behind their line.`,
  ].join(' ');
}

/**
 * The daily digest: at the digest time on the workspace's clocks, outside the quiet hours, a
 * banner with the day's big rock, its blocks and what is behind, until dismissed; and once a day
 * a browser notification, when the user has allowed them (asked only on a click, in Settings).
 */
export function DigestBanner({ settings }: { settings: NotificationsView }) {
  const [day, setDay] = useState<TodayPlan | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [dismissedOn, setDismissedOn] = useState(() => digestStorage.dismissedOn());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const due = digestDue(settings, settings.timeZone, now, dismissedOn);
  const canNotify = typeof Notification !== 'undefined' && Notification.permission === 'granted';
  const notifyDue = canNotify ? digestDue(settings, settings.timeZone, now, digestStorage.notifiedOn()) : null;
  const showing = due.due || notifyDue?.due === true;

  // The day's plan, read when the digest comes due; a read that failed is tried again at the next tick.
  useEffect(() => {
    if (!showing || day?.date === due.date) return;
    void plannerApi.today().then(setDay, () => undefined);
  }, [showing, due.date, day?.date, now]);

  useEffect(() => {
    if (notifyDue?.due !== true || day === null || day.date !== notifyDue.date) return;
    digestStorage.notified(notifyDue.date);
    new Notification("Bigrock: today's digest", { body: digestText(day), tag: `bigrock-digest-${day.date}` });
  }, [notifyDue?.due, notifyDue?.date, day]);

  if (!due.due || day === null || day.date !== due.date) return null;
  const blocks = day.blocks.filter((block) => !block.skipped);
  return (
    <aside className="digest-banner" aria-labelledby="digest-heading">
      <h2 id="digest-heading">Today&apos;s digest</h2>
      <p>
        Big rock:{' '}
        {day.rock === null ? <Link to="/today">none yet: choose one</Link> : <strong>{day.rock.title}</strong>}
      </p>
      {blocks.length > 0 && (
        <ul aria-label="Today's blocks in the digest">
          {blocks.map((block) => (
            <li key={block.id}>
              {block.start}–{block.end} {blockWhat(block)}
            </li>
          ))}
        </ul>
      )}
      {day.activitiesBehind.length + day.goalsBehind.length > 0 && (
        <p>
          Behind:{' '}
          {[
            ...day.activitiesBehind.map(
              (activity) => `${activity.name} (${formatDelta(activity.delta, activity.unit)})`,
            ),
            ...day.goalsBehind.map((goal) => `${goal.title} (${formatDelta(goal.delta, goal.unit)})`),
          ].join('; ')}
        </p>
      )}
      <div className="actions">
        <Link className="button button-small" to="/today">
          Open today
        </Link>
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => {
            digestStorage.dismiss(due.date);
            setDismissedOn(due.date);
          }}
        >
          Dismiss the digest
        </button>
      </div>
    </aside>
  );
}
