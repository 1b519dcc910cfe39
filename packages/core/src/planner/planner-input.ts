import { z } from 'zod';

import { weekdays } from '../goals/goal.js';
import { boundedNumber } from '../input/number-schema.js';
import { idSchema, optionalTextSchema, textSchema } from '../input/text-schema.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';
import { clockTimeSchema, endTimeSchema, minutesOfDay } from '../time/clock-time.js';
import { isoWeekProblem } from './iso-week.js';
import { blockKinds } from './planner.js';

export const weekdaySchema = z.enum(weekdays, { error: `must be one of ${weekdays.join(', ')}` });

export const blockKindSchema = z.enum(blockKinds, { error: `must be one of ${blockKinds.join(', ')}` });

/**
 * An ISO week: `2027-W03`, from 1900 to 2999.
 *
 * @example isoWeekSchema.parse('2027-W03') // '2027-W03'
 */
export const isoWeekSchema = textSchema
  .trim()
  .superRefine((text, context) => {
    const problem = isoWeekProblem(text);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  })
  .describe('An ISO week, YYYY-Www, such as 2027-W03');

/** Weeks between two occurrences: 1 (every week) to 52 (once a year). */
export const everyWeeksSchema = boundedNumber({
  min: 1,
  max: 52,
  whole: true,
  note: '(weeks between two occurrences)',
});

/** A big rock's estimate: a minute to a day. */
export const estimateMinutesSchema = boundedNumber({ min: 1, max: 1440, whole: true, note: '(the minutes in a day)' });

const note = optionalTextSchema(500);

interface BlockShape {
  activity?: string | null;
  kind?: string | null;
  start?: string;
  end?: string;
}

interface Sink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void;
}

/**
 * Adds the issues of a block that holds both an activity and a kind, or neither, or ends before it
 * starts. Shared by the block input and the service's check of a block once edited.
 *
 * @example checkBlockShape({ kind: 'admin', start: '11:00', end: '09:00' }, context) // adds "must be after the start (11:00)" at ['end']
 */
export function checkBlockShape(block: BlockShape, context: Sink, options: { needsContent?: boolean } = {}): void {
  const hasActivity = block.activity !== undefined && block.activity !== null;
  const hasKind = block.kind !== undefined && block.kind !== null;
  if (hasActivity && hasKind)
    context.addIssue({ code: 'custom', path: ['kind'], message: 'give an activity or a kind, not both' });
  if ((options.needsContent ?? true) && !hasActivity && !hasKind)
    context.addIssue({
      code: 'custom',
      path: ['activity'],
      message: `give an activity (by name or id) or a kind: ${blockKinds.join(', ')}`,
    });
  if (block.start !== undefined && block.end !== undefined && minutesOfDay(block.end) <= minutesOfDay(block.start))
    context.addIssue({ code: 'custom', path: ['end'], message: `must be after the start (${block.start})` });
}

const blockFields = {
  activity: idSchema.nullable().optional().describe('The activity, by name or id'),
  kind: blockKindSchema.nullable().optional(),
  weekday: weekdaySchema,
  start: clockTimeSchema,
  end: endTimeSchema,
  note,
};

/**
 * A block added to the plan: to one week (the default), or, with `every`, `until` or `except`, to
 * the active template, repeating from the week given.
 *
 * @example addBlockSchema.parse({ kind: 'batch-window', weekday: 'mon', start: '09:00', end: '11:00' })
 */
export const addBlockSchema = z
  .object({
    ...blockFields,
    week: isoWeekSchema.optional().describe('The week it goes in, or repeats from; this week by default'),
    every: everyWeeksSchema.optional().describe('Repeat every N weeks (from the week given) in the active template'),
    until: calendarDateSchema.optional().describe('The last day a repeating block may fall on'),
    except: z.array(calendarDateSchema).max(100).optional().describe('Days a repeating block is left out'),
  })
  .superRefine((block, context) => checkBlockShape(block, context));
export type AddBlockInput = z.input<typeof addBlockSchema>;

/** A block of a week changed: moved, shortened, given another activity or note. */
export const editBlockSchema = z
  .object({
    activity: blockFields.activity,
    kind: blockFields.kind,
    weekday: weekdaySchema.optional(),
    start: clockTimeSchema.optional(),
    end: endTimeSchema.optional(),
    note,
  })
  .superRefine((block, context) => checkBlockShape(block, context, { needsContent: false }));
export type EditBlockInput = z.input<typeof editBlockSchema>;

/** A template block as a template file or a shipped template gives it: the activity by name. */
export const templateBlockSchema = z
  .object({
    ...blockFields,
    activity: textSchema.trim().min(1).max(80).nullable().optional(),
    every: everyWeeksSchema.optional(),
    from: calendarDateSchema.optional(),
    until: calendarDateSchema.nullable().optional(),
    except: z.array(calendarDateSchema).max(100).optional(),
  })
  .superRefine((block, context) => checkBlockShape(block, context));
export type TemplateBlockInput = z.input<typeof templateBlockSchema>;

export const applyTemplateSchema = z.object({
  week: isoWeekSchema.optional().describe('The week to make from the template; this week by default'),
});

/** A big rock set for a day: tied to a goal or to an activity, not both. */
export const setRockSchema = z
  .object({
    title: textSchema
      .trim()
      .min(1, { message: 'must not be empty: name the big rock' })
      .max(200, { message: 'must be at most 200 characters' }),
    date: calendarDateSchema.optional().describe('The day; today by default'),
    goalId: idSchema.nullable().optional(),
    activity: idSchema.nullable().optional().describe('The activity, by name or id'),
    estimateMinutes: estimateMinutesSchema.nullable().optional(),
  })
  .superRefine((rock, context) => {
    if (rock.goalId && rock.activity)
      context.addIssue({
        code: 'custom',
        path: ['activity'],
        message: 'tie the rock to a goal or an activity, not both',
      });
  });
export type SetRockInput = z.input<typeof setRockSchema>;

export const rockDateSchema = z.object({ date: calendarDateSchema.optional().describe('The day; today by default') });

/** Carrying a rock over asks why: the rule lets the next one start only then. */
export const carryRockSchema = z.object({
  date: calendarDateSchema.optional().describe('The day of the rock carried; today by default'),
  to: calendarDateSchema.optional().describe('The day it goes to; the next day by default'),
  reason: textSchema
    .trim()
    .min(1, { message: 'must not be empty: say why the rock is carried over' })
    .max(500, { message: 'must be at most 500 characters' }),
});
export type CarryRockInput = z.input<typeof carryRockSchema>;
