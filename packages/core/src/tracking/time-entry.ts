import { z } from 'zod';

import { currencyCodeSchema } from '../input/currency-code.js';
import { boundedNumber } from '../input/number-schema.js';
import { idSchema, optionalTextSchema, textSchema } from '../input/text-schema.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';
import type { CalendarDate } from '../time/calendar-date.js';
import { instantInputProblem } from '../time/zoned-time.js';

/** Where a time entry came from. */
export const entrySources = ['timer', 'manual', 'import', 'calendar', 'browser', 'focus'] as const;
export type EntrySource = (typeof entrySources)[number];

/**
 * A span of time spent on an activity. Instants are ISO 8601 in UTC; the workspace's zone turns
 * them into days and weeks. A running timer is the one entry whose `end` is null.
 */
export interface TimeEntry {
  id: string;
  /** The activity, by name (`Calls`, `Facebook`...). */
  activity: string;
  start: string;
  end: string | null;
  /** Whole seconds from start to end, or to now while the timer runs. */
  durationSeconds: number;
  tags: string[];
  note: string | null;
  /** Who the work is for and what it is part of, as Toggl and Clockify name them; null when not said. */
  client: string | null;
  project: string | null;
  /** Whether the time is billed to the client. */
  billable: boolean;
  /** The billable rate per hour, in `currency` (null when the source gave none). */
  rate: number | null;
  /** ISO 4217 code of the rate; null when the source did not say. */
  currency: string | null;
  source: EntrySource;
  /** Provenance within the source: the importer's own id or a hash (`toggl:…`, `timew:…`); null when made here. */
  sourceId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a user earned from their activities: the numbers the time audit sets hours against. */
export const outcomeKinds = ['revenue', 'client', 'lead'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

export interface Outcome {
  id: string;
  kind: OutcomeKind;
  /** Money for revenue; a count for clients and leads. */
  amount: number;
  /** ISO 4217 code for revenue; null for clients and leads. */
  currency: string | null;
  date: CalendarDate;
  /** Credit goes to an activity, a channel (referral, LinkedIn, networking event), or both. */
  activity: string | null;
  channel: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export const MAX_TAGS = 20;

export const entryActivitySchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty: name the activity' })
  .max(200, { message: 'must be at most 200 characters' })
  .describe('The activity, by name');

export const tagSchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(50, { message: 'must be at most 50 characters' })
  .refine((tag) => !tag.includes(','), { message: 'must not contain a comma; give each tag on its own' });

/** Tags, trimmed and without repeats. */
export const tagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS, { message: `must be at most ${MAX_TAGS} tags` })
  .transform((tags) => [...new Set(tags)]);

/** An instant as typed: ISO 8601 with an offset, or `YYYY-MM-DD HH:mm` on the workspace's clocks. */
export const instantInputSchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(100, { message: 'must be at most 100 characters' })
  .superRefine((text, context) => {
    const problem = text === '' ? null : instantInputProblem(text);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  })
  .describe('An instant: ISO 8601 with Z or an offset, or YYYY-MM-DD HH:mm in the workspace time zone');

export const noteSchema = optionalTextSchema(2000);

/** The most characters of a client or project name: what Bigrock stores, and what its forms, API and imports take. */
export const MAX_CLIENT_PROJECT_LENGTH = 200;

/** A client's name, trimmed; null (or empty) for none. */
export const entryClientSchema = optionalTextSchema(MAX_CLIENT_PROJECT_LENGTH).describe(
  'Who the work is for (a client, as Toggl and Clockify name it); null or empty for none',
);

/** A project's name, trimmed; null (or empty) for none. */
export const entryProjectSchema = optionalTextSchema(MAX_CLIENT_PROJECT_LENGTH).describe(
  'What the work is part of (a project); null or empty for none',
);

/** The most a billable rate per hour can be: far above any hour sold, well within exact sums. */
export const MAX_BILLABLE_RATE = 1_000_000_000;

/** A billable rate per hour, 0 or more. */
export const billableRateSchema = boundedNumber({ min: 0, max: MAX_BILLABLE_RATE, note: '(an amount per hour)' });

/** Client, project, billable and rate: the same fields on a timer, a manual entry and a change. */
const billingFields = {
  client: entryClientSchema,
  project: entryProjectSchema,
  billable: z.boolean({ error: 'must be true or false' }).optional().describe('Whether the time is billed'),
  rate: billableRateSchema.nullable().optional().describe('The billable rate per hour, in `currency`'),
  currency: currencyCodeSchema.nullable().optional().describe('ISO 4217 code of the rate, such as USD'),
};

/**
 * "Calls" and "calls" are one activity: a name is written as the one already in use unless this is
 * true, when the spelling given becomes an activity of its own.
 */
export const keepSeparateSchema = z
  .boolean()
  .optional()
  .describe('Keep this spelling as an activity of its own, even if one differs from it only by case');

export const startTimerSchema = z.object({
  activity: entryActivitySchema,
  note: noteSchema,
  tags: tagsSchema.optional(),
  ...billingFields,
  start: instantInputSchema
    .optional()
    .describe('When it started, if not now: HH:mm today or YYYY-MM-DD HH:mm in the workspace time zone, or ISO 8601'),
  keepSeparate: keepSeparateSchema,
});
export type StartTimerInput = z.input<typeof startTimerSchema>;

/** Changes the running timer: its start ("I started 10 minutes ago"). */
export const editTimerSchema = z.object({
  start: instantInputSchema.describe(
    'The new start: HH:mm today or YYYY-MM-DD HH:mm in the workspace time zone, or ISO 8601',
  ),
});
export type EditTimerInput = z.input<typeof editTimerSchema>;

/** Starts again what an entry was: its activity, tags and note (the last stopped entry when no id is given). */
export const continueTimerSchema = z.object({
  entryId: idSchema.optional().describe('The entry to continue; the last stopped one by default'),
  start: startTimerSchema.shape.start,
});
export type ContinueTimerInput = z.input<typeof continueTimerSchema>;

export const createEntrySchema = z.object({
  activity: entryActivitySchema,
  start: instantInputSchema,
  end: instantInputSchema,
  tags: tagsSchema.optional(),
  note: noteSchema,
  ...billingFields,
  keepSeparate: keepSeparateSchema,
});
export type CreateEntryInput = z.input<typeof createEntrySchema>;

export const updateEntrySchema = createEntrySchema.partial();
export type UpdateEntryInput = z.input<typeof updateEntrySchema>;

/**
 * What a list or an export of entries keeps: entries of one client, one project, billable or not.
 * Names match exactly (after trimming).
 */
export interface EntryFilter {
  client?: string;
  project?: string;
  billable?: boolean;
}

const filterName = (what: string) =>
  textSchema
    .trim()
    .min(1, { message: `must not be empty: name the ${what}, or leave the filter out` })
    .max(MAX_CLIENT_PROJECT_LENGTH, { message: `must be at most ${MAX_CLIENT_PROJECT_LENGTH} characters` });

/** The filter as the services take it (the CLI's options, checked as the API's query is). */
export const entryFilterSchema = z.object({
  client: filterName('client').optional(),
  project: filterName('project').optional(),
  billable: z.boolean({ error: 'must be true or false' }).optional(),
});

/** The filter as a query string gives it (`?client=Northwind&billable=true`). */
export const entryFilterQuerySchema = z.object({
  client: filterName('client').optional().describe('Only entries of this client (exact name)'),
  project: filterName('project').optional().describe('Only entries of this project (exact name)'),
  billable: z.enum(['true', 'false']).optional().describe('Only billable entries (true) or only the others (false)'),
});

/**
 * The filter a query string gives, in the form services take.
 *
 * @example entryFilterOf({ client: 'Northwind', billable: 'false' }) // { client: 'Northwind', billable: false }
 */
export function entryFilterOf(query: z.output<typeof entryFilterQuerySchema>): EntryFilter {
  const filter: EntryFilter = {};
  if (query.client !== undefined) filter.client = query.client;
  if (query.project !== undefined) filter.project = query.project;
  if (query.billable !== undefined) filter.billable = query.billable === 'true';
  return filter;
}

/**
 * Whether an entry is one the filter keeps: the one rule behind the list, the exports and the web's filter.
 *
 * @example matchesEntryFilter({ client: 'Northwind', project: null, billable: true }, { billable: true }) // true
 */
export function matchesEntryFilter(
  entry: { client: string | null; project: string | null; billable: boolean },
  filter: EntryFilter,
): boolean {
  return (
    (filter.client === undefined || entry.client === filter.client) &&
    (filter.project === undefined || entry.project === filter.project) &&
    (filter.billable === undefined || entry.billable === filter.billable)
  );
}

export const splitEntrySchema = z.object({ at: instantInputSchema });
export type SplitEntryInput = z.input<typeof splitEntrySchema>;

/** Money for revenue (fractional), a count for clients and leads (whole: checked with the kind). */
export const outcomeAmountSchema = boundedNumber({ min: 0, max: 1e12 });

export const createOutcomeSchema = z
  .object({
    kind: z.enum(outcomeKinds),
    amount: outcomeAmountSchema,
    currency: currencyCodeSchema.optional(),
    date: calendarDateSchema.optional(),
    activity: optionalTextSchema(200),
    channel: optionalTextSchema(100),
    note: noteSchema,
    keepSeparate: keepSeparateSchema,
  })
  .superRefine((outcome, context) => {
    if (outcome.kind !== 'revenue' && outcome.currency !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['currency'],
        message: `only revenue has a currency; a ${outcome.kind} is counted`,
      });
    }
    checkOutcomeAmount(outcome, context);
  });
export type CreateOutcomeInput = z.input<typeof createOutcomeSchema>;

/**
 * Adds an issue when clients or leads are not counted in whole numbers.
 *
 * @example checkOutcomeAmount({ kind: 'client', amount: 0.5 }, context) // adds "must be a whole number of clients"
 */
export function checkOutcomeAmount(
  outcome: { kind: OutcomeKind; amount: number },
  context: { addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void },
): void {
  if (outcome.kind !== 'revenue' && !Number.isInteger(outcome.amount)) {
    context.addIssue({ code: 'custom', path: ['amount'], message: `must be a whole number of ${outcome.kind}s` });
  }
}
