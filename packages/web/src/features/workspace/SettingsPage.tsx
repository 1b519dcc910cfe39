import { useLoaderData } from 'react-router-dom';

import { IdleSettingsSection } from './IdleSettingsSection';
import type { settingsLoader } from './workspace-api';
import { WorkingHoursForm } from './WorkingHoursForm';

/** The workspace's working hours, and how this browser watches for time away from a timer. */
export function SettingsPage() {
  const { workspace } = useLoaderData<typeof settingsLoader>();
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
      <IdleSettingsSection />
    </>
  );
}
