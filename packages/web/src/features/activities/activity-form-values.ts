import {
  DEFAULT_WORKDAYS,
  type Activity,
  type ActivityClass,
  type CalendarDate,
  type CreateActivityInput,
  type RatePeriod,
  type Weekday,
} from '@bigrock/core';

import { ApiError, errorMessage, fieldMessage } from '../../api/api-client';

/** The activity form as typed: numbers stay text until saved, so a half-typed one is not lost. */
export interface ActivityFormValues {
  name: string;
  unit: string;
  rate: string;
  ratePeriod: RatePeriod | '';
  minutesPerUnit: string;
  activityClass: ActivityClass;
  workdays: Weekday[];
  goalIds: string[];
  startDate: string;
}

export type ActivityFormField = keyof ActivityFormValues;

export const activityFieldLabels: Record<ActivityFormField, string> = {
  name: 'Name',
  unit: 'Unit',
  rate: 'Target rate',
  ratePeriod: 'Per',
  minutesPerUnit: 'Minutes per unit',
  activityClass: 'Class',
  workdays: 'Working days',
  goalIds: 'Goals it serves',
  startDate: 'Start date',
};

export function newActivityForm(today: CalendarDate): ActivityFormValues {
  return {
    name: '',
    unit: '',
    rate: '',
    ratePeriod: 'day',
    minutesPerUnit: '',
    activityClass: 'income',
    workdays: [...DEFAULT_WORKDAYS],
    goalIds: [],
    startDate: today,
  };
}

export function activityToForm(activity: Activity): ActivityFormValues {
  return {
    name: activity.name,
    unit: activity.unit,
    rate: activity.rate === null ? '' : String(activity.rate),
    ratePeriod: activity.ratePeriod ?? '',
    minutesPerUnit: activity.minutesPerUnit === null ? '' : String(activity.minutesPerUnit),
    activityClass: activity.activityClass,
    workdays: activity.workdays,
    goalIds: activity.goalIds,
    startDate: activity.startDate,
  };
}

// A field left empty is sent as null (or left out), never as 0: "no target" is not "a target of 0".
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** The input the API takes; without a rate, the period is left out too. */
export function formToActivityInput(values: ActivityFormValues): CreateActivityInput {
  const rate = numberOrNull(values.rate);
  return {
    name: values.name,
    unit: values.unit.trim() === '' ? undefined : values.unit,
    rate,
    ratePeriod: rate === null || values.ratePeriod === '' ? null : values.ratePeriod,
    minutesPerUnit: numberOrNull(values.minutesPerUnit),
    activityClass: values.activityClass,
    workdays: values.workdays,
    goalIds: values.goalIds,
    startDate: values.startDate,
  };
}

function isActivityFormField(name: string): name is ActivityFormField {
  return Object.hasOwn(activityFieldLabels, name);
}

export interface ActivityFormFailure {
  summary: string;
  fields: Partial<Record<ActivityFormField, string>>;
}

/** The server's message, placed beside the field it names, and at the top with the field's label. */
export function activityFormFailure(error: unknown): ActivityFormFailure {
  if (!(error instanceof ApiError) || error.field === undefined) return { summary: errorMessage(error), fields: {} };
  const name = error.field.split('.')[0] ?? '';
  if (!isActivityFormField(name)) return { summary: error.message, fields: {} };
  const summary = error.message.startsWith(`${error.field}:`)
    ? `${activityFieldLabels[name]}${error.message.slice(error.field.length)}`
    : error.message;
  return { summary, fields: { [name]: fieldMessage(error) } };
}
