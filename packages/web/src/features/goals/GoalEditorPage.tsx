import { activityLoad } from '@bigrock/core';
import { useLoaderData, useNavigate } from 'react-router-dom';

import {
  formToCreateInput,
  formToUpdateInput,
  goalToForm,
  newGoalForm,
  parentCandidates,
  type GoalFormValues,
} from './goal-form-values';
import type { goalEditorLoader } from './goal-loaders';
import { GoalForm } from './GoalForm';
import { goalsApi } from './goals-api';

/** `/goals/new` and `/goals/:id/edit`: the same form, empty or filled with the goal. */
export function GoalEditorPage() {
  const { detail, goals, linked, sourceChoices, today } = useLoaderData<typeof goalEditorLoader>();
  const navigate = useNavigate();
  const goal = detail?.goal ?? null;

  async function save(values: GoalFormValues) {
    const saved =
      goal === null
        ? await goalsApi.create(formToCreateInput(values))
        : await goalsApi.update(goal.id, formToUpdateInput(values, goal.source));
    await navigate(`/goals/${saved.id}`);
  }

  const heading = goal === null ? 'New goal' : `Edit “${goal.title}”`;
  return (
    <>
      <title>{`${heading} · Bigrock`}</title>
      <div className="page-header">
        <h1>{heading}</h1>
      </div>
      <GoalForm
        // A fresh form per goal: going from one goal's editor to another's must not keep the old values.
        key={goal?.id ?? 'new'}
        initial={goal === null ? newGoalForm(today) : goalToForm(goal)}
        parents={parentCandidates(goals, goal?.id)}
        checkContext={{
          today,
          dataPointCount: detail?.dataPoints.length ?? 0,
          lastDataPointDate: detail?.dataPoints.at(-1)?.date ?? null,
          activities: linked.length === 0 ? null : activityLoad(linked),
        }}
        sourceChoices={sourceChoices}
        submitLabel={goal === null ? 'Create goal' : 'Save changes'}
        cancelTo={goal === null ? '/' : `/goals/${goal.id}`}
        save={save}
      />
    </>
  );
}
