import { z } from 'zod';

import { isCalendarDate } from '../time/calendar-date.js';
import { aggregates, directions, goalLevels, trackingSources, weekdays } from './goal.js';

const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a date written YYYY-MM-DD' })
  .describe('A calendar date, YYYY-MM-DD');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value));

/** The fields a user sets on a goal; everything but the title may start empty. */
export const goalFieldsSchema = z.object({
  title: z.string().trim().min(1, { message: 'must not be empty: name the goal' }).max(200),
  level: z.enum(goalLevels).nullable().optional(),
  unit: optionalText(40),
  aggregate: z.enum(aggregates).optional(),
  direction: z.enum(directions).optional(),
  baseline: z.number().finite().optional(),
  target: z.number().finite().nullable().optional(),
  startDate: calendarDate.nullable().optional(),
  deadline: calendarDate.nullable().optional(),
  why: optionalText(2000),
  parentId: z.string().min(1).nullable().optional(),
  systems: optionalText(2000),
  owner: optionalText(100),
  partner: optionalText(100),
  trackingSource: z.enum(trackingSources).optional(),
  hoursPerWeek: z
    .number()
    .finite()
    .min(0, { message: 'must be zero or more' })
    .max(168, { message: 'cannot exceed the 168 hours in a week' })
    .nullable()
    .optional(),
  daysOff: z.array(z.enum(weekdays)).max(7).optional(),
});

export const createGoalSchema = goalFieldsSchema;
export type CreateGoalInput = z.input<typeof createGoalSchema>;

export const updateGoalSchema = goalFieldsSchema.partial();
export type UpdateGoalInput = z.input<typeof updateGoalSchema>;

export const logProgressSchema = z.object({
  value: z.number().finite(),
  date: calendarDate.optional(),
  note: optionalText(500),
});
export type LogProgressInput = z.input<typeof logProgressSchema>;
