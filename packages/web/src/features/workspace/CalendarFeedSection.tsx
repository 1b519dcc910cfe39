import { useRef, useState } from 'react';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { calendarFeedApi, type CalendarFeed } from './workspace-api';

/**
 * Copies text: the Clipboard API where the page may use it (a secure context, such as localhost),
 * else the field's own selection with the older copy command. False when neither worked: the
 * address is left selected for the user to copy.
 */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  if (typeof navigator.clipboard?.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, page not focused): fall back to the selection.
    }
  }
  if (field === null) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** The plan's calendar feed: its secret address to subscribe to, copied, renewed or revoked. */
export function CalendarFeedSection({ initial }: { initial: CalendarFeed | null }) {
  const [feed, setFeed] = useState(initial);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  async function act(work: () => Promise<CalendarFeed | null>, done: string) {
    setPending(true);
    setError(null);
    setStatus(null);
    try {
      setFeed(await work());
      setStatus(done);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  async function copy() {
    if (feed === null) return;
    const copied = await copyText(feed.url, field.current);
    setStatus(copied ? 'Copied.' : 'Select the address and copy it (Ctrl+C or ⌘C).');
  }

  return (
    <section className="panel settings-panel" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">Calendar feed</h2>
      <p className="field-hint">
        Your week&apos;s blocks and big rocks, four weeks back and eight ahead, for any calendar app to subscribe to
        (&quot;From URL&quot; in Google Calendar, &quot;New calendar subscription&quot; in Apple Calendar,
        &quot;Subscribe from web&quot; in Outlook). Calendar apps fetch it again on their own schedule: Google Calendar
        about once a day. Anyone with the address can read your plan: renew it if it got out.
      </p>
      {feed === null ? (
        <div className="form-actions">
          <button type="button" disabled={pending} onClick={() => void act(calendarFeedApi.make, 'Made.')}>
            Make a subscribe address
          </button>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor="calendar-feed-url">Subscribe address</label>
            <input
              id="calendar-feed-url"
              ref={field}
              type="url"
              readOnly
              value={feed.url}
              onFocus={(event) => event.target.select()}
            />
          </div>
          <div className="form-actions">
            <button type="button" onClick={() => void copy()}>
              Copy
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={pending}
              onClick={() =>
                void act(
                  calendarFeedApi.renew,
                  'Renewed: calendars subscribed to the old address stop updating; subscribe them to this one.',
                )
              }
            >
              Renew
            </button>
            <button
              type="button"
              className="button-danger"
              disabled={pending}
              onClick={() =>
                void act(async () => {
                  await calendarFeedApi.revoke();
                  return null;
                }, 'Revoked: the address no longer works.')
              }
            >
              Revoke
            </button>
          </div>
        </>
      )}
      <ErrorAlert error={error} />
      <p role="status" className="muted">
        {status ?? ''}
      </p>
    </section>
  );
}
