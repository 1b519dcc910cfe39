import { weekdays, type Weekday, type WorkingHours } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { ApiError, fieldMessage } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { weekdayLabels } from '../goals/goal-labels';
import { usePendingAction } from '../../shared/use-pending-action';
import { workspaceApi, type WorkspaceSettings } from './workspace-api';

interface DayRow {
  works: boolean;
  start: string;
  end: string;
}

// A time field cannot show 24:00: a day that ends at midnight shows its end as 00:00.
const shownEnd = (end: string) => (end === '24:00' ? '00:00' : end);
const sentEnd = (end: string) => (end === '00:00' ? '24:00' : end);

function rowsOf(hours: WorkingHours): Record<Weekday, DayRow> {
  return Object.fromEntries(
    weekdays.map((day) => {
      const hoursOfDay = hours[day];
      return [
        day,
        hoursOfDay === undefined
          ? { works: false, start: '09:00', end: '17:00' }
          : { works: true, start: hoursOfDay.start, end: shownEnd(hoursOfDay.end) },
      ];
    }),
  ) as Record<Weekday, DayRow>;
}

/** The days and hours the workspace works: the review inbox looks for gaps inside them only. */
export function WorkingHoursForm({ workspace }: { workspace: WorkspaceSettings }) {
  const [rows, setRows] = useState(() => rowsOf(workspace.workingHours));
  const [missing, setMissing] = useState<Weekday | null>(null);
  const [saved, setSaved] = useState(false);
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();

  // The server names the day and the bound: `workingHours.mon.end`.
  const dayError = (day: Weekday) => {
    if (missing === day) return `Give ${weekdayLabels[day]}'s start and end, or untick it.`;
    return error instanceof ApiError && error.field?.startsWith(`workingHours.${day}`)
      ? fieldMessage(error)
      : undefined;
  };
  const errorOfADay = error instanceof ApiError && error.field?.startsWith('workingHours.') === true;

  const change = (day: Weekday, changes: Partial<DayRow>) => {
    setSaved(false);
    setRows((current) => ({ ...current, [day]: { ...current[day], ...changes } }));
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const blank = weekdays.find((day) => rows[day].works && (rows[day].start === '' || rows[day].end === ''));
    setMissing(blank ?? null);
    if (blank !== undefined) return;
    const workingHours: WorkingHours = {};
    for (const day of weekdays) {
      if (rows[day].works) workingHours[day] = { start: rows[day].start, end: sentEnd(rows[day].end) };
    }
    setSaved(
      await run(async () => {
        await workspaceApi.update({ workingHours });
        await revalidator.revalidate();
      }),
    );
  }

  return (
    <section className="panel settings-panel" aria-labelledby="working-hours-heading">
      <h2 id="working-hours-heading">Working hours</h2>
      <p className="field-hint">
        On the clocks of {workspace.timeZone}. The review inbox calls untracked time a gap only inside these hours:
        nights, weekends and days off are left alone. An end of 00:00 is midnight.
      </p>
      <form noValidate onSubmit={(event) => void save(event)}>
        {weekdays.map((day) => {
          const message = dayError(day);
          const row = rows[day];
          return (
            <fieldset
              key={day}
              className={message === undefined ? 'working-day' : 'working-day field-invalid'}
              aria-describedby={message === undefined ? undefined : `working-${day}-error`}
            >
              <legend className="sr-only">{weekdayLabels[day]}</legend>
              <label className="working-day-name">
                <input
                  type="checkbox"
                  checked={row.works}
                  onChange={(event) => change(day, { works: event.target.checked })}
                />{' '}
                {weekdayLabels[day]}
              </label>
              <label className="working-day-time">
                <span>From</span>
                <input
                  type="time"
                  aria-label={`${weekdayLabels[day]} from`}
                  value={row.start}
                  disabled={!row.works}
                  aria-invalid={message === undefined ? undefined : true}
                  onChange={(event) => change(day, { start: event.target.value })}
                />
              </label>
              <label className="working-day-time">
                <span>to</span>
                <input
                  type="time"
                  aria-label={`${weekdayLabels[day]} to`}
                  value={row.end}
                  disabled={!row.works}
                  aria-invalid={message === undefined ? undefined : true}
                  onChange={(event) => change(day, { end: event.target.value })}
                />
              </label>
              {message !== undefined && (
                <p id={`working-${day}-error`} className="field-error">
                  {message}
                </p>
              )}
            </fieldset>
          );
        })}
        {!errorOfADay && <ErrorAlert error={error} />}
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            Save working hours
          </button>
          {saved && (
            <span role="status" className="muted">
              Saved.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
