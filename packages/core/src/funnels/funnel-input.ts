import { z } from 'zod';

import { activityNameSchema, minutesPerUnitSchema } from '../activities/activity-input.js';
import { hoursPerWeekSchema } from '../goals/goal-input.js';
import { idSchema, textSchema } from '../input/text-schema.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';
import {
  checkPlanShape,
  checkWholeTarget,
  conversionSchema,
  funnelTargetSchema,
  valuePerUnitSchema,
  workdaysPerWeekSchema,
} from './plan.js';

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
  name: textSchema
    .trim()
    .min(1, { message: 'must not be empty: name the funnel, e.g. "warm market"' })
    .max(80, { message: 'must be at most 80 characters' }),
  stages: z
    .array(funnelStageInputSchema)
    .min(1, { message: 'must list at least one stage' })
    .max(8, { message: 'must list at most 8 stages' }),
  goalId: idSchema.nullable().optional(),
  target: funnelTargetSchema.nullable().optional(),
  unit: textSchema
    .trim()
    .min(1, { message: 'must not be empty: say what is counted' })
    .max(40, { message: 'must be at most 40 characters' })
    .nullable()
    .optional(),
  valuePerUnit: valuePerUnitSchema.nullable().optional(),
  startDate: calendarDateSchema.nullable().optional(),
  deadline: calendarDateSchema.nullable().optional(),
  hoursPerWeek: hoursPerWeekSchema.nullable().optional(),
  workdaysPerWeek: workdaysPerWeekSchema.nullable().optional(),
});

type FunnelFields = z.output<typeof funnelFieldsSchema>;

const checkFunnel = (funnel: Partial<FunnelFields>, context: Parameters<typeof checkPlanShape>[1]) =>
  checkPlanShape({ goal: { start: funnel.startDate, deadline: funnel.deadline }, stages: funnel.stages }, context, {
    deadline: ['deadline'],
    conversion: 'conversion',
  });

export const createFunnelSchema = funnelFieldsSchema.superRefine((funnel, context) => {
  checkFunnel(funnel, context);
  checkWholeTarget(funnel, context, ['target']);
});
export type CreateFunnelInput = z.input<typeof createFunnelSchema>;

/**
 * Stages, when given, replace the funnel's stages as a whole. A target's wholeness depends on the
 * value per unit, which may be the stored one: the service checks it once merged.
 */
export const updateFunnelSchema = funnelFieldsSchema.partial().superRefine(checkFunnel);
export type UpdateFunnelInput = z.input<typeof updateFunnelSchema>;
