import type { WeekCapacity } from '@bigrock/core';

import { formatNumber } from '../../shared/format';
import { kindLabels } from './planner-labels';

const hours = (value: number) => `${formatNumber(value)} h`;

/** The week's planned hours against the hours available and against what targets and funnels need. */
export function CapacityPanel({ capacity, notes }: { capacity: WeekCapacity; notes: string[] }) {
  return (
    <section className="panel" aria-labelledby="capacity-heading">
      <h2 id="capacity-heading">Capacity</h2>
      <p className={capacity.fits ? 'verdict-line verdict-fits' : 'verdict-line verdict-misses'}>
        {hours(capacity.plannedHours)} planned of {hours(capacity.hoursAvailable)} available
        {capacity.fits ? ': it fits.' : ': it does not fit.'}
      </p>
      <p className="field-hint">The hours available are the workspace&apos;s working hours this week (Settings).</p>
      {capacity.funnels.length > 0 && (
        <ul className="notes">
          {capacity.funnels.map((funnel) => (
            <li key={funnel.funnel}>{funnel.message}</li>
          ))}
        </ul>
      )}
      {capacity.activities.length > 0 && (
        <div className="table-scroll" role="region" aria-label="Hours each activity needs" tabIndex={0}>
          <table className="data-points">
            <caption className="sr-only">Hours each activity needs against the hours the plan keeps</caption>
            <thead>
              <tr>
                <th scope="col">Activity</th>
                <th scope="col">Needs</th>
                <th scope="col">Planned</th>
                <th scope="col">Short</th>
              </tr>
            </thead>
            <tbody>
              {capacity.activities.map((activity) => (
                <tr key={activity.activity}>
                  <th scope="row" className="row-head">
                    {activity.activity}
                  </th>
                  <td className="number">{hours(activity.neededHours)}</td>
                  <td className="number">{hours(activity.plannedHours)}</td>
                  <td className="number">{hours(activity.shortHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {capacity.problems.length > 0 && (
        <>
          <h3>What does not fit</h3>
          <ul className="notes">
            {capacity.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      )}
      {capacity.cut.length > 0 && (
        <>
          <h3>What to cut first</h3>
          <ol className="tradeoffs">
            {capacity.cut.map((cut) => (
              <li key={`${cut.activity ?? ''}${cut.kind ?? ''}`}>
                {hours(cut.hours)} of {cut.activity ?? (cut.kind === null ? 'blocks' : kindLabels[cut.kind])}: {cut.why}
              </li>
            ))}
          </ol>
        </>
      )}
      {notes.length > 0 && (
        <ul className="notes muted">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
