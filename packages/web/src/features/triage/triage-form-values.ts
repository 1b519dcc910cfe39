import type { CreateTriageTaskInput, Energy, TriageTask } from '@bigrock/core';

/** The task form's controls, as typed: numbers stay text until sent. */
export interface TriageFormValues {
  name: string;
  hoursPerWeek: string;
  activity: string;
  energy: Energy;
  producesIncome: boolean;
  onlyMe: boolean;
  notNeeded: boolean;
  outsourceRate: string;
  automationOnce: string;
  automationMonthly: string;
  reviewHoursPerWeek: string;
}

export const newTriageForm = (): TriageFormValues => ({
  name: '',
  hoursPerWeek: '',
  activity: '',
  energy: 'draining',
  producesIncome: false,
  onlyMe: false,
  notNeeded: false,
  outsourceRate: '',
  automationOnce: '',
  automationMonthly: '',
  reviewHoursPerWeek: '',
});

const text = (value: number | null) => (value === null ? '' : String(value));

export const taskToForm = (task: TriageTask): TriageFormValues => ({
  name: task.name,
  hoursPerWeek: text(task.hoursPerWeek),
  activity: task.activity ?? '',
  energy: task.energy,
  producesIncome: task.producesIncome,
  onlyMe: task.onlyMe,
  notNeeded: !task.needed,
  outsourceRate: text(task.outsourceRate),
  automationOnce: text(task.automationOnce),
  automationMonthly: text(task.automationMonthly),
  reviewHoursPerWeek: task.reviewHoursPerWeek === 0 ? '' : String(task.reviewHoursPerWeek),
});

const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

/** The body the API takes: an empty number is "not set" (the review time, 0). */
export function formToTriageInput(values: TriageFormValues): CreateTriageTaskInput {
  return {
    name: values.name,
    hoursPerWeek: numberOrNull(values.hoursPerWeek),
    activity: values.activity.trim() === '' ? null : values.activity,
    energy: values.energy,
    producesIncome: values.producesIncome,
    onlyMe: values.onlyMe,
    needed: !values.notNeeded,
    outsourceRate: numberOrNull(values.outsourceRate),
    automationOnce: numberOrNull(values.automationOnce),
    automationMonthly: numberOrNull(values.automationMonthly),
    reviewHoursPerWeek: numberOrNull(values.reviewHoursPerWeek) ?? 0,
  };
}
