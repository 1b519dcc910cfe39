import type { StageLog } from '@bigrock/core';
import type { LoaderFunctionArgs } from 'react-router-dom';

import { ApiError } from '../../api/api-client';
import { activitiesApi } from '../activities/activities-api';
import { goalsApi } from '../goals/goals-api';
import { trackingApi } from '../tracking/tracking-api';
import { funnelsApi } from './funnels-api';
import { workspaceToday } from './use-funnel-preview';

function funnelIdOf(params: LoaderFunctionArgs['params']): string {
  if (params.id === undefined) throw new Error('This page needs a funnel id in its path.');
  return params.id;
}

export function funnelsLoader() {
  return funnelsApi.list();
}

/**
 * A new funnel, or the one being edited; the goals it can serve, the activities its stages can be
 * and the counts logged for them (the preview learns from them as the saved funnel will), and
 * today in the workspace's zone.
 */
export async function funnelEditorLoader({ params }: LoaderFunctionArgs) {
  const [funnel, goals, activities, workspace] = await Promise.all([
    params.id === undefined ? null : funnelsApi.get(params.id),
    goalsApi.list(),
    activitiesApi.list(),
    trackingApi.workspace(),
  ]);
  const details = await Promise.all(activities.map(({ activity }) => activitiesApi.get(activity.id)));
  const logs: Record<string, StageLog[]> = Object.fromEntries(
    details.map(({ activity, logs: logged }) => [activity.id, logged.map(({ date, count }) => ({ date, count }))]),
  );
  return {
    funnel,
    goals: goals.map(({ goal }) => goal),
    activities: activities.map(({ activity }) => activity),
    logs,
    today: workspaceToday(workspace.timeZone),
  };
}

/**
 * A funnel solved as of today, with the plan it was solved as, for the picture and the what-ifs. A
 * funnel that cannot be solved yet (no target, no deadline) still shows, with the reason.
 */
export async function funnelDetailLoader({ params }: LoaderFunctionArgs) {
  const id = funnelIdOf(params);
  const funnel = await funnelsApi.get(id);
  // Its goal, to say when the funnel aims elsewhere; a goal deleted since is no goal.
  const goal =
    funnel.goalId === null
      ? null
      : await goalsApi.get(funnel.goalId).then(
          ({ goal: found }) => found,
          (error: unknown) => {
            if (error instanceof ApiError && error.code === 'not-found') return null;
            throw error;
          },
        );
  try {
    return { funnel, goal, solution: await funnelsApi.solve(funnel.id), unsolved: null };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid-input')
      return { funnel, goal, solution: null, unsolved: error.message };
    throw error;
  }
}
