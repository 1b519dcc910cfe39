import {
  funnelTemplatePlan,
  planSchema,
  type CalendarDate,
  type CreateFunnelInput,
  type Funnel,
  type FunnelTemplateKey,
  type Goal,
  type Plan,
} from '@bigrock/core';

import { ApiError, errorMessage, fieldMessage } from '../../api/api-client';

export interface StageFormValues {
  activity: string;
  minutesPerUnit: string;
  /** In percent, as people say it: "10" for one in ten. Empty on the first stage. */
  conversionPercent: string;
}

/** The funnel editor as typed; numbers stay text until saved. */
export interface FunnelFormValues {
  name: string;
  goalId: string;
  target: string;
  unit: string;
  valuePerUnit: string;
  startDate: string;
  deadline: string;
  hoursPerWeek: string;
  workdaysPerWeek: string;
  stages: StageFormValues[];
}

export type FunnelFormField = Exclude<keyof FunnelFormValues, 'stages'>;

export const funnelFieldLabels: Record<FunnelFormField, string> = {
  name: 'Name',
  goalId: 'Goal it serves',
  target: 'Target',
  unit: 'Unit of the target',
  valuePerUnit: 'Value per unit of the last stage',
  startDate: 'Start date',
  deadline: 'Deadline',
  hoursPerWeek: 'Hours per week',
  workdaysPerWeek: 'Working days per week',
};

const emptyStage = (): StageFormValues => ({ activity: '', minutesPerUnit: '', conversionPercent: '' });

export function newFunnelForm(today: CalendarDate): FunnelFormValues {
  return {
    name: '',
    goalId: '',
    target: '',
    unit: '',
    valuePerUnit: '',
    startDate: today,
    deadline: '',
    hoursPerWeek: '',
    workdaysPerWeek: '5',
    stages: [emptyStage(), emptyStage()],
  };
}

export { emptyStage };

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
// 0.1 → "10", without the float noise of 0.07 × 100 = 7.000000000000001.
const percentText = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '' : String(Math.round(rate * 100 * 1e6) / 1e6);

/** A template's plan, ready to edit. */
export function templateToForm(key: FunnelTemplateKey, title: string, today: CalendarDate): FunnelFormValues {
  const plan = funnelTemplatePlan(key, today);
  return {
    name: title,
    goalId: '',
    target: text(plan.goal.target),
    unit: plan.goal.unit,
    valuePerUnit: text(plan.goal.valuePerUnit),
    startDate: plan.goal.start,
    deadline: plan.goal.deadline,
    hoursPerWeek: text(plan.hoursPerWeek),
    workdaysPerWeek: text(plan.workdaysPerWeek),
    stages: plan.stages.map((stage) => ({
      activity: stage.activity,
      minutesPerUnit: text(stage.minutesPerUnit),
      conversionPercent: percentText(stage.conversionFromPrevious),
    })),
  };
}

export function funnelToForm(funnel: Funnel): FunnelFormValues {
  return {
    name: funnel.name,
    goalId: funnel.goalId ?? '',
    target: text(funnel.target),
    unit: funnel.unit ?? '',
    valuePerUnit: text(funnel.valuePerUnit),
    startDate: funnel.startDate ?? '',
    deadline: funnel.deadline ?? '',
    hoursPerWeek: text(funnel.hoursPerWeek),
    workdaysPerWeek: text(funnel.workdaysPerWeek),
    stages: funnel.stages.map((stage) => ({
      activity: stage.activity,
      minutesPerUnit: text(stage.minutesPerUnit),
      conversionPercent: percentText(stage.conversionGuess),
    })),
  };
}

const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** What the API takes: empty fields are null, so that they come from the goal. */
export function formToFunnelInput(values: FunnelFormValues): CreateFunnelInput {
  return {
    name: values.name,
    goalId: textOrNull(values.goalId),
    target: numberOrNull(values.target),
    unit: textOrNull(values.unit),
    valuePerUnit: numberOrNull(values.valuePerUnit),
    startDate: textOrNull(values.startDate),
    deadline: textOrNull(values.deadline),
    hoursPerWeek: numberOrNull(values.hoursPerWeek),
    workdaysPerWeek: numberOrNull(values.workdaysPerWeek),
    stages: values.stages.map((stage, index) => ({
      activity: stage.activity,
      ...(stage.minutesPerUnit.trim() !== '' && { minutesPerUnit: Number(stage.minutesPerUnit) }),
      ...(index > 0 && {
        conversion: numberOrNull(stage.conversionPercent) === null ? null : Number(stage.conversionPercent) / 100,
      }),
    })),
  };
}

/**
 * The plan the form describes, with the goal's fields where the form leaves them empty, as the
 * server will solve it; or the first thing missing, to say what to fill in.
 */
export function formToPlan(values: FunnelFormValues, goal: Goal | undefined): { plan: Plan } | { missing: string } {
  const orGoal = (own: string, fromGoal: number | string | null | undefined) =>
    own.trim() !== '' ? own : fromGoal === null || fromGoal === undefined ? '' : String(fromGoal);
  const number = (value: string) => (value.trim() === '' ? undefined : Number(value));
  const result = planSchema.safeParse({
    hoursPerWeek: number(orGoal(values.hoursPerWeek, goal?.hoursPerWeek)),
    workdaysPerWeek: number(values.workdaysPerWeek) ?? 5,
    goal: {
      target: number(orGoal(values.target, goal?.target)),
      unit: orGoal(values.unit, goal?.unit) || values.stages.at(-1)?.activity || 'units',
      start: orGoal(values.startDate, goal?.startDate),
      deadline: orGoal(values.deadline, goal?.deadline),
      ...(values.valuePerUnit.trim() !== '' && { valuePerUnit: Number(values.valuePerUnit) }),
    },
    stages: values.stages.map((stage, index) => ({
      activity: stage.activity,
      minutesPerUnit: number(stage.minutesPerUnit) ?? 0,
      ...(index > 0 && {
        conversionFromPrevious:
          number(stage.conversionPercent) === undefined ? undefined : Number(stage.conversionPercent) / 100,
      }),
    })),
  });
  if (result.success) return { plan: result.data };
  const issue = result.error.issues[0];
  return { missing: `${planFieldName(issue?.path ?? [])}: ${issue?.message ?? 'is not complete'}` };
}

const planFieldNames: Record<string, string> = {
  hoursPerWeek: funnelFieldLabels.hoursPerWeek,
  workdaysPerWeek: funnelFieldLabels.workdaysPerWeek,
  target: funnelFieldLabels.target,
  unit: funnelFieldLabels.unit,
  start: funnelFieldLabels.startDate,
  deadline: funnelFieldLabels.deadline,
  valuePerUnit: funnelFieldLabels.valuePerUnit,
  activity: 'activity',
  minutesPerUnit: 'minutes per unit',
  conversionFromPrevious: 'conversion',
};

/** `stages.1.conversionFromPrevious` → `Stage 2 conversion`, as the form's labels say it. */
function planFieldName(path: readonly PropertyKey[]): string {
  const [first, second, third] = path;
  if (first === 'stages' && typeof second === 'number')
    return `Stage ${second + 1}${third === undefined ? '' : ` ${planFieldNames[String(third)] ?? String(third)}`}`;
  const last = String(path.at(-1) ?? 'plan');
  return planFieldNames[last] ?? last;
}

export interface FunnelFormFailure {
  summary: string;
  /** Keyed by the server's field path: `target`, `stages.1.conversion`. */
  fields: Record<string, string | undefined>;
}

export function funnelFormFailure(error: unknown): FunnelFormFailure {
  if (!(error instanceof ApiError) || error.field === undefined) return { summary: errorMessage(error), fields: {} };
  return { summary: error.message, fields: { [error.field]: fieldMessage(error) } };
}
