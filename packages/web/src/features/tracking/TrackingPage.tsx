import { addDays } from '@bigrock/core';
import { Link, useLoaderData, useNavigate, useRevalidator } from 'react-router-dom';

import { formToEntryInput, newEntryForm } from './entry-form-values';
import { formatDate } from '../../shared/format';
import { DayPicker } from './DayPicker';
import { EntryDays } from './EntryDays';
import { EntryFilterForm } from './EntryFilterForm';
import { EntryForm } from './EntryForm';
import { ExportPanel } from './ExportPanel';
import { ReviewInbox } from './ReviewInbox';
import { RunningTitle } from './RunningTabTitle';
import { TimerPanel } from './TimerPanel';
import { useTrackedTime } from './use-tracked-time';
import { trackingApi } from './tracking-api';
import { formatDay, formatSeconds } from './tracking-format';
import type { trackingLoader } from './tracking-loaders';
import { filterQuery, trackingPath } from './tracking-paths';
import { WeekTable } from './WeekTable';

/** The timer, time added by hand, the time tracked by day or by week with what the review inbox found in it, and exports. */
export function TrackingPage() {
  const { view, date, today, from, to, filter, timeZone, running, entries, review, names, recent } =
    useLoaderData<typeof trackingLoader>();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const step = view === 'week' ? 7 : 1;
  const { nowMs, days, period } = useTrackedTime(entries, { view, from, to, timeZone });
  const filtered = Object.keys(filter).length > 0;
  // Another day or week keeps the filter.
  const pathTo = (shown: 'day' | 'week', day: string) => trackingPath(shown, day, filter);

  return (
    <>
      {running === null ? <title>Tracking · Bigrock</title> : <RunningTitle running={running} />}
      <div className="page-header">
        <div>
          <h1>Tracking</h1>
          <p className="muted">
            {view === 'week' ? `Week of ${formatDay(from)} to ${formatDay(to)}` : formatDay(date)}:{' '}
            {formatSeconds(period?.seconds ?? 0)} tracked
            {filtered && ' in the entries filtered'}
            {timeZone !== 'UTC' && ` (times in ${timeZone})`}.
          </p>
        </div>
        <div className="actions">
          <Link to="/tracking/outcomes" className="button button-secondary">
            Outcomes
          </Link>
          <Link to="/tracking/import" className="button button-secondary">
            Import a file
          </Link>
        </div>
      </div>
      <TimerPanel running={running} timeZone={timeZone} today={today} names={names} recent={recent} />
      <section className="panel tracking-panel" aria-labelledby="add-entry-heading">
        <h2 id="add-entry-heading">Add an entry</h2>
        <EntryForm
          // The form starts on the day shown, and starts again when another day is shown.
          key={date}
          initial={newEntryForm(date)}
          names={names}
          submitLabel="Add entry"
          resetOnSave
          save={async (values) => {
            await trackingApi.addEntry(formToEntryInput(values));
            // An entry added to a day not shown takes the page there, so that it can be seen.
            if (values.date >= from && values.date <= to) await revalidator.revalidate();
            else await navigate(pathTo(view, values.date));
          }}
        />
      </section>
      <section className="panel tracking-panel" aria-labelledby="entries-heading">
        <div className="tracking-controls">
          {/* The week is named by its Monday, also when it is this week: the heading must say which week it shows. */}
          <h2 id="entries-heading">{view === 'week' ? `Week of ${formatDate(from)}` : 'Entries'}</h2>
          <div className="field">
            <label htmlFor="tracking-view">Show</label>
            <select
              id="tracking-view"
              value={view}
              onChange={(event) => navigate(pathTo(event.target.value === 'week' ? 'week' : 'day', date))}
            >
              <option value="day">One day</option>
              <option value="week">A week</option>
            </select>
          </div>
          <DayPicker id="tracking-date" label="Date" value={date} onPick={(day) => navigate(pathTo(view, day))} />
          <nav aria-label={view === 'week' ? 'Weeks' : 'Days'} className="actions">
            <Link to={pathTo(view, addDays(date, -step))}>{view === 'week' ? 'Previous week' : 'Previous day'}</Link>
            <Link to={pathTo(view, today)}>Today</Link>
            <Link to={pathTo(view, addDays(date, step))}>{view === 'week' ? 'Next week' : 'Next day'}</Link>
          </nav>
        </div>
        <EntryFilterForm
          // A fresh form when the address names another filter (back, forward, a link).
          key={filterQuery(filter)}
          filter={filter}
          onFilter={(chosen) => navigate(trackingPath(view, date, chosen))}
        />
        {view === 'week' && period && <WeekTable days={days} week={period} />}
        <EntryDays days={days} entries={entries} timeZone={timeZone} nowMs={nowMs} />
      </section>
      <ReviewInbox review={review} entries={entries} timeZone={timeZone} />
      <ExportPanel from={from} to={to} filter={filter} />
    </>
  );
}
