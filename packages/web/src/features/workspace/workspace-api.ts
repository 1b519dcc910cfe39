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

/** The plan's calendar feed: its secret address (GET/POST /planner/feed). */
export interface CalendarFeed {
  url: string;
  path: string;
  createdAt: string;
}

export const calendarFeedApi = {
  get: async () => (await api.get<{ feed: CalendarFeed | null }>('/planner/feed')).feed,
  make: async () => (await api.post<{ feed: CalendarFeed }>('/planner/feed')).feed,
  renew: async () => (await api.post<{ feed: CalendarFeed }>('/planner/feed/renew')).feed,
  revoke: () => api.delete('/planner/feed'),
};

/** What the settings page shows: the workspace and its calendar feed. */
export async function settingsLoader() {
  const [workspace, feed] = await Promise.all([workspaceApi.get(), calendarFeedApi.get()]);
  return { workspace, feed };
}
