import type {
  CreateGoalInput,
  DataPoint,
  EditDataPointInput,
  Goal,
  GoalDetail,
  GoalStanding,
  LogProgressInput,
  UpdateGoalInput,
} from '@bigrock/core';

import { api } from '../../api/api-client';

const goalPath = (id: string) => `/goals/${encodeURIComponent(id)}`;

export const goalsApi = {
  list: (options: { archived?: boolean } = {}) =>
    api.get<GoalStanding[]>(options.archived ? '/goals?archived=true' : '/goals'),
  get: (id: string) => api.get<GoalDetail>(goalPath(id)),
  create: (input: CreateGoalInput) => api.post<Goal>('/goals', input),
  update: (id: string, input: UpdateGoalInput) => api.patch<Goal>(goalPath(id), input),
  archive: (id: string) => api.post<Goal>(`${goalPath(id)}/archive`),
  unarchive: (id: string) => api.post<Goal>(`${goalPath(id)}/unarchive`),
  logProgress: (id: string, input: LogProgressInput) => api.post<DataPoint>(`${goalPath(id)}/points`, input),
  editDataPoint: (pointId: string, input: EditDataPointInput) =>
    api.patch<DataPoint>(`/points/${encodeURIComponent(pointId)}`, input),
  deleteDataPoint: (pointId: string) => api.delete(`/points/${encodeURIComponent(pointId)}`),
  /** Fills an empty workspace with the network-marketing example of the seeds. */
  loadDemo: () => api.post<{ goalIds: string[] }>('/demo'),
};
