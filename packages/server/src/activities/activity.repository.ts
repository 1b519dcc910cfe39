import {
  activityClasses,
  AppError,
  matchActivityName,
  ratePeriods,
  weekdays,
  type Activity,
  type ActivityBreak,
  type ActivityClass,
  type ActivityLog,
  type CalendarDate,
  type RatePeriod,
  type Weekday,
} from '@bigrock/core';
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';

import type { ActivityBreakTable, ActivityLogTable, ActivityTable, Database } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { recordDeleted } from '../undo/record-deleted.js';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

function toActivity(row: Selectable<ActivityTable>, goalIds: string[]): Activity {
  const ratePeriod = oneOf<RatePeriod>(ratePeriods, row.rate_period) ?? null;
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    unit: row.unit,
    rate: ratePeriod === null ? null : row.rate,
    ratePeriod: row.rate === null ? null : ratePeriod,
    minutesPerUnit: row.minutes_per_unit,
    workdays: row.workdays.split(',').filter((day): day is Weekday => weekdays.some((weekday) => weekday === day)),
    activityClass: oneOf<ActivityClass>(activityClasses, row.activity_class) ?? 'income',
    goalIds,
    startDate: row.start_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(activity: Activity): ActivityTable {
  return {
    id: activity.id,
    workspace_id: activity.workspaceId,
    name: activity.name,
    unit: activity.unit,
    rate: activity.rate,
    rate_period: activity.ratePeriod,
    minutes_per_unit: activity.minutesPerUnit,
    workdays: activity.workdays.join(','),
    activity_class: activity.activityClass,
    start_date: activity.startDate,
    created_at: activity.createdAt,
    updated_at: activity.updatedAt,
  };
}

const toLog = (row: Selectable<ActivityLogTable>): ActivityLog => ({
  id: row.id,
  activityId: row.activity_id,
  date: row.date,
  count: row.count,
  note: row.note,
  createdAt: row.created_at,
});

const toBreak = (row: Selectable<ActivityBreakTable>): ActivityBreak => ({
  id: row.id,
  activityId: row.activity_id,
  start: row.start_date,
  end: row.end_date,
  note: row.note,
  createdAt: row.created_at,
});

const nameTaken = (name: string, cause: unknown) =>
  new AppError('conflict', `An activity named "${name}" already exists; pick another name or use that one.`, {
    field: 'name',
    cause,
  });

/** A count logged on a day: one log, or all of a day's logs added up. */
export type LoggedCount = Pick<ActivityLog, 'activityId' | 'date' | 'count'>;

/** Sums that no order of addition can change: whole numbers, and totals far from 2^53. */
const EXACT_MAGNITUDE = 2 ** 52;

function loggedTotals(eb: ExpressionBuilder<Database, 'activity_logs'>) {
  const count = sql.ref<number>('count');
  return [
    eb.fn.sum<number>(count).as('total'),
    eb.fn.countAll<number>().as('logs'),
    eb.fn.sum<number>(sql`abs(${count})`).as('magnitude'),
    eb.fn.sum<number>(sql`case when round(${count}) = ${count} then 0 else 1 end`).as('fractional'),
  ];
}

function addsUpExactly(totals: { logs: number; magnitude: number; fractional: number }): boolean {
  return Number(totals.logs) === 1 || (Number(totals.fractional) === 0 && Number(totals.magnitude) < EXACT_MAGNITUDE);
}

export function createActivityRepository(db: Kysely<Database>) {
  async function goalIdsOf(workspaceId: string, activityIds: readonly string[]): Promise<Map<string, string[]>> {
    const links = new Map<string, string[]>();
    if (activityIds.length === 0) return links;
    const rows = await db
      .selectFrom('activity_goals')
      .select(['activity_id', 'goal_id'])
      .where('workspace_id', '=', workspaceId)
      .where('activity_id', 'in', activityIds)
      .orderBy('goal_id')
      .execute();
    for (const row of rows) links.set(row.activity_id, [...(links.get(row.activity_id) ?? []), row.goal_id]);
    return links;
  }

  async function withGoals(workspaceId: string, rows: Selectable<ActivityTable>[]): Promise<Activity[]> {
    const links = await goalIdsOf(
      workspaceId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toActivity(row, links.get(row.id) ?? []));
  }

  async function writeLinks(trx: Kysely<Database>, activity: Activity): Promise<void> {
    await trx.deleteFrom('activity_goals').where('activity_id', '=', activity.id).execute();
    if (activity.goalIds.length === 0) return;
    await trx
      .insertInto('activity_goals')
      .values(
        activity.goalIds.map((goalId) => ({
          workspace_id: activity.workspaceId,
          activity_id: activity.id,
          goal_id: goalId,
        })),
      )
      .execute();
  }

  /** Logs of the given activities, in date order, then in the order they were logged. */
  async function listLogs(
    workspaceId: string,
    activityIds: readonly string[],
    options: { until?: CalendarDate } = {},
  ): Promise<ActivityLog[]> {
    if (activityIds.length === 0) return [];
    let query = db
      .selectFrom('activity_logs')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('activity_id', 'in', activityIds);
    if (options.until !== undefined) query = query.where('date', '<=', options.until);
    const rows = await query.orderBy('date').orderBy('created_at').orderBy('id').execute();
    return rows.map(toLog);
  }

  async function insertLog(workspaceId: string, log: ActivityLog): Promise<void> {
    await db
      .insertInto('activity_logs')
      .values({
        id: log.id,
        workspace_id: workspaceId,
        activity_id: log.activityId,
        date: log.date,
        count: log.count,
        note: log.note,
        created_at: log.createdAt,
      })
      .execute();
  }

  return {
    async list(workspaceId: string): Promise<Activity[]> {
      const rows = await db
        .selectFrom('activities')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('name')
        .execute();
      return withGoals(workspaceId, rows);
    },

    async find(workspaceId: string, id: string): Promise<Activity | undefined> {
      const row = await db
        .selectFrom('activities')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && (await withGoals(workspaceId, [row]))[0];
    },

    /** By name, ignoring case: "Calls" finds "calls". */
    async findByName(workspaceId: string, name: string): Promise<Activity | undefined> {
      // Compared here rather than with SQL's lower(), which SQLite applies to ASCII letters only:
      // "Écrire" and "écrire" are one activity on both databases. A workspace has few activities.
      const rows = await db
        .selectFrom('activities')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const match = matchActivityName(
        name,
        rows.map((row) => row.name),
      );
      const row = rows.find((candidate) => candidate.name === match);
      return row && (await withGoals(workspaceId, [row]))[0];
    },

    /** The activities linked to each of the given goals. */
    async listForGoals(workspaceId: string, goalIds: readonly string[]): Promise<Map<string, Activity[]>> {
      const byGoal = new Map<string, Activity[]>();
      if (goalIds.length === 0) return byGoal;
      const links = await db
        .selectFrom('activity_goals')
        .select(['activity_id', 'goal_id'])
        .where('workspace_id', '=', workspaceId)
        .where('goal_id', 'in', goalIds)
        .execute();
      if (links.length === 0) return byGoal;
      const rows = await db
        .selectFrom('activities')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where(
          'id',
          'in',
          links.map((link) => link.activity_id),
        )
        .execute();
      const activities = new Map((await withGoals(workspaceId, rows)).map((activity) => [activity.id, activity]));
      for (const link of links) {
        const activity = activities.get(link.activity_id);
        if (activity) byGoal.set(link.goal_id, [...(byGoal.get(link.goal_id) ?? []), activity]);
      }
      return byGoal;
    },

    async insert(activity: Activity): Promise<void> {
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('activities').values(toRow(activity)).execute();
          await writeLinks(trx, activity);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(activity.name, error);
        throw error;
      }
    },

    async update(activity: Activity): Promise<void> {
      const { id, workspace_id, created_at: _created, ...changes } = toRow(activity);
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('activities')
            .set(changes)
            .where('workspace_id', '=', workspace_id)
            .where('id', '=', id)
            .execute();
          await writeLinks(trx, activity);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(activity.name, error);
        throw error;
      }
    },

    /** Deletes an activity with its logs, breaks and goal links. */
    async delete(workspaceId: string, id: string): Promise<void> {
      await db.deleteFrom('activities').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    listLogs,

    /**
     * What each of the given activities logged on each day up to `until`, for pace: one row per
     * day with the day's total, or, for a day whose logs could add up differently in another order
     * (fractions, or totals past 2^52), that day's logs themselves, in the order they were logged.
     * Either way a day adds up to the same as its logs added one by one, to the last bit, and the
     * rows are one a day whatever the number of logs.
     */
    async listLoggedDays(
      workspaceId: string,
      activityIds: readonly string[],
      { until }: { until: CalendarDate },
    ): Promise<LoggedCount[]> {
      if (activityIds.length === 0) return [];
      const days = await db
        .selectFrom('activity_logs')
        .select(['activity_id', 'date'])
        .select(loggedTotals)
        .where('workspace_id', '=', workspaceId)
        .where('activity_id', 'in', activityIds)
        .where('date', '<=', until)
        .groupBy(['activity_id', 'date'])
        .execute();
      const exact = days.filter(addsUpExactly);
      const inexact = days.filter((day) => !addsUpExactly(day));
      const logged: LoggedCount[] = exact.map((day) => ({
        activityId: day.activity_id,
        date: day.date,
        count: Number(day.total),
      }));
      if (inexact.length === 0) return logged;
      const wanted = new Set(inexact.map((day) => `${day.activity_id}|${day.date}`));
      const logs = await listLogs(workspaceId, [...new Set(inexact.map((day) => day.activity_id))], { until });
      return [...logged, ...logs.filter((log) => wanted.has(`${log.activityId}|${log.date}`))];
    },

    insertLog,

    /**
     * Deletes a log, keeping it for undo, in one transaction. Returns the deleted item's id, or
     * null when there was no log with that id.
     */
    async deleteLog(workspaceId: string, id: string, deletedAt: Date): Promise<string | null> {
      return inTransaction(db, async (trx) => {
        const deleted = await trx
          .deleteFrom('activity_logs')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (deleted === undefined) return null;
        return recordDeleted(trx, { kind: 'activity-log', workspaceId, row: deleted, deletedAt });
      });
    },

    /**
     * Puts a deleted log back as it was, the way it was logged; a conflict when its activity is
     * gone. Run it inside the restore's transaction.
     */
    async putBackLog(row: ActivityLogTable): Promise<void> {
      const activity = await db
        .selectFrom('activities')
        .select('id')
        .where('workspace_id', '=', row.workspace_id)
        .where('id', '=', row.activity_id)
        .executeTakeFirst();
      if (activity === undefined) {
        throw new AppError(
          'conflict',
          'The activity this count was logged on was deleted, so the count cannot come back; add the activity again and log it there.',
          { field: 'id' },
        );
      }
      await insertLog(row.workspace_id, toLog(row));
    },

    async listBreaks(workspaceId: string, activityIds: readonly string[]): Promise<ActivityBreak[]> {
      if (activityIds.length === 0) return [];
      const rows = await db
        .selectFrom('activity_breaks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('activity_id', 'in', activityIds)
        .orderBy('start_date')
        .orderBy('id')
        .execute();
      return rows.map(toBreak);
    },

    async insertBreak(workspaceId: string, pause: ActivityBreak): Promise<void> {
      await db
        .insertInto('activity_breaks')
        .values({
          id: pause.id,
          workspace_id: workspaceId,
          activity_id: pause.activityId,
          start_date: pause.start,
          end_date: pause.end,
          note: pause.note,
          created_at: pause.createdAt,
        })
        .execute();
    },

    async deleteBreak(workspaceId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('activity_breaks')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** The names of the funnels that have the activity as a stage. */
    async funnelsUsing(workspaceId: string, activityId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('funnel_stages')
        .innerJoin('funnels', 'funnels.id', 'funnel_stages.funnel_id')
        .select('funnels.name')
        .where('funnel_stages.workspace_id', '=', workspaceId)
        .where('funnel_stages.activity_id', '=', activityId)
        .execute();
      return [...new Set(rows.map((row) => row.name))];
    },
  };
}

export type ActivityRepository = ReturnType<typeof createActivityRepository>;
