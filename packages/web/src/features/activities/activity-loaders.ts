import type { LoaderFunctionArgs } from 'react-router-dom';

import { localToday } from '../../shared/format';
import { goalsApi } from '../goals/goals-api';
import { activitiesApi } from './activities-api';

function activityIdOf(params: LoaderFunctionArgs['params']): string {
  if (params.id === undefined) throw new Error('This page needs an activity id in its path.');
  return params.id;
}

/** Every activity with its pace, and the goals a new one could serve. */
export async function activitiesLoader() {
  const [standings, goals] = await Promise.all([activitiesApi.list(), goalsApi.list()]);
  return { standings, goals: goals.map(({ goal }) => goal), today: localToday() };
}

export async function activityDetailLoader({ params }: LoaderFunctionArgs) {
  const [detail, goals] = await Promise.all([activitiesApi.get(activityIdOf(params)), goalsApi.list()]);
  return { detail, goals: goals.map(({ goal }) => goal), today: localToday() };
}
