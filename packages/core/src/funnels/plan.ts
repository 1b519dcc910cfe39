import { z } from 'zod';

import { activityNameSchema, type IssueSink } from '../activities/activity-input.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';

/** A conversion rate between two stages: 0.1 means one in ten. */
export const conversionSchema = z
  .number()
  .gt(0, { message: 'must be more than 0' })
  .max(1, { message: 'must be at most 1: write 10 % as 0.1' });

export const minutesPerUnitSchema = z
  .number()
  .min(0, { message: 'must be zero or more' })
  .max(24 * 60, { message: 'cannot exceed the 1440 minutes in a day' });

export const planStageSchema = z.strictObject({
  activity: activityNameSchema,
  minutesPerUnit: minutesPerUnitSchema,
  conversionFromPrevious: conversionSchema.optional(),
});
export type PlanStage = z.output<typeof planStageSchema>;

export const planGoalSchema = z.strictObject({
  target: z.number().positive({ message: 'must be more than 0' }).max(1e9, { message: 'must be at most 1000000000' }),
  unit: z.string().trim().min(1, { message: 'must not be empty: say what is counted' }).max(40),
  start: calendarDateSchema,
  deadline: calendarDateSchema,
  valuePerUnit: z
    .number()
    .positive({ message: 'must be more than 0' })
    .optional()
    .describe('Money one unit of the last stage brings; when set, the target is that money'),
});

/**
 * Checks what the field types cannot: dates in order, a conversion on every stage after the first,
 * no stage twice. Shared by the plan file and the funnel input, which name their fields differently.
 *
 * @example checkPlanShape({ stages: [{ activity: 'calls' }, { activity: 'appointments' }] }, context, paths)
 * // adds 'give the share of "calls" that become "appointments", e.g. 0.2' at ['stages', 1, paths.conversion]
 */
export function checkPlanShape(
  plan: {
    goal?: { start?: string | null; deadline?: string | null };
    stages?: ReadonlyArray<{ activity: string; conversion?: number | null; conversionFromPrevious?: number }>;
  },
  context: IssueSink,
  paths: { deadline: PropertyKey[]; conversion: string },
): void {
  const start = plan.goal?.start;
  const deadline = plan.goal?.deadline;
  if (start && deadline && deadline <= start)
    context.addIssue({ code: 'custom', path: paths.deadline, message: `must be after the start (${start})` });
  const seen = new Set<string>();
  (plan.stages ?? []).forEach((stage, index) => {
    const conversion = stage.conversion ?? stage.conversionFromPrevious;
    if (index > 0 && conversion === undefined)
      context.addIssue({
        code: 'custom',
        path: ['stages', index, paths.conversion],
        message: `give the share of "${plan.stages?.[index - 1]?.activity}" that become "${stage.activity}", e.g. 0.2`,
      });
    const key = stage.activity.toLowerCase();
    if (seen.has(key))
      context.addIssue({ code: 'custom', path: ['stages', index, 'activity'], message: 'is already a stage' });
    seen.add(key);
  });
}

/**
 * A plan as a file: the hours you have, the goal, and the funnel's stages in order.
 *
 * @example
 * planSchema.parse({
 *   hoursPerWeek: 10, workdaysPerWeek: 5,
 *   goal: { target: 12, unit: 'recruits', start: '2026-01-05', deadline: '2026-03-30' },
 *   stages: [
 *     { activity: 'calls', minutesPerUnit: 6 },
 *     { activity: 'appointments', minutesPerUnit: 45, conversionFromPrevious: 0.1 },
 *     { activity: 'recruits', minutesPerUnit: 60, conversionFromPrevious: 0.2 },
 *   ],
 * })
 */
export const planSchema = z
  .strictObject({
    hoursPerWeek: z
      .number()
      .min(0, { message: 'must be zero or more' })
      .max(168, { message: 'cannot exceed the 168 hours in a week' }),
    workdaysPerWeek: z
      .number()
      .min(1, { message: 'must be at least 1' })
      .max(7, { message: 'cannot exceed the 7 days of a week' }),
    goal: planGoalSchema,
    stages: z
      .array(planStageSchema)
      .min(1, { message: 'must list at least one stage' })
      .max(8, { message: 'must list at most 8 stages' }),
  })
  .superRefine((plan, context) =>
    checkPlanShape(plan, context, { deadline: ['goal', 'deadline'], conversion: 'conversionFromPrevious' }),
  );
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
