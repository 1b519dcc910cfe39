import { z } from 'zod';

import { weekdays } from '../goals/goal.js';
import { boundedNumber } from '../input/number-schema.js';
import { idSchema, textSchema } from '../input/text-schema.js';
import { clockTimeSchema } from '../time/clock-time.js';
import { templateProblem } from './rule-template.js';

/** What starts a rule. */
export const ruleTriggerKinds = ['feed', 'pace', 'schedule', 'webhook'] as const;
export type RuleTriggerKind = (typeof ruleTriggerKinds)[number];

/** The longest regular expression a filter takes, and the most of a field it is run on. */
export const MAX_PATTERN_LENGTH = 200;
export const MAX_MATCHED_TEXT = 10_000;

const feedUrlSchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(2000, { message: 'must be at most 2000 characters' })
  .refine((text) => /^https?:\/\/[^/?#\s@]+(?:[/?#]\S*)?$/iu.test(text), {
    message: "must be the feed's web address, starting with https:// or http://",
  });

const shortText = (max: number) =>
  textSchema
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

export const feedTriggerSchema = z.strictObject({
  kind: z.literal('feed'),
  url: feedUrlSchema.describe('The RSS or Atom feed to watch'),
  everyMinutes: boundedNumber({ min: 5, max: 1440, whole: true })
    .optional()
    .describe('How often to poll it, in minutes (15 when left out)'),
});

export const paceTriggerSchema = z.strictObject({
  kind: z.literal('pace'),
  goal: idSchema.optional().describe("The goal's id: fires when it falls behind its line"),
  activity: idSchema.optional().describe("The activity's id or name: fires when it falls behind its line"),
});

const weekdayTimeSchema = z.strictObject({
  day: z.enum(weekdays, { error: `must be one of ${weekdays.join(', ')}` }),
  time: clockTimeSchema,
});

export const scheduleTriggerSchema = z.strictObject({
  kind: z.literal('schedule'),
  at: z
    .array(weekdayTimeSchema)
    .min(1, { message: 'must name at least one day and time' })
    .max(50, { message: 'must be at most 50 days and times' })
    .optional()
    .describe("Days and times on the workspace's clocks"),
  everyMinutes: boundedNumber({ min: 5, max: 40_320, whole: true })
    .optional()
    .describe('Or every so many minutes, from when the rule was made'),
});

export const webhookTriggerSchema = z.strictObject({
  kind: z.literal('webhook'),
});

export const ruleTriggerSchema = z
  .discriminatedUnion('kind', [feedTriggerSchema, paceTriggerSchema, scheduleTriggerSchema, webhookTriggerSchema], {
    error: `must be one of ${ruleTriggerKinds.join(', ')}`,
  })
  .superRefine((trigger, context) => {
    if (trigger.kind === 'pace' && (trigger.goal === undefined) === (trigger.activity === undefined))
      context.addIssue({ code: 'custom', path: ['goal'], message: 'give a goal or an activity, one of the two' });
    if (trigger.kind === 'schedule' && (trigger.at === undefined) === (trigger.everyMinutes === undefined))
      context.addIssue({
        code: 'custom',
        path: ['at'],
        message: 'give days and times (at) or an interval (everyMinutes), one of the two',
      });
  });

export type RuleTrigger = z.infer<typeof ruleTriggerSchema>;

const fieldNameSchema = textSchema.trim().refine((text) => /^[A-Za-z][A-Za-z0-9_]{0,49}$/u.test(text), {
  message: 'must be a field name such as title, summary or link',
});

/** The problem of a regular expression, or null: too long, or not one JavaScript can compile. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `must be at most ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, 'iu');
    return null;
  } catch (error) {
    return `is not a regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export const ruleFilterSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('contains'),
      field: fieldNameSchema.optional().describe('The field to look in; any text field when left out'),
      value: shortText(500).describe('Text it must contain, whatever its case'),
    }),
    z.strictObject({
      kind: z.literal('matches'),
      field: fieldNameSchema.optional().describe('The field to look in; any text field when left out'),
      pattern: textSchema
        .min(1, { message: 'must not be empty' })
        .superRefine((text, context) => {
          const problem = patternProblem(text);
          if (problem !== null) context.addIssue({ code: 'custom', message: problem });
        })
        .describe(
          `A regular expression (JavaScript, case-insensitive), at most ${MAX_PATTERN_LENGTH} characters; tried on the first ${MAX_MATCHED_TEXT} characters`,
        ),
    }),
    z.strictObject({
      kind: z.literal('category'),
      value: shortText(200).describe("One of the item's categories, whatever its case"),
    }),
    z.strictObject({
      kind: z.literal('tag'),
      value: shortText(100)
        .transform((text) => text.replace(/^#/u, ''))
        .describe('A #hashtag in its text, or one of its tags'),
    }),
  ],
  { error: 'must be one of contains, matches, category, tag' },
);

export type RuleFilter = z.infer<typeof ruleFilterSchema>;

const templateSchema = (max: number) =>
  shortText(max).superRefine((text, context) => {
    const problem = templateProblem(text);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

export const postActionSchema = z.strictObject({
  kind: z.literal('post'),
  template: templateSchema(5000).describe('The post, with the item’s fields in braces: {title} {link}'),
  overrides: z
    .strictObject({
      mastodon: templateSchema(5000).optional(),
      bluesky: templateSchema(5000).optional(),
    })
    .optional()
    .describe("Another template for one network's text"),
  accountIds: z.array(idSchema).max(20).optional().describe('The accounts to post to; all when left out'),
  when: z.enum(['queue', 'now']).optional().describe('Into the queue’s next free slot (the default) or now'),
});

export const webhookActionSchema = z.strictObject({
  kind: z.literal('webhook'),
  accountId: idSchema.describe('A webhook account (bigrock account add webhook)'),
});

export const logActionSchema = z.strictObject({
  kind: z.literal('log'),
  activity: idSchema.describe('The activity, by name or id'),
  count: boundedNumber({ min: 0.001, max: 1_000_000 }).optional().describe('How many to log (1 when left out)'),
});

export const ruleActionSchema = z.discriminatedUnion('kind', [postActionSchema, webhookActionSchema, logActionSchema], {
  error: 'must be one of post, webhook, log',
});

export type RuleAction = z.infer<typeof ruleActionSchema>;

const ruleNameSchema = shortText(100).describe('A name for the rule, unique in the workspace');
const filtersSchema = z.array(ruleFilterSchema).max(20, { message: 'must be at most 20 filters' });
const actionsSchema = z
  .array(ruleActionSchema)
  .min(1, { message: 'must have at least one action' })
  .max(10, { message: 'must be at most 10 actions' });

/** What making a rule takes (POST /rules). */
export const createRuleSchema = z.strictObject({
  name: ruleNameSchema,
  enabled: z.boolean().optional().describe('False to keep it without running it'),
  trigger: ruleTriggerSchema,
  filters: filtersSchema.optional().describe('Every one must pass for the actions to run'),
  actions: actionsSchema,
});

/** What changing a rule takes (PATCH /rules/:id): the fields given replace the rule's. */
export const updateRuleSchema = z.strictObject({
  name: ruleNameSchema.optional(),
  enabled: z.boolean().optional(),
  trigger: ruleTriggerSchema.optional(),
  filters: filtersSchema.optional(),
  actions: actionsSchema.optional(),
});

export type CreateRuleInput = z.infer<typeof createRuleSchema>;
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;
