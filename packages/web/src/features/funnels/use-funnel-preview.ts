import { dateInZone, solveLoggedFunnel, type Activity, type Goal, type Plan, type StageLog } from '@bigrock/core';
import { useDeferredValue, useMemo } from 'react';

import { formToPlan, type FunnelFormValues } from './funnel-form-values';

export type FunnelPreview = { plan: Plan; solution: ReturnType<typeof solveLoggedFunnel> } | { missing: string };

/** The activity a stage names, as the server finds it on save: the same name, else the same name in another case. */
function activityNamed(activities: readonly Activity[], name: string): Activity | undefined {
  return (
    activities.find((activity) => activity.name === name) ??
    activities.find((activity) => activity.name.toLowerCase() === name.toLowerCase())
  );
}

/**
 * The plan the form describes, solved as the saved funnel will be: by core's solveLoggedFunnel,
 * with the counts already logged for the stages' activities, as of today in the workspace's zone,
 * with the minutes of an existing activity where a stage leaves them empty and the goal's working
 * days where the form leaves them empty (as the server fills them in). The solve waits for a
 * pause in typing (a deferred value), so that the form stays quick.
 */
export function useFunnelPreview(
  values: FunnelFormValues,
  goal: Goal | undefined,
  activities: readonly Activity[],
  logs: Readonly<Record<string, StageLog[]>>,
  today: string,
): FunnelPreview {
  const deferred = useDeferredValue(values);
  return useMemo(() => {
    const daysOff = goal?.daysOff.length ?? 0;
    const filled: FunnelFormValues = {
      ...deferred,
      workdaysPerWeek:
        deferred.workdaysPerWeek.trim() === '' && daysOff > 0 ? String(7 - daysOff) : deferred.workdaysPerWeek,
      stages: deferred.stages.map((stage) => {
        const minutes = activityNamed(activities, stage.activity.trim())?.minutesPerUnit;
        return stage.minutesPerUnit.trim() === '' && minutes != null
          ? { ...stage, minutesPerUnit: String(minutes) }
          : stage;
      }),
    };
    const result = formToPlan(filled, goal);
    if ('missing' in result) return result;
    const stageLogs = result.plan.stages.map(({ activity }) => {
      const found = activityNamed(activities, activity);
      return found === undefined ? [] : (logs[found.id] ?? []);
    });
    return { plan: result.plan, solution: solveLoggedFunnel(result.plan, stageLogs, today) };
  }, [deferred, goal, activities, logs, today]);
}

/** Today in the workspace's zone: the day the server solves a funnel as of. */
export const workspaceToday = (timeZone: string) => dateInZone(new Date(), timeZone);
