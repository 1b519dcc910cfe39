import { z } from 'zod';

import { activityNameSchema } from '../activities/activity-input.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';
import { checkPlanShape, conversionSchema, minutesPerUnitSchema } from './plan.js';

export const funnelStageInputSchema = z.object({
  activity: activityNameSchema.describe('The activity of this stage, by name; made when it does not exist'),
  conversion: conversionSchema
    .nullable()
    .optional()
    .describe('Your guess of the share of the stage before that becomes one of these; not for the first stage'),
  minutesPerUnit: minutesPerUnitSchema.optional().describe("Sets the activity's minutes per unit"),
});
export type FunnelStageInput = z.input<typeof funnelStageInputSchema>;

/** The fields of a funnel; everything but the name and the stages may come from its goal. */
export const funnelFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty: name the funnel, e.g. "warm market"' })
    .max(80, { message: 'must be at most 80 characters' }),
  stages: z
    .array(funnelStageInputSchema)
    .min(1, { message: 'must list at least one stage' })
    .max(8, { message: 'must list at most 8 stages' }),
  goalId: z.string().min(1).nullable().optional(),
  target: z
    .number()
    .positive({ message: 'must be more than 0' })
    .max(1e9, { message: 'must be at most 1000000000' })
    .nullable()
    .optional(),
  unit: z.string().trim().min(1).max(40).nullable().optional(),
  valuePerUnit: z.number().positive({ message: 'must be more than 0' }).max(1e9).nullable().optional(),
  startDate: calendarDateSchema.nullable().optional(),
  deadline: calendarDateSchema.nullable().optional(),
  hoursPerWeek: z
    .number()
    .min(0, { message: 'must be zero or more' })
    .max(168, { message: 'cannot exceed the 168 hours in a week' })
    .nullable()
    .optional(),
  workdaysPerWeek: z
    .number()
    .min(1, { message: 'must be at least 1' })
    .max(7, { message: 'cannot exceed the 7 days of a week' })
    .nullable()
    .optional(),
});

type FunnelFields = z.output<typeof funnelFieldsSchema>;

const checkFunnel = (funnel: Partial<FunnelFields>, context: Parameters<typeof checkPlanShape>[1]) =>
  checkPlanShape({ goal: { start: funnel.startDate, deadline: funnel.deadline }, stages: funnel.stages }, context, {
    deadline: ['deadline'],
    conversion: 'conversion',
  });

export const createFunnelSchema = funnelFieldsSchema.superRefine(checkFunnel);
export type CreateFunnelInput = z.input<typeof createFunnelSchema>;

/** Stages, when given, replace the funnel's stages as a whole. */
export const updateFunnelSchema = funnelFieldsSchema.partial().superRefine(checkFunnel);
export type UpdateFunnelInput = z.input<typeof updateFunnelSchema>;
