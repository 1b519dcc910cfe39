import type { BucketEntry, CalendarDate, OutcomeKind } from '@bigrock/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';

import type { Database } from '../db/database.js';
import { isLongEntry, LONG_ENTRY_MS } from '../db/migrations/0004-long-entries.js';

// The rows that feed goals from elsewhere: an activity's logs, time entries, outcomes. Each read
// serves every goal fed by that kind of source at once, one query (per 500 goals), whatever the
// number of goals: the goals list stays a handful of queries.

/** One day's total of a source: all a fed goal reads of that day. */
export interface SourceDay {
  date: CalendarDate;
  value: number;
}

/** Goals per query: a few bound parameters each, within both databases' limits. */
const GOALS_PER_QUERY = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const all: T[][] = [];
  for (let start = 0; start < items.length; start += GOALS_PER_QUERY)
    all.push(items.slice(start, start + GOALS_PER_QUERY));
  return all;
}

/** Rows of a query, by goal, in the order read. */
function byGoal<T extends { goal_id: string }>(goalIds: readonly string[], rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>(goalIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.goal_id)?.push(row);
  return grouped;
}

const toDays = (rows: ReadonlyArray<{ date: string; value: number }>): SourceDay[] =>
  rows
    .map(({ date, value }) => ({ date, value: Number(value) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/** Each day's amounts in several currencies as one amount: converted, or left out without a rate. */
function inOneCurrency(
  rows: ReadonlyArray<{ date: string; currency: string | null; value: number }>,
  rateOf: (currency: string | null) => number | null,
): Array<{ date: string; value: number }> {
  const byDate = new Map<string, number>();
  for (const { date, currency, value } of rows) {
    const rate = rateOf(currency);
    if (rate !== null) byDate.set(date, (byDate.get(date) ?? 0) + Number(value) * rate);
  }
  return [...byDate].map(([date, value]) => ({ date, value }));
}

/** A LIKE pattern that finds `tag` among comma-separated tags, its own % and _ taken literally. */
const tagPattern = (tag: string) => `%,${tag.replace(/[\\%_]/g, (character) => `\\${character}`)},%`;

export interface ActivityDaysWanted {
  goalId: string;
  activityId: string;
  /** The first day read: the goal's start. */
  from: CalendarDate;
}

export interface OutcomeDaysWanted {
  goalId: string;
  outcome: OutcomeKind;
  channel: string | null;
  activity: string | null;
  from: CalendarDate;
}

export interface EntriesWanted {
  goalId: string;
  activity: string | null;
  tag: string | null;
  /** Entries that overlap these instants (epoch ms): from the start of the first day to the end of the last. */
  startMs: number;
  endMs: number;
}

export function createGoalSourceRepository(db: Kysely<Database>) {
  const values = (rows: RawBuilder<unknown>[]) => sql`(values ${sql.join(rows)})`;

  return {
    /** For each goal, the counts logged on its activity by day, from its first day on. */
    async activityDays(workspaceId: string, wanted: readonly ActivityDaysWanted[]): Promise<Map<string, SourceDay[]>> {
      const found = new Map<string, SourceDay[]>();
      for (const part of chunks(wanted)) {
        const goals = values(part.map(({ goalId, activityId, from }) => sql`(${goalId}, ${activityId}, ${from})`));
        // VALUES names its columns column1, column2… on both databases.
        const { rows } = await sql<{ goal_id: string; date: string; value: number }>`
          select g.column1 as goal_id, l.date as date, cast(sum(l.count) as double precision) as value
          from ${goals} as g
          join activity_logs l on l.workspace_id = ${workspaceId} and l.activity_id = g.column2 and l.date >= g.column3
          group by g.column1, l.date`.execute(db);
        for (const [goalId, days] of byGoal(
          part.map(({ goalId }) => goalId),
          rows,
        ))
          found.set(goalId, toDays(days));
      }
      return found;
    },

    /**
     * For each goal, the amounts of the outcomes of its kind (and channel or activity) by day, from
     * its first day on. Revenue is converted to the workspace currency by `rateOf` (units per unit
     * of `currency`; null for revenue stored without one, which is in the workspace's); revenue in a
     * currency with no rate is left out, never added as if it were the workspace's.
     */
    async outcomeDays(
      workspaceId: string,
      wanted: readonly OutcomeDaysWanted[],
      rateOf: (currency: string | null) => number | null,
    ): Promise<Map<string, SourceDay[]>> {
      const found = new Map<string, SourceDay[]>();
      for (const part of chunks(wanted)) {
        const goals = values(
          part.map(
            ({ goalId, outcome, channel, activity, from }) =>
              sql`(${goalId}, ${outcome}, ${channel ?? ''}, ${activity ?? ''}, ${from})`,
          ),
        );
        // An empty channel or activity reads as "any": neither can be stored empty (they are null then).
        const { rows } = await sql<{ goal_id: string; date: string; currency: string | null; value: number }>`
          select g.column1 as goal_id, o.date as date, o.currency as currency,
            cast(sum(o.amount) as double precision) as value
          from ${goals} as g
          join outcomes o on o.workspace_id = ${workspaceId} and o.kind = g.column2 and o.date >= g.column5
            and (g.column3 = '' or o.channel = g.column3)
            and (g.column4 = '' or o.activity = g.column4)
          group by g.column1, o.date, o.currency`.execute(db);
        for (const [goalId, days] of byGoal(
          part.map(({ goalId }) => goalId),
          rows,
        ))
          found.set(goalId, toDays(inOneCurrency(days, rateOf)));
      }
      return found;
    },

    /**
     * For each goal, the time entries on its activity or carrying its tag that overlap its span,
     * as Tracking reads them (`listInRange`): the recent ones along the (workspace, start) index,
     * the long ones (started over a month before) from their own partial index.
     */
    async entries(workspaceId: string, wanted: readonly EntriesWanted[]): Promise<Map<string, BucketEntry[]>> {
      const found = new Map<string, BucketEntry[]>();
      for (const part of chunks(wanted)) {
        const goals = values(
          part.map(
            ({ goalId, activity, tag, startMs, endMs }) =>
              sql`(${goalId}, ${activity ?? ''}, ${tag === null ? '' : tagPattern(tag)}, ${startMs - LONG_ENTRY_MS}, ${startMs}, ${endMs})`,
          ),
        );
        const matches = sql`(g.column2 = '' or e.activity = g.column2)
          and (g.column3 = '' or (',' || e.tags || ',') like g.column3 escape '\\')
          and (e.end_ms > cast(g.column5 as bigint) or e.end_ms is null)
          and e.start_ms < cast(g.column6 as bigint)`;
        const { rows } = await sql<{
          goal_id: string;
          activity: string;
          tags: string;
          start_ms: number;
          end_ms: number | null;
        }>`
          select g.column1 as goal_id, e.activity, e.tags, e.start_ms, e.end_ms
          from ${goals} as g
          join time_entries e on e.workspace_id = ${workspaceId}
            and e.start_ms >= cast(g.column4 as bigint) and ${matches}
          union all
          select g.column1 as goal_id, e.activity, e.tags, e.start_ms, e.end_ms
          from ${goals} as g
          join time_entries e on e.workspace_id = ${workspaceId}
            and e.start_ms < cast(g.column4 as bigint) and ${isLongEntry()} and ${matches}`.execute(db);
        const tagOf = new Map(part.map(({ goalId, tag }) => [goalId, tag]));
        for (const [goalId, list] of byGoal(
          part.map(({ goalId }) => goalId),
          rows,
        )) {
          const tag = tagOf.get(goalId) ?? null;
          found.set(
            goalId,
            list
              // LIKE ignores case on SQLite: the tag itself must be there, as written.
              .filter((row) => tag === null || row.tags.split(',').includes(tag))
              .map((row) => ({
                activity: row.activity,
                start: new Date(Number(row.start_ms)).toISOString(),
                end: row.end_ms === null ? null : new Date(Number(row.end_ms)).toISOString(),
              })),
          );
        }
      }
      return found;
    },

    /** The names of the given activities of the workspace, by id. */
    async activityNames(workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('activities')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map(({ id, name }) => [id, name]));
    },

    /** The names time entries give an activity, the same as `name` but for case, most used first. */
    async entryActivitiesNamed(workspaceId: string, name: string): Promise<string[]> {
      const rows = await db
        .selectFrom('time_entries')
        .select('activity')
        .where('workspace_id', '=', workspaceId)
        .where(sql<boolean>`lower(activity) = lower(${name})`)
        .groupBy('activity')
        .orderBy(sql`count(*)`, 'desc')
        .limit(5)
        .execute();
      return rows.map(({ activity }) => activity);
    },

    /** The channels outcomes name, the same as `channel` but for case, most used first. */
    async channelsNamed(workspaceId: string, channel: string): Promise<string[]> {
      const rows = await db
        .selectFrom('outcomes')
        .select('channel')
        .where('workspace_id', '=', workspaceId)
        .where(sql<boolean>`lower(channel) = lower(${channel})`)
        .groupBy('channel')
        .orderBy(sql`count(*)`, 'desc')
        .limit(5)
        .execute();
      return rows.flatMap(({ channel: each }) => (each === null ? [] : [each]));
    },

    /** What the goal form offers: the activity names of entries, their tags and the channels of outcomes. */
    async choices(workspaceId: string): Promise<{ entryActivities: string[]; tags: string[]; channels: string[] }> {
      const [activities, tagged, channels] = await Promise.all([
        db
          .selectFrom('time_entries')
          .select('activity')
          .distinct()
          .where('workspace_id', '=', workspaceId)
          .orderBy('activity')
          .limit(1000)
          .execute(),
        db
          .selectFrom('time_entries')
          .select('tags')
          .distinct()
          .where('workspace_id', '=', workspaceId)
          .where('tags', '<>', '')
          .limit(5000)
          .execute(),
        db
          .selectFrom('outcomes')
          .select('channel')
          .distinct()
          .where('workspace_id', '=', workspaceId)
          .where('channel', 'is not', null)
          .orderBy('channel')
          .limit(1000)
          .execute(),
      ]);
      const tags = [...new Set(tagged.flatMap(({ tags }) => tags.split(',')))].sort((a, b) => a.localeCompare(b));
      return {
        entryActivities: activities.map(({ activity }) => activity),
        tags,
        channels: channels.flatMap(({ channel }) => (channel === null ? [] : [channel])),
      };
    },
  };
}

export type GoalSourceRepository = ReturnType<typeof createGoalSourceRepository>;
