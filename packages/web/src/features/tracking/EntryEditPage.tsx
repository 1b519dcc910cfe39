import { Link, useLoaderData, useNavigate } from 'react-router-dom';

import { entryToForm, formToEntryChanges } from './entry-form-values';
import { EntryForm } from './EntryForm';
import { SplitEntryForm } from './SplitEntryForm';
import { trackingApi } from './tracking-api';
import { formatClock, formatDay, formatEntrySeconds } from './tracking-format';
import type { entryEditLoader } from './tracking-loaders';
import { trackingPath } from './tracking-paths';

/** `/tracking/entries/:id`: change one entry, or split it in two; then back to its day. */
export function EntryEditPage() {
  const { entry, timeZone, names } = useLoaderData<typeof entryEditLoader>();
  const navigate = useNavigate();
  const initial = entryToForm(entry, timeZone);
  const dayPath = trackingPath('day', initial.date);

  return (
    <>
      <title>{`Edit ${entry.activity} · Bigrock`}</title>
      <div className="page-header">
        <div>
          <p className="eyebrow">Time entry</p>
          <h1>{entry.activity}</h1>
          <p className="muted">
            {formatDay(initial.date)}, {formatClock(entry.start, timeZone)}–
            {entry.end === null ? 'now' : formatClock(entry.end, timeZone)} ·{' '}
            {formatEntrySeconds(entry.durationSeconds)}
            {timeZone !== 'UTC' && ` (times in ${timeZone})`}
          </p>
        </div>
        <div className="actions">
          <Link to={dayPath}>Back to {formatDay(initial.date)}</Link>
        </div>
      </div>
      <section className="panel tracking-panel" aria-labelledby="entry-edit-heading">
        <h2 id="entry-edit-heading">Change it</h2>
        <EntryForm
          // A fresh form per entry: going from one entry to another must not keep the old values.
          key={entry.id}
          initial={initial}
          names={names}
          running={entry.end === null}
          submitLabel="Save changes"
          save={async (values) => {
            await trackingApi.updateEntry(entry.id, formToEntryChanges(initial, values));
            await navigate(trackingPath('day', values.date));
          }}
        />
      </section>
      <section className="panel tracking-panel" aria-labelledby="entry-split-heading">
        <h2 id="entry-split-heading">Split it</h2>
        <SplitEntryForm
          key={entry.id}
          entry={entry}
          date={initial.date}
          startTime={initial.start}
          onSplit={() => navigate(dayPath)}
        />
      </section>
    </>
  );
}
