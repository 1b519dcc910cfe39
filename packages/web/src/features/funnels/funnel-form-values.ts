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

/** The fields a funnel takes from its goal when it leaves them empty. */
export const goalAimFields = ['target', 'unit', 'startDate', 'deadline'] as const;

/**
 * A template's plan, ready to edit. With a goal, the template gives the stages, rates and hours,
 * and the funnel follows the goal's target, unit and dates (left empty); its value per unit only
 * when the goal counts in the template's unit (USD), or it would turn the goal's count into money.
 */
export function templateToForm(
  key: FunnelTemplateKey,
  title: string,
  today: CalendarDate,
  goal?: Pick<Goal, 'id' | 'unit'>,
): FunnelFormValues {
  const plan = funnelTemplatePlan(key, today);
  const sameUnit = goal?.unit?.trim().toLowerCase() === plan.goal.unit.toLowerCase();
  return {
    name: title,
    goalId: goal?.id ?? '',
    target: goal === undefined ? text(plan.goal.target) : '',
    unit: goal === undefined ? plan.goal.unit : '',
    valuePerUnit: goal === undefined || sameUnit ? text(plan.goal.valuePerUnit) : '',
    startDate: goal === undefined ? plan.goal.start : '',
    deadline: goal === undefined ? plan.goal.deadline : '',
    hoursPerWeek: text(plan.hoursPerWeek),
    workdaysPerWeek: text(plan.workdaysPerWeek),
    stages: plan.stages.map((stage) => ({
      activity: stage.activity,
      minutesPerUnit: text(stage.minutesPerUnit),
      conversionPercent: percentText(stage.conversionFromPrevious),
    })),
  };
}

/**
 * The form once a goal is chosen: the target, unit and dates a template (or a new form) filled
 * in are emptied, so the funnel follows the goal; the ones the user typed stay, on purpose.
 * `filled` holds the values as they were filled in for the user.
 */
export function withGoal(
  values: FunnelFormValues,
  goal: Pick<Goal, 'id' | 'unit'> | undefined,
  filled: Partial<FunnelFormValues>,
): FunnelFormValues {
  const next = { ...values, goalId: goal?.id ?? '' };
  if (goal === undefined) return next;
  for (const field of goalAimFields) {
    if (values[field] === filled[field]) next[field] = '';
  }
  return next;
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

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

/**
 * The plan the form describes, with the goal's fields where the form leaves them empty, as the
 * server will solve it; or a sentence saying what to fill in or fix first to see it.
 */
export function formToPlan(values: FunnelFormValues, goal: Goal | undefined): { plan: Plan } | { missing: string } {
  const orGoal = (own: string, fromGoal: number | string | null | undefined) =>
    own.trim() !== '' ? own : fromGoal === null || fromGoal === undefined ? '' : String(fromGoal);
  const number = (value: string) => (value.trim() === '' ? undefined : Number(value));
  const input = {
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
  };
  // What is left empty is listed at once, in the form's words, rather than one validator message at a time.
  const missing = [
    input.goal.target === undefined && funnelFieldLabels.target,
    input.goal.start === '' && funnelFieldLabels.startDate,
    input.goal.deadline === '' && funnelFieldLabels.deadline,
    input.hoursPerWeek === undefined && funnelFieldLabels.hoursPerWeek,
    ...values.stages.flatMap((stage, index) => [
      stage.activity.trim() === '' && `Stage ${index + 1} activity`,
      index > 0 && stage.conversionPercent.trim() === '' && `Stage ${index + 1} conversion`,
    ]),
  ].filter((label) => label !== false);
  if (missing.length > 0) return { missing: `To see the plan, fill in: ${listFormat.format(missing)}.` };
  const conversion = values.stages.findIndex((stage, index) => index > 0 && conversionProblem(stage) !== undefined);
  if (conversion > 0)
    return {
      missing: `To see the plan, fix Stage ${conversion + 1} conversion: give a percentage above 0 and at most 100.`,
    };
  // Core's schemas word their own messages; a rule without one gets this rather than the validator's text.
  const result = planSchema.safeParse(input, { error: () => 'is not valid' });
  if (result.success) return { plan: result.data };
  const issue = result.error.issues[0];
  return {
    missing: `To see the plan, fix ${funnelFieldName(issue?.path ?? [])}: it ${issue?.message ?? 'is not valid'}.`,
  };
}

/** A conversion typed in percent: above 0, at most 100; empty is for the form's other checks. */
function conversionProblem(stage: StageFormValues): string | undefined {
  if (stage.conversionPercent.trim() === '') return undefined;
  const percent = Number(stage.conversionPercent);
  return percent > 0 && percent <= 100
    ? undefined
    : 'Give a percentage above 0 and at most 100, e.g. 10 for one in ten.';
}

/**
 * What the form must have before it is saved, keyed by the API's field path so that each message
 * stands beside its field, all at once: a blank funnel shows every field to fill in.
 */
export function funnelFormProblems(values: FunnelFormValues): Record<string, string | undefined> {
  const problems: Record<string, string | undefined> = {};
  if (values.name.trim() === '') problems.name = 'Name the funnel, e.g. “Warm market”.';
  values.stages.forEach((stage, index) => {
    if (stage.activity.trim() === '')
      problems[`stages.${index}.activity`] =
        index === 0 ? 'Name the first activity, e.g. calls.' : 'Name the activity of this stage, e.g. appointments.';
    if (index === 0) return;
    const before = values.stages[index - 1]?.activity.trim() || 'the stage before';
    problems[`stages.${index}.conversion`] =
      stage.conversionPercent.trim() === ''
        ? `Give your guess of the share of ${before} that gets this far, in %, e.g. 10.`
        : conversionProblem(stage);
  });
  return problems;
}

export interface FunnelFormFailure {
  summary: string;
  /** Keyed by the server's field path: `target`, `stages.1.conversion`. */
  fields: Record<string, string | undefined>;
}

/** The server's message beside the field it names, and at the top with the field's label instead of its path. */
export function funnelFormFailure(error: unknown): FunnelFormFailure {
  if (!(error instanceof ApiError) || error.field === undefined) return { summary: errorMessage(error), fields: {} };
  const message = fieldMessage(error);
  const path = error.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return { summary: `${funnelFieldName(path)}: ${message}`, fields: { [error.field]: message } };
}

const funnelFieldNames: Record<string, string> = {
  ...funnelFieldLabels,
  activity: 'activity',
  minutesPerUnit: 'minutes per unit',
  conversion: 'conversion',
  // The plan's own names, for the live preview.
  start: funnelFieldLabels.startDate,
  conversionFromPrevious: 'conversion',
};

/** `stages.1.conversion` → `Stage 2 conversion`; `hoursPerWeek` → `Hours per week`. */
function funnelFieldName(path: readonly PropertyKey[]): string {
  const [first, second, third] = path;
  if (first === 'stages' && typeof second === 'number')
    return `Stage ${second + 1}${third === undefined ? '' : ` ${funnelFieldNames[String(third)] ?? String(third)}`}`;
  // The plan nests the outcome's fields under `goal`.
  const name = String((first === 'goal' ? second : first) ?? '');
  return funnelFieldNames[name] ?? name;
}
