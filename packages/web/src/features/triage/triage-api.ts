import type {
  CreateTriageTaskInput,
  TriageOverrideInput,
  TriagePlan,
  TriageTask,
  UpdateTriageTaskInput,
} from '@bigrock/core';

import { api } from '../../api/api-client';

const taskPath = (id: string) => `/triage/tasks/${encodeURIComponent(id)}`;

export const triageApi = {
  plan: () => api.get<TriagePlan>('/triage/plan'),
  create: (input: CreateTriageTaskInput) => api.post<TriageTask>('/triage/tasks', input),
  update: (id: string, input: UpdateTriageTaskInput) => api.patch<TriageTask>(taskPath(id), input),
  remove: (id: string) => api.delete(taskPath(id)),
  override: (id: string, input: TriageOverrideInput) => api.put<TriageTask>(`${taskPath(id)}/override`, input),
  clearOverride: (id: string) => api.delete(`${taskPath(id)}/override`),
};

/** What the triage page shows: the plan, tasks and totals, made by the server. */
export async function triageLoader() {
  return { plan: await triageApi.plan() };
}
