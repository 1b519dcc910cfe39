import type { ActivityRoi, AuditReport, ChannelMapping } from '@bigrock/core';
import type { LoaderFunctionArgs } from 'react-router-dom';

import { api } from '../../api/api-client';
import { activitiesApi } from '../activities/activities-api';

const queryKeys = ['range', 'from', 'to', 'attribution', 'lagWeeks'] as const;

/** The page's window and model as the API's query: what the address says, nothing else. */
export function auditQuery(params: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of queryKeys) {
    const value = params.get(key);
    if (value !== null && value !== '') query.set(key, value);
  }
  return query;
}

export const auditApi = {
  report: (query: URLSearchParams) => api.get<AuditReport>(`/audit?${query.toString()}`),
  roi: (query: URLSearchParams, activity: string) => {
    const withActivity = new URLSearchParams(query);
    withActivity.set('activity', activity);
    return api.get<ActivityRoi>(`/audit/roi?${withActivity.toString()}`);
  },
  channels: () => api.get<ChannelMapping[]>('/audit/channels'),
  mapChannel: (channel: string, body: { activities: string[] }) =>
    api.put<ChannelMapping>(`/audit/channels/${encodeURIComponent(channel)}`, body),
  removeChannel: (channel: string) => api.delete(`/audit/channels/${encodeURIComponent(channel)}`),
};

/** The audit the address asks for (this month, direct attribution, unless it says otherwise). */
export async function auditLoader({ request }: LoaderFunctionArgs) {
  const query = auditQuery(new URL(request.url).searchParams);
  const [report, channels, activities] = await Promise.all([
    auditApi.report(query),
    auditApi.channels(),
    activitiesApi.list(),
  ]);
  return {
    report,
    channels,
    activities: activities.map((standing) => standing.activity.name),
    query: query.toString(),
  };
}
