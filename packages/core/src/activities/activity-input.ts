import { z } from 'zod';

import { weekdays } from '../goals/goal.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';
import { activityClasses, ratePeriods } from './activity.js';

/**
 * An activity name. No commas, because a funnel lists its stages as `calls,appointments,recruits`.
 *
 * @example activityNameSchema.parse(' calls ') // 'calls'
 */
export const activityNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty: name the activity, e.g. "calls"' })
  .max(80, { message: 'must be at most 80 characters' })
  .refine((name) => !name.includes(','), { message: 'must not contain a comma' });

const note = z
  .string()
  .trim()
  .max(500, { message: 'must be at most 500 characters' })
  .nullable()
  .optional()
  .transform((value) => (value === '' ? null : value));

/** The fields a user sets on an activity; only the name is needed to start. */
export const activityFieldsSchema = z.object({
  name: activityNameSchema,
  unit: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('What one unit is: calls, appointments; the name by default'),
  rate: z
    .number()
    .positive({ message: 'must be more than 0' })
    .max(100_000, { message: 'must be at most 100000' })
    .nullable()
    .optional()
    .describe('The target rate: this many units per ratePeriod'),
  ratePeriod: z.enum(ratePeriods).nullable().optional(),
  minutesPerUnit: z
    .number()
    .min(0, { message: 'must be zero or more' })
    .max(24 * 60, { message: 'cannot exceed the 1440 minutes in a day' })
    .nullable()
    .optional(),
  workdays: z.array(z.enum(weekdays)).min(1, { message: 'must name at least one day' }).max(7).optional(),
  activityClass: z.enum(activityClasses).optional(),
  goalIds: z.array(z.string().min(1)).max(50).optional(),
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
  if (fields.ratePeriod === 'times-a-week' && (fields.rate ?? 0) > 7)
    context.addIssue({
      code: 'custom',
      path: ['rate'],
      message: 'a week has only 7 days: give at most 7 times a week',
    });
}

export const createActivitySchema = activityFieldsSchema.superRefine(checkRate);
export type CreateActivityInput = z.input<typeof createActivitySchema>;

/** Every field may change; the rate is checked again once merged with what is stored. */
export const updateActivitySchema = activityFieldsSchema.partial();
export type UpdateActivityInput = z.input<typeof updateActivitySchema>;

export const logActivitySchema = z.object({
  count: z
    .number()
    .positive({ message: 'must be more than 0, such as 8 for "8 calls"' })
    .max(100_000, { message: 'must be at most 100000' }),
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
