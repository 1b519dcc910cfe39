import { useLoaderData } from 'react-router-dom';

import { NotificationsSection } from '../planner/NotificationsSection';
import { CalendarFeedSection } from './CalendarFeedSection';
import { IdleSettingsSection } from './IdleSettingsSection';
import { MoneySettingsSection } from './MoneySettingsSection';
import type { settingsLoader } from './workspace-api';
import { WorkingHoursForm } from './WorkingHoursForm';

/** The workspace's working hours, how this browser watches for time away from a timer, and the calendar feed. */
export function SettingsPage() {
  const { workspace, feed } = useLoaderData<typeof settingsLoader>();
  return (
    <>
      <title>Settings · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            {workspace.name}: times in {workspace.timeZone}.
          </p>
        </div>
      </div>
      <WorkingHoursForm workspace={workspace} />
      <MoneySettingsSection />
      <IdleSettingsSection />
      <NotificationsSection />
      <CalendarFeedSection initial={feed} />
    </>
  );
}
