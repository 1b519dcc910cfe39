import { z } from 'zod';

import { boundedNumber } from '../input/number-schema.js';
import { idSchema, optionalTextSchema, textSchema } from '../input/text-schema.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';
import { aggregates, directions, goalLevels, trackingSources, weekdays } from './goal.js';

/**
 * A goal's numbers (baseline, target, a logged value) are money or measurements, so they may be
 * fractional; a trillion either way, and a millionth at the least, keep the pace maths (sums,
 * differences, divisions by the daily rate) finite.
 */
export const goalValueSchema = boundedNumber({ min: -1e12, max: 1e12, smallestPositive: 1e-6 });

/** Hours a week available: 0 (none), or from 0.1 (six minutes) to the 168 hours of a week. */
export const hoursPerWeekSchema = boundedNumber({
  min: 0,
  max: 168,
  smallestPositive: 0.1,
  note: '(the hours in a week)',
});

/** The fields a user sets on a goal; everything but the title may start empty. */
export const goalFieldsSchema = z.object({
  title: textSchema
    .trim()
    .min(1, { message: 'must not be empty: name the goal' })
    .max(200, { message: 'must be at most 200 characters' }),
  level: z.enum(goalLevels).nullable().optional(),
  unit: optionalTextSchema(40),
  aggregate: z.enum(aggregates).optional(),
  direction: z.enum(directions).optional(),
  baseline: goalValueSchema.optional(),
  target: goalValueSchema.nullable().optional(),
  startDate: calendarDateSchema.nullable().optional(),
  deadline: calendarDateSchema.nullable().optional(),
  why: optionalTextSchema(2000),
  parentId: idSchema.nullable().optional(),
  systems: optionalTextSchema(2000),
  owner: optionalTextSchema(100),
  partner: optionalTextSchema(100),
  trackingSource: z.enum(trackingSources).optional(),
  hoursPerWeek: hoursPerWeekSchema.nullable().optional(),
  daysOff: z.array(z.enum(weekdays)).max(7).optional(),
});

export const createGoalSchema = goalFieldsSchema;
export type CreateGoalInput = z.input<typeof createGoalSchema>;

export const updateGoalSchema = goalFieldsSchema.partial();
export type UpdateGoalInput = z.input<typeof updateGoalSchema>;

export const logProgressSchema = z.object({
  value: goalValueSchema,
  date: calendarDateSchema.optional(),
  note: optionalTextSchema(500),
});
export type LogProgressInput = z.input<typeof logProgressSchema>;

/** A logged data point changed: any of its fields, checked as when it was logged; a null note clears it. */
export const editDataPointSchema = z.object({
  value: goalValueSchema.optional(),
  date: calendarDateSchema.optional(),
  note: optionalTextSchema(500),
});
export type EditDataPointInput = z.input<typeof editDataPointSchema>;
