import { z } from 'zod';

import { boundedNumber } from '../input/number-schema.js';
import { idSchema, optionalTextSchema, textSchema } from '../input/text-schema.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';
import { entryActivitySchema } from '../tracking/time-entry.js';
import { interruptionKinds, MAX_FOCUS_MINUTES } from './focus.js';

/** A session's planned length: 1 minute to 12 hours. */
export const focusMinutesSchema = boundedNumber({
  min: 1,
  max: MAX_FOCUS_MINUTES,
  whole: true,
  note: '(minutes of focus)',
});

/**
 * Starts a focus session: on today's big rock (`rock`), on a block of the week (`blockId`), or on
 * an activity. An activity given with a rock or a block is what the time is tracked as.
 */
export const startFocusSchema = z
  .object({
    activity: entryActivitySchema.optional().describe('The activity to focus on, by name'),
    rock: z
      .boolean({ error: 'must be true or false' })
      .optional()
      .describe("Focus on today's big rock (its activity, unless one is given)"),
    blockId: idSchema.optional().describe('Focus on a block of the week, by id'),
    minutes: focusMinutesSchema
      .optional()
      .describe('The planned length in minutes; the last one chosen by default (50 at first)'),
  })
  .superRefine((input, context) => {
    if (input.rock === true && input.blockId !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['blockId'],
        message: 'choose the big rock or a block, not both',
      });
    if (input.rock !== true && input.blockId === undefined && input.activity === undefined)
      context.addIssue({
        code: 'custom',
        path: ['activity'],
        message: "name the activity to focus on, or focus on today's big rock (rock) or a block (blockId)",
      });
  });
export type StartFocusInput = z.input<typeof startFocusSchema>;

export const interruptionKindSchema = z.enum(interruptionKinds, {
  error: `must be one of ${interruptionKinds.join(', ')}`,
});

/** An interruption, logged without stopping the session. */
export const interruptFocusSchema = z.object({
  kind: interruptionKindSchema.describe('internal (your own mind) or external (someone or something else)'),
  note: optionalTextSchema(500).describe('What it was, if you like'),
});
export type InterruptFocusInput = z.input<typeof interruptFocusSchema>;

/** Abandons the session: the reason is required. */
export const abandonFocusSchema = z.object({
  reason: textSchema
    .trim()
    .min(1, { message: 'must not be empty: say why the session is abandoned' })
    .max(500, { message: 'must be at most 500 characters' })
    .describe('Why the session is abandoned'),
});
export type AbandonFocusInput = z.input<typeof abandonFocusSchema>;

/** The days of the statistics, both included; the last 28 days by default. */
export const focusStatsQuerySchema = z.object({
  from: calendarDateSchema.optional().describe('The first day, YYYY-MM-DD; 27 days before `to` by default'),
  to: calendarDateSchema.optional().describe('The last day, YYYY-MM-DD; today by default'),
});
