import type { CreateFunnelInput, Funnel, FunnelApplyResult, FunnelSolveResult, UpdateFunnelInput } from '@bigrock/core';

import { api } from '../../api/api-client';

const funnelPath = (id: string) => `/funnels/${encodeURIComponent(id)}`;

export const funnelsApi = {
  list: () => api.get<Funnel[]>('/funnels'),
  get: (id: string) => api.get<Funnel>(funnelPath(id)),
  create: (input: CreateFunnelInput) => api.post<Funnel>('/funnels', input),
  update: (id: string, input: UpdateFunnelInput) => api.patch<Funnel>(funnelPath(id), input),
  remove: (id: string) => api.delete(funnelPath(id)),
  solve: (id: string) => api.get<FunnelSolveResult>(`${funnelPath(id)}/solve`),
  /** Makes the solved rates the activities' targets, linked to the funnel's goal. */
  apply: (id: string) => api.post<FunnelApplyResult>(`${funnelPath(id)}/apply`),
};
