import { z } from 'zod';

import { activityNameSchema, minutesPerUnitSchema, type IssueSink } from '../activities/activity-input.js';
import { hoursPerWeekSchema } from '../goals/goal-input.js';
import { boundedNumber } from '../input/number-schema.js';
import { textSchema } from '../input/text-schema.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';

/**
 * A conversion rate between two stages: 0.1 means one in ten. At least one in a thousand: below
 * that a funnel is a lottery, and the stages above it would need more units than anyone can do.
 */
export const conversionSchema = boundedNumber({ min: 0.001, max: 1, note: '(write 10 % as 0.1)' });

/**
 * What a funnel aims for: units of its last stage, or money when each unit has a value. At least
 * 0.01 (a cent) and at most a billion, so that the units it takes stay countable.
 */
export const funnelTargetSchema = boundedNumber({ min: 0.01, max: 1e9 });

/** Money one unit of the last stage brings: from a cent to a billion. */
export const valuePerUnitSchema = boundedNumber({ min: 0.01, max: 1e9 });

/** Working days a week: whole days, 1 to 7. */
export const workdaysPerWeekSchema = boundedNumber({ min: 1, max: 7, whole: true, note: '(the days of a week)' });

export const planStageSchema = z.strictObject({
  activity: activityNameSchema,
  minutesPerUnit: minutesPerUnitSchema,
  conversionFromPrevious: conversionSchema.optional(),
});
export type PlanStage = z.output<typeof planStageSchema>;

export const planGoalSchema = z
  .strictObject({
    target: funnelTargetSchema,
    unit: textSchema
      .trim()
      .min(1, { message: 'must not be empty: say what is counted' })
      .max(40, { message: 'must be at most 40 characters' }),
    start: calendarDateSchema,
    deadline: calendarDateSchema,
    valuePerUnit: valuePerUnitSchema
      .optional()
      .describe('Money one unit of the last stage brings; when set, the target is that money'),
  })
  .superRefine((goal, context) => checkWholeTarget(goal, context, ['target']));

/**
 * Adds an issue when a target counts units of the last stage (it has no value per unit) and is
 * not a whole number: no one reaches 12.5 recruits.
 *
 * @example checkWholeTarget({ target: 12.5 }, context, ['target']) // adds "must be a whole number of …"
 */
export function checkWholeTarget(
  fields: { target?: number | null; valuePerUnit?: number | null },
  context: IssueSink,
  path: PropertyKey[],
): void {
  const { target, valuePerUnit } = fields;
  if (target === undefined || target === null || Number.isInteger(target)) return;
  if (valuePerUnit !== undefined && valuePerUnit !== null) return;
  context.addIssue({
    code: 'custom',
    path,
    message: 'must be a whole number: it counts units of the last stage; give a value per unit to aim for money',
  });
}

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
    hoursPerWeek: hoursPerWeekSchema,
    workdaysPerWeek: workdaysPerWeekSchema,
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
