import { z } from 'zod';

import { textSchema } from '../input/text-schema.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { TimeBucket } from '../tracking/time-buckets.js';
import { outcomeKinds, type OutcomeKind } from '../tracking/time-entry.js';
import type { Goal } from './goal.js';
import { foldDayTotals, type DayTotals } from './goal-pace.js';

/**
 * Where a goal's numbers come from (the "track-able" of SMARTER): its own data points, or the
 * data of another part of Bigrock, read live, so that logging in one place moves every goal that
 * reads from it.
 */
export const goalSourceKinds = ['manual', 'activity', 'hours', 'outcome'] as const;
export type GoalSourceKind = (typeof goalSourceKinds)[number];

/** The labels of the old, descriptive tracking source; each now reads as `manual`. */
export const oldTrackingLabels = ['manual', 'timer', 'import', 'integration'] as const;

export type GoalSource =
  /** Data points logged on the goal itself. */
  | { kind: 'manual' }
  /** The counts logged on an activity ("8 calls"), by the activity's id. */
  | { kind: 'activity'; activityId: string }
  /** Hours of time entries on an activity (by name, as entries name it) or carrying a tag: exactly one of the two. */
  | { kind: 'hours'; activity: string | null; tag: string | null }
  /** The amounts of the outcomes of a kind, all of them or those credited to one channel or one activity. */
  | { kind: 'outcome'; outcome: OutcomeKind; channel: string | null; activity: string | null };

export const MANUAL_SOURCE: GoalSource = { kind: 'manual' };

/** The text form, for the CLI, the API and messages. */
export const GOAL_SOURCE_FORMS =
  'manual, activity:<activity id>, hours:<activity name>, hours:#<tag>, outcome:<revenue|client|lead>, outcome:<kind>:<channel> or outcome:<kind>:@<activity name>';

const nameSchema = (max: number, empty = 'must not be empty') =>
  textSchema
    .trim()
    .min(1, { message: empty })
    .max(max, { message: `must be at most ${max} characters` });

const optionalName = (max: number) =>
  nameSchema(max)
    .nullable()
    .optional()
    .transform((value) => value ?? null);

/** The typed form of a source, as the API sends it back. */
export const goalSourceObjectSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('manual') }),
    z.object({ kind: z.literal('activity'), activityId: nameSchema(200, 'choose the activity (its id or name)') }),
    z.object({ kind: z.literal('hours'), activity: optionalName(200), tag: optionalName(50) }),
    z.object({
      kind: z.literal('outcome'),
      outcome: z.enum(outcomeKinds),
      channel: optionalName(100),
      activity: optionalName(200),
    }),
  ])
  .superRefine((source, context) => {
    if (source.kind === 'hours' && (source.activity === null) === (source.tag === null)) {
      context.addIssue({ code: 'custom', message: 'name either an activity or a tag (one of the two)' });
    }
    if (source.kind === 'outcome' && source.channel !== null && source.activity !== null) {
      context.addIssue({ code: 'custom', message: 'name a channel or an activity, not both' });
    }
    if (source.kind === 'hours' && source.tag !== null && source.tag.includes(',')) {
      context.addIssue({ code: 'custom', path: ['tag'], message: 'must not contain a comma' });
    }
  })
  .transform((source): GoalSource => source);

/** The words a user may type for an outcome kind: "revenue", "clients", "Leads"… */
function outcomeKindOf(word: string): OutcomeKind | null {
  const lower = word.trim().toLowerCase();
  return outcomeKinds.find((kind) => lower === kind || lower === `${kind}s`) ?? null;
}

/**
 * Reads a source written as text; a problem in words when it is not one.
 *
 * @example parseGoalSource('hours:#deep-work') // { source: { kind: 'hours', activity: null, tag: 'deep-work' } }
 * @example parseGoalSource('outcome:clients:LinkedIn') // { source: { kind: 'outcome', outcome: 'client', channel: 'LinkedIn', activity: null } }
 * @example parseGoalSource('timer') // { problem: '"timer" is an old tracking label: …' }
 */
export function parseGoalSource(text: string): { source: GoalSource } | { problem: string } {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const head = (colon === -1 ? trimmed : trimmed.slice(0, colon)).toLowerCase();
  const rest = colon === -1 ? '' : trimmed.slice(colon + 1).trim();
  const checked = (source: unknown) => {
    const result = goalSourceObjectSchema.safeParse(source);
    if (result.success) return { source: result.data };
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')} ` : '';
    return { problem: `${where}${issue?.message ?? 'is not valid'}` };
  };
  if (head === 'manual' && colon === -1) return { source: MANUAL_SOURCE };
  if (colon === -1 && oldTrackingLabels.some((label) => label === head)) {
    return { problem: `"${trimmed}" is an old tracking label: write one of ${GOAL_SOURCE_FORMS}` };
  }
  if (head === 'activity' && rest !== '') return checked({ kind: 'activity', activityId: rest });
  if (head === 'hours' && rest !== '') {
    return rest.startsWith('#')
      ? checked({ kind: 'hours', activity: null, tag: rest.slice(1) })
      : checked({ kind: 'hours', activity: rest, tag: null });
  }
  if (head === 'outcome' && rest !== '') {
    const second = rest.indexOf(':');
    const word = second === -1 ? rest : rest.slice(0, second);
    const outcome = outcomeKindOf(word);
    if (outcome === null) {
      return { problem: `"${word}" is not a kind of outcome: write revenue, client or lead` };
    }
    const credit = second === -1 ? '' : rest.slice(second + 1).trim();
    if (credit === '') return checked({ kind: 'outcome', outcome, channel: null, activity: null });
    return credit.startsWith('@')
      ? checked({ kind: 'outcome', outcome, channel: null, activity: credit.slice(1) })
      : checked({ kind: 'outcome', outcome, channel: credit, activity: null });
  }
  return { problem: `write one of ${GOAL_SOURCE_FORMS}` };
}

/**
 * A source as text, the form `parseGoalSource` reads (an activity by its id).
 *
 * @example formatGoalSource({ kind: 'outcome', outcome: 'revenue', channel: 'Referral', activity: null }) // 'outcome:revenue:Referral'
 */
export function formatGoalSource(source: GoalSource): string {
  switch (source.kind) {
    case 'manual':
      return 'manual';
    case 'activity':
      return `activity:${source.activityId}`;
    case 'hours':
      return source.tag !== null ? `hours:#${source.tag}` : `hours:${source.activity ?? ''}`;
    case 'outcome':
      return `outcome:${source.outcome}${
        source.channel !== null ? `:${source.channel}` : source.activity !== null ? `:@${source.activity}` : ''
      }`;
  }
}

/** A source as the API takes it: the typed form, or the text form (`parseGoalSource`). */
export const goalSourceSchema = z
  .preprocess((value, context) => {
    if (typeof value !== 'string') return value;
    const parsed = parseGoalSource(value);
    if ('source' in parsed) return parsed.source;
    context.addIssue({ code: 'custom', input: value, message: parsed.problem });
    return z.NEVER;
  }, goalSourceObjectSchema)
  .describe(`Where the goal's numbers come from: an object with kind, or text: ${GOAL_SOURCE_FORMS}`);

/** Whether the goal reads its numbers from elsewhere, so that data points logged on it would not count. */
export function isFedGoal(source: GoalSource): boolean {
  return source.kind !== 'manual';
}

/** What the goal form offers to feed a goal from: the data that exists (GET /api/v1/goal-sources). */
export interface GoalSourceChoices {
  activities: Array<{ id: string; name: string }>;
  /** The activity names time entries use, and those of the activities. */
  entryActivities: string[];
  tags: string[];
  channels: string[];
}

/** The name of an activity, when the caller knows it, to describe a source by. */
export interface SourceNames {
  activityName?: string | null;
}

/**
 * Where a goal's numbers come from, in words, for a page or a terminal.
 *
 * @example describeGoalSource({ kind: 'activity', activityId: 'A1' }, { activityName: 'Calls' }) // 'the counts logged on the activity "Calls"'
 */
export function describeGoalSource(source: GoalSource, names: SourceNames = {}): string {
  switch (source.kind) {
    case 'manual':
      return 'data points logged on the goal';
    case 'activity':
      return names.activityName === null
        ? 'the counts of an activity that no longer exists'
        : `the counts logged on the activity "${names.activityName ?? source.activityId}"`;
    case 'hours':
      return source.tag !== null
        ? `the hours of time entries tagged #${source.tag}`
        : `the hours of time entries on "${source.activity ?? ''}"`;
    case 'outcome': {
      const kinds = { revenue: 'revenue', client: 'clients', lead: 'leads' } as const;
      const credit =
        source.channel !== null
          ? ` from the channel "${source.channel}"`
          : source.activity !== null
            ? ` credited to "${source.activity}"`
            : '';
      return `the ${kinds[source.outcome]} recorded as outcomes${credit}`;
    }
  }
}

/** One day of a source's data, added up: a fed goal sees one point a day, that day's total. */
export interface SourceDayTotal {
  date: CalendarDate;
  value: number;
}

/**
 * The first day a fed goal reads of its source: its start, or the day it was made when it has
 * none. What was logged before that served something else.
 *
 * @example feedStart({ startDate: '2026-01-05', createdAt: '2026-01-02T10:00:00.000Z' }) // '2026-01-05'
 */
export function feedStart(goal: Pick<Goal, 'startDate' | 'createdAt'>): CalendarDate {
  return goal.startDate ?? goal.createdAt.slice(0, 10);
}

/**
 * Tracking's days (`bucketEntries` by day) as a goal fed by hours reads them: each day with time
 * tracked, in hours (its whole seconds ÷ 3600), so the goal adds up the very seconds Tracking shows.
 *
 * @example hoursByDay([{ start: '2026-03-02', seconds: 5400 }, { start: '2026-03-03', seconds: 0 }]) // [{ date: '2026-03-02', value: 1.5 }]
 */
export function hoursByDay(buckets: ReadonlyArray<Pick<TimeBucket, 'start' | 'seconds'>>): SourceDayTotal[] {
  return buckets
    .filter(({ seconds }) => seconds > 0)
    .map(({ start, seconds }) => ({ date: start, value: seconds / 3600 }));
}

/**
 * A fed goal's day totals (core's `DayTotals`, what pace, the chart and the check read) from its
 * source's days in date order: each day one point, its total. So `sum` adds the days up, `count`
 * counts the days with something logged, `max` is the best day and `last` the latest day's total.
 *
 * @example fedDayTotals([{ date: '2026-03-02', value: 8 }, { date: '2026-03-03', value: 5 }]).at(-1) // { date: '2026-03-03', sum: 13, count: 2, max: 8, last: 5 }
 */
export function fedDayTotals(days: readonly SourceDayTotal[]): DayTotals[] {
  return foldDayTotals(days);
}
