import { useLoaderData, useNavigate, useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatNumber } from '../../shared/format';
import { LoggedList } from '../../shared/LoggedList';
import { usePendingAction } from '../../shared/use-pending-action';
import { activitiesApi } from './activities-api';
import { activityToForm, formToActivityInput } from './activity-form-values';
import { activityClassLabels, formatRate } from './activity-labels';
import type { activityDetailLoader } from './activity-loaders';
import { ActivityBreaks } from './ActivityBreaks';
import { ActivityChart } from './ActivityChart';
import { ActivityForm } from './ActivityForm';
import { ActivityLogForm } from './ActivityLogForm';
import { ActivityPaceSummary } from './ActivityPaceSummary';

/** One activity: its pace and streak, its chart, the place to log counts and plan breaks, and its settings. */
export function ActivityDetailPage() {
  const { detail, goals, today } = useLoaderData<typeof activityDetailLoader>();
  const { activity, pace, series, logs, breaks, hoursPerWeek } = detail;
  const revalidator = useRevalidator();
  const navigate = useNavigate();
  const { pending, error, run } = usePendingAction();

  const remove = () =>
    run(async () => {
      await activitiesApi.remove(activity.id);
      await navigate('/activities');
    });

  return (
    <>
      <title>{`${activity.name} · Bigrock`}</title>
      <div className="page-header">
        <div>
          <p className="eyebrow">{activityClassLabels[activity.activityClass]} activity</p>
          <h1>{activity.name}</h1>
          <p className="muted">
            {formatRate(activity)} · {formatNumber(hoursPerWeek)} h a week
          </p>
        </div>
        <div className="actions">
          <button type="button" className="button-danger" disabled={pending} onClick={() => void remove()}>
            Delete activity
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      <div className="detail-grid">
        <div className="detail-main">
          <section className="panel" aria-labelledby="activity-pace-heading">
            <h2 id="activity-pace-heading">Pace</h2>
            <ActivityPaceSummary pace={pace} unit={activity.unit} />
            <ActivityChart series={series} unit={activity.unit} />
          </section>
          <ActivityLogForm key={activity.id} activityId={activity.id} unit={activity.unit} today={today} />
          <LoggedList
            heading="Logged counts"
            amountHeading={activity.unit}
            rows={logs.map(({ id, date, count, note }) => ({ id, date, amount: count, note }))}
            remove={(id) => activitiesApi.deleteLog(id)}
          />
        </div>
        <div className="detail-side">
          <ActivityBreaks activityId={activity.id} breaks={breaks} today={today} />
          <section className="panel" aria-labelledby="activity-settings-heading">
            <h2 id="activity-settings-heading">Settings</h2>
            <ActivityForm
              key={activity.updatedAt}
              initial={activityToForm(activity)}
              goals={goals}
              submitLabel="Save changes"
              save={async (values) => {
                await activitiesApi.update(activity.id, formToActivityInput(values));
                await revalidator.revalidate();
              }}
            />
          </section>
        </div>
      </div>
    </>
  );
}
