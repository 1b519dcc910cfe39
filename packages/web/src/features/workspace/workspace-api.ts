import type { WorkingHours } from '@bigrock/core';

import { api } from '../../api/api-client';

/** The workspace as GET /workspace answers it. */
export interface WorkspaceSettings {
  id: string;
  name: string;
  timeZone: string;
  workingHours: WorkingHours;
}

export const workspaceApi = {
  get: () => api.get<WorkspaceSettings>('/workspace'),
  update: (changes: Partial<Pick<WorkspaceSettings, 'name' | 'timeZone' | 'workingHours'>>) =>
    api.patch<WorkspaceSettings>('/workspace', changes),
};

/** What the settings page shows: the workspace. */
export async function settingsLoader() {
  return { workspace: await workspaceApi.get() };
}
