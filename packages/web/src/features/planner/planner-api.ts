import type {
  AddBlockInput,
  BigRock,
  BlockRecord,
  CarryRockInput,
  DigestDue,
  EditBlockInput,
  IsoWeek,
  NotificationSettings,
  NotificationSettingsInput,
  SetRockInput,
  TemplateSummary,
  TodayPlan,
  WeekBlock,
  WeekPlan,
} from '@bigrock/core';
import type { LoaderFunctionArgs } from 'react-router-dom';

import { api } from '../../api/api-client';
import { activitiesApi } from '../activities/activities-api';
import { goalsApi } from '../goals/goals-api';

const blockPath = (id: string) => `/planner/blocks/${encodeURIComponent(id)}`;

/** What GET /notifications answers: the settings, the zone they are read on, and today's digest. */
export interface NotificationsView extends NotificationSettings {
  timeZone: string;
  digest: DigestDue;
}

export const plannerApi = {
  week: (week?: IsoWeek) => api.get<WeekPlan>(week === undefined ? '/planner/week' : `/planner/week?week=${week}`),
  record: (week: IsoWeek) =>
    api.get<{ weeks: IsoWeek[]; blocks: BlockRecord[] }>(`/planner/record?week=${week}&weeks=4`),
  templates: () => api.get<TemplateSummary[]>('/planner/templates'),
  applyTemplate: (name: string, week: IsoWeek) =>
    api.post<WeekPlan>(`/planner/templates/${encodeURIComponent(name)}/apply`, { week }),
  addBlock: (input: AddBlockInput) => api.post<{ block: WeekBlock | null }>('/planner/blocks', input),
  editBlock: (id: string, input: EditBlockInput) => api.patch<WeekBlock>(blockPath(id), input),
  skipBlock: (id: string) => api.post<WeekBlock>(`${blockPath(id)}/skip`),
  removeBlock: (id: string) => api.delete(blockPath(id)),
  setRock: (input: SetRockInput) => api.post<BigRock>('/planner/rocks', input),
  rockDone: (date: string) => api.post<BigRock>('/planner/rocks/done', { date }),
  carryRock: (input: CarryRockInput) => api.post<{ carried: BigRock; next: BigRock }>('/planner/rocks/carry', input),
  today: (date?: string) => api.get<TodayPlan>(date === undefined ? '/planner/today' : `/planner/today?date=${date}`),
  notifications: () => api.get<NotificationsView>('/notifications'),
  updateNotifications: (changes: NotificationSettingsInput) => api.patch<NotificationsView>('/notifications', changes),
};

/** What the rock forms offer to tie a rock to. */
async function choices() {
  const [activities, goals] = await Promise.all([activitiesApi.list(), goalsApi.list()]);
  return {
    activities: activities.map(({ activity }) => ({ id: activity.id, name: activity.name })),
    goals: goals.map(({ goal }) => ({ id: goal.id, title: goal.title })),
  };
}
export type RockChoices = Awaited<ReturnType<typeof choices>>;

/** The week of `?week=` (this week by default), its templates, its record of kept blocks, and the choices. */
export async function weekLoader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get('week') ?? undefined;
  const plan = await plannerApi.week(asked);
  const [templates, record, rockChoices] = await Promise.all([
    plannerApi.templates(),
    plannerApi.record(plan.week),
    choices(),
  ]);
  return { plan, templates, record, choices: rockChoices };
}

/** The day: its plan, the week it is in (for tomorrow's rock), the notifications, and the choices. */
export async function todayLoader() {
  const [day, notifications, rockChoices] = await Promise.all([
    plannerApi.today(),
    plannerApi.notifications(),
    choices(),
  ]);
  return { day, notifications, choices: rockChoices };
}
