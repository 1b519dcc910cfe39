import { z } from 'zod';

import { weekdays } from '../goals/goal.js';
import { boundedNumber } from '../input/number-schema.js';
import { idSchema, optionalTextSchema, textSchema } from '../input/text-schema.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';
import { activityClasses, ratePeriods } from './activity.js';

/**
 * An activity name. No commas, because a funnel lists its stages as `calls,appointments,recruits`.
 *
 * @example activityNameSchema.parse(' calls ') // 'calls'
 */
export const activityNameSchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty: name the activity, e.g. "calls"' })
  .max(80, { message: 'must be at most 80 characters' })
  .refine((name) => !name.includes(','), { message: 'must not contain a comma' });

const note = optionalTextSchema(500);

/** A target rate: so many units a period, from 0.01 (one in a hundred periods) to 100,000. */
export const activityRateSchema = boundedNumber({ min: 0.01, max: 100_000 });

/**
 * Minutes one unit takes: 0 (no time counted), or from 0.01 (under a second) to the 1440 minutes
 * of a day.
 */
export const minutesPerUnitSchema = boundedNumber({
  min: 0,
  max: 24 * 60,
  smallestPositive: 0.01,
  note: '(the minutes in a day)',
});

/** A logged count: units are whole things (calls, appointments, recruits), never half of one. */
export const activityCountSchema = boundedNumber({ min: 1, max: 100_000, whole: true });

/** The fields a user sets on an activity; only the name is needed to start. */
export const activityFieldsSchema = z.object({
  name: activityNameSchema,
  unit: textSchema
    .trim()
    .min(1, { message: 'must not be empty: say what one unit is, e.g. "calls"' })
    .max(40, { message: 'must be at most 40 characters' })
    .optional()
    .describe('What one unit is: calls, appointments; the name by default'),
  rate: activityRateSchema.nullable().optional().describe('The target rate: this many units per ratePeriod'),
  ratePeriod: z.enum(ratePeriods).nullable().optional(),
  minutesPerUnit: minutesPerUnitSchema.nullable().optional(),
  workdays: z.array(z.enum(weekdays)).min(1, { message: 'must name at least one day' }).max(7).optional(),
  activityClass: z.enum(activityClasses).optional(),
  goalIds: z.array(idSchema).max(50).optional(),
  startDate: calendarDateSchema.optional(),
});

type RateFields = { rate?: number | null; ratePeriod?: string | null };

/** Where a refinement reports its issues (zod's refinement context). */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void;
}

/**
 * Adds the issues of a rate that is half given or impossible: both or neither, at most 7 days a week.
 *
 * @example checkRate({ rate: 10 }, context) // adds "give the period of the rate…" at ['ratePeriod']
 */
export function checkRate(fields: RateFields, context: IssueSink): void {
  const hasRate = fields.rate !== undefined && fields.rate !== null;
  const hasPeriod = fields.ratePeriod !== undefined && fields.ratePeriod !== null;
  if (hasRate && !hasPeriod)
    context.addIssue({
      code: 'custom',
      path: ['ratePeriod'],
      message: 'give the period of the rate: day, week, month or times-a-week',
    });
  if (hasPeriod && !hasRate)
    context.addIssue({ code: 'custom', path: ['rate'], message: 'give the number of units per period' });
  if (fields.ratePeriod === 'times-a-week' && hasRate && (!Number.isInteger(fields.rate) || (fields.rate ?? 0) > 7))
    context.addIssue({
      code: 'custom',
      path: ['rate'],
      message: 'times a week counts days: give a whole number from 1 to 7',
    });
}

/** "Calls" beside "calls": allowed only when asked for, or the second would hide the first. */
const keepSeparate = z
  .boolean()
  .optional()
  .describe('Allow a name that differs from another activity only by case, as an activity of its own');

export const createActivitySchema = activityFieldsSchema.extend({ keepSeparate }).superRefine(checkRate);
export type CreateActivityInput = z.input<typeof createActivitySchema>;

/** Every field may change; the rate is checked again once merged with what is stored. */
export const updateActivitySchema = activityFieldsSchema.partial().extend({ keepSeparate });
export type UpdateActivityInput = z.input<typeof updateActivitySchema>;

export const logActivitySchema = z.object({
  count: activityCountSchema.describe('Whole units, such as 8 for "8 calls"'),
  date: calendarDateSchema.optional(),
  note,
});
export type LogActivityInput = z.input<typeof logActivitySchema>;

export const activityBreakSchema = z
  .object({
    start: calendarDateSchema.describe('The first day of the break'),
    end: calendarDateSchema.describe('The last day of the break'),
    note,
  })
  .superRefine((fields, context) => {
    if (fields.end < fields.start)
      context.addIssue({ code: 'custom', path: ['end'], message: 'must be on or after the start' });
  });
export type ActivityBreakInput = z.input<typeof activityBreakSchema>;
