import type { LoaderFunctionArgs } from 'react-router-dom';

import { localToday } from '../../shared/format';
import { activitiesApi } from '../activities/activities-api';
import { goalsApi } from './goals-api';

function goalIdOf(params: LoaderFunctionArgs['params']): string {
  // The routes that use these loaders all have an :id segment; without one the route table is wrong.
  if (params.id === undefined) throw new Error('This page needs a goal id in its path.');
  return params.id;
}

/** The active goals; when there are none, whether archived ones exist (the demo only fills an empty workspace). */
export async function dashboardLoader() {
  const standings = await goalsApi.list();
  const hasArchived = standings.length === 0 && (await goalsApi.list({ archived: true })).length > 0;
  return { standings, hasArchived };
}

export function archivedGoalsLoader() {
  return goalsApi.list({ archived: true });
}

export async function goalDetailLoader({ params }: LoaderFunctionArgs) {
  return { detail: await goalsApi.get(goalIdOf(params)), today: localToday() };
}

/** A new goal, or the one being edited, and the goals that could be its parent. */
export async function goalEditorLoader({ params }: LoaderFunctionArgs) {
  const [detail, active, activities, sourceChoices] = await Promise.all([
    params.id === undefined ? null : goalsApi.get(params.id),
    goalsApi.list(),
    // The activities linked to the goal make the live check's "achievable" and "activity-based".
    params.id === undefined ? [] : activitiesApi.list(),
    goalsApi.sourceChoices(),
  ]);
  const linked = activities.map(({ activity }) => activity).filter(({ goalIds }) => goalIds.includes(params.id ?? ''));
  return { detail, goals: active.map(({ goal }) => goal), linked, sourceChoices, today: localToday() };
}
