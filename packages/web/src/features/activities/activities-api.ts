import type {
  Activity,
  ActivityBreak,
  ActivityBreakInput,
  ActivityDetail,
  ActivityLog,
  ActivityStanding,
  CreateActivityInput,
  LogActivityInput,
  UpdateActivityInput,
} from '@bigrock/core';

import { api } from '../../api/api-client';

const activityPath = (idOrName: string) => `/activities/${encodeURIComponent(idOrName)}`;

export const activitiesApi = {
  list: () => api.get<ActivityStanding[]>('/activities'),
  get: (id: string) => api.get<ActivityDetail>(activityPath(id)),
  create: (input: CreateActivityInput) => api.post<Activity>('/activities', input),
  update: (id: string, input: UpdateActivityInput) => api.patch<Activity>(activityPath(id), input),
  remove: (id: string) => api.delete(activityPath(id)),
  log: (id: string, input: LogActivityInput) => api.post<ActivityLog>(`${activityPath(id)}/logs`, input),
  deleteLog: (logId: string) => api.delete(`/activity-logs/${encodeURIComponent(logId)}`),
  addBreak: (id: string, input: ActivityBreakInput) => api.post<ActivityBreak>(`${activityPath(id)}/breaks`, input),
  deleteBreak: (breakId: string) => api.delete(`/activity-breaks/${encodeURIComponent(breakId)}`),
};
