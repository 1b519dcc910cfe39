import { Link, useLoaderData, useRevalidator } from 'react-router-dom';

import { formatNumber } from '../../shared/format';
import { StatusBadge } from '../goals/StatusBadge';
import { activitiesApi } from './activities-api';
import { activityClassLabels, formatRate, formatStreak } from './activity-labels';
import type { activitiesLoader } from './activity-loaders';
import { formToActivityInput, newActivityForm } from './activity-form-values';
import { ActivityForm } from './ActivityForm';
import { QuickLogForm } from './QuickLogForm';

/** The lead activities: their targets, the hours those take, where each stands, and a quick log. */
export function ActivitiesPage() {
  const { standings, goals, today } = useLoaderData<typeof activitiesLoader>();
  const revalidator = useRevalidator();
  const incomeHours = standings
    .filter(({ activity }) => activity.activityClass === 'income')
    .reduce((total, { hoursPerWeek }) => total + hoursPerWeek, 0);
  const allHours = standings.reduce((total, { hoursPerWeek }) => total + hoursPerWeek, 0);

  return (
    <>
      <title>Activities · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Activities</h1>
          <p className="muted">
            The lead measures: {formatNumber(allHours)} h a week planned, {formatNumber(incomeHours)} h of them
            income-producing.
          </p>
        </div>
        <div className="actions">
          <Link to="/funnels">Funnels</Link>
        </div>
      </div>
      <section className="panel" aria-labelledby="activities-heading">
        <h2 id="activities-heading">Your activities</h2>
        {standings.length === 0 ? (
          <p className="muted">No activities yet. Add the one that moves your goal most, e.g. 10 calls a day.</p>
        ) : (
          <table className="data-points data-cards activity-table">
            <thead>
              <tr>
                <th scope="col">Activity</th>
                <th scope="col">Target</th>
                <th scope="col" className="number">
                  H / week
                </th>
                <th scope="col">Pace</th>
                <th scope="col">Streak</th>
                <th scope="col">Log</th>
              </tr>
            </thead>
            <tbody>
              {standings.map(({ activity, hoursPerWeek, pace }) => (
                <tr key={activity.id}>
                  <td className="card-title">
                    <Link to={`/activities/${activity.id}`}>{activity.name}</Link>
                    <div className="muted small">{activityClassLabels[activity.activityClass]}</div>
                  </td>
                  <td data-label="Target">{formatRate(activity)}</td>
                  <td className="number" data-label="H / week">
                    {formatNumber(hoursPerWeek)}
                  </td>
                  <td data-label="Pace">
                    {pace === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <>
                        <StatusBadge status={pace.status} />{' '}
                        <span className="small">
                          {formatNumber(pace.period.done)} / {formatNumber(pace.period.target)}
                        </span>
                      </>
                    )}
                  </td>
                  <td data-label="Streak">
                    {pace === null ? '—' : formatStreak(pace.streak.current, pace.streak.unit)}
                  </td>
                  <td className="action">
                    <QuickLogForm activity={activity} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="new-activity-heading">
        <h2 id="new-activity-heading">New activity</h2>
        <ActivityForm
          initial={newActivityForm(today)}
          goals={goals}
          submitLabel="Add activity"
          resetOnSave
          save={async (values) => {
            await activitiesApi.create(formToActivityInput(values));
            await revalidator.revalidate();
          }}
        />
      </section>
    </>
  );
}
