import { z } from 'zod';

import { activityNameSchema } from '../activities/activity-input.js';
import { boundedNumber } from '../input/number-schema.js';
import { textSchema } from '../input/text-schema.js';

/** How a task leaves the user: with more energy than before, or with less. */
export const energies = ['energizing', 'draining'] as const;
export type Energy = (typeof energies)[number];

/** What triage says to do with a recurring task. */
export const triageActions = ['drop', 'automate', 'delegate', 'batch', 'produce'] as const;
export type TriageAction = (typeof triageActions)[number];

/** The user's own decision over the recommendation, and why. */
export interface TriageOverride {
  action: TriageAction;
  reason: string;
}

/** A recurring task as stored. Money is per hour or per month in the workspace currency. */
export interface TriageTask {
  id: string;
  workspaceId: string;
  name: string;
  /** The activity (as time entries name it) whose tracked hours measure this task; null: estimated. */
  activity: string | null;
  /** The hours a week estimated; used when no tracked hours measure the task. */
  hoursPerWeek: number | null;
  energy: Energy;
  producesIncome: boolean;
  /** False when the task neither earns nor supports anything: it can simply stop. */
  needed: boolean;
  /** Only the user can do it: no one else can be given it. */
  onlyMe: boolean;
  /** What someone else charges an hour to do it; null: no one asked yet. */
  outsourceRate: number | null;
  /** What automating it costs once. */
  automationOnce: number | null;
  /** What automating it costs a month (a subscription). */
  automationMonthly: number | null;
  /** The hours a week a delegated task still takes the user (briefing, checking). */
  reviewHoursPerWeek: number;
  override: TriageOverride | null;
  createdAt: string;
  updatedAt: string;
}

export const MAX_TRIAGE_TASKS = 500;

export const triageTaskNameSchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty: name the task, e.g. "bookkeeping"' })
  .max(120, { message: 'must be at most 120 characters' });

export const triageHoursSchema = boundedNumber({
  min: 0,
  max: 168,
  smallestPositive: 0.01,
  note: '(hours a week: a week has 168)',
});
export const outsourceRateSchema = boundedNumber({ min: 0, max: 1e6, note: '(per hour, in the workspace currency)' });
export const automationOnceSchema = boundedNumber({ min: 0, max: 1e9, note: '(once, in the workspace currency)' });
export const automationMonthlySchema = boundedNumber({
  min: 0,
  max: 1e7,
  note: '(a month, in the workspace currency)',
});
export const overrideReasonSchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty: say why, e.g. "I enjoy it"' })
  .max(500, { message: 'must be at most 500 characters' });

const energySchema = z.enum(energies, { error: `must be one of ${energies.join(', ')}` });
export const triageActionSchema = z.enum(triageActions, { error: `must be one of ${triageActions.join(', ')}` });

const taskFields = {
  name: triageTaskNameSchema,
  activity: activityNameSchema
    .nullable()
    .optional()
    .describe('The activity (as time entries name it) whose tracked hours measure the task; null unlinks it'),
  hoursPerWeek: triageHoursSchema
    .nullable()
    .optional()
    .describe('Hours a week, estimated; used when no tracked hours measure the task'),
  energy: energySchema.describe('energizing or draining'),
  producesIncome: z.boolean().optional().describe('The task itself earns money (false unless set)'),
  needed: z
    .boolean()
    .optional()
    .describe('False when the task neither earns nor supports anything: it can be dropped (true unless set)'),
  onlyMe: z.boolean().optional().describe('Only you can do it (false unless set)'),
  outsourceRate: outsourceRateSchema.nullable().optional().describe('What someone else charges an hour to do it'),
  automationOnce: automationOnceSchema.nullable().optional().describe('What automating it costs once'),
  automationMonthly: automationMonthlySchema.nullable().optional().describe('What automating it costs a month'),
  reviewHoursPerWeek: triageHoursSchema
    .optional()
    .describe('Hours a week a delegated task still takes you (briefing, checking); 0 unless set'),
};

const needsHours = (task: { activity?: string | null; hoursPerWeek?: number | null }) =>
  (task.activity ?? null) !== null || (task.hoursPerWeek ?? null) !== null;
const hoursMessage = {
  message: 'give hoursPerWeek (an estimate) or activity (measured from tracking), or both',
  path: ['hoursPerWeek'],
};

/**
 * A new recurring task: its name, its energy, and its hours (an estimate or an activity to measure).
 *
 * @example createTriageTaskSchema.parse({ name: 'Bookkeeping', energy: 'draining', hoursPerWeek: 3 })
 */
export const createTriageTaskSchema = z.object(taskFields).strict().refine(needsHours, hoursMessage);
export type CreateTriageTaskInput = z.input<typeof createTriageTaskSchema>;

/** A change to a task: only the fields named change (the hours are checked again once merged). */
export const updateTriageTaskSchema = z.object(taskFields).partial().strict();
export type UpdateTriageTaskInput = z.input<typeof updateTriageTaskSchema>;

/** Overriding the recommendation: what to do instead, and why. */
export const triageOverrideSchema = z
  .object({
    action: triageActionSchema.describe(`What to do instead: ${triageActions.join(', ')}`),
    reason: overrideReasonSchema.describe('Why'),
  })
  .strict();
export type TriageOverrideInput = z.input<typeof triageOverrideSchema>;

/** Whether a task, once merged with a change, still says where its hours come from. */
export function hasHoursSource(task: Pick<TriageTask, 'activity' | 'hoursPerWeek'>): boolean {
  return needsHours(task);
}
