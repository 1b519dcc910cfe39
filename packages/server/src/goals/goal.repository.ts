import {
  aggregates,
  directions,
  goalLevels,
  trackingSources,
  weekdays,
  type Aggregate,
  type CalendarDate,
  type DataPoint,
  type DayTotals,
  type Direction,
  type Goal,
  type GoalLevel,
  type TrackingSource,
  type Weekday,
} from '@bigrock/core';
import { sql, type Kysely, type Selectable } from 'kysely';

import type { Database, DataPointTable, GoalDayTable, GoalTable } from '../db/database.js';
import { lockGoal, refoldGoalDays, toDayTotals } from './goal-days.js';

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((candidate) => candidate === value) ?? fallback;
}

function toGoal(row: Selectable<GoalTable>): Goal {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    level: row.level === null ? null : oneOf<GoalLevel>(goalLevels, row.level, 'monthly'),
    unit: row.unit,
    aggregate: oneOf<Aggregate>(aggregates, row.aggregate, 'sum'),
    direction: oneOf<Direction>(directions, row.direction, 'up'),
    baseline: row.baseline,
    target: row.target,
    startDate: row.start_date,
    deadline: row.deadline,
    why: row.why,
    parentId: row.parent_id,
    systems: row.systems,
    owner: row.owner,
    partner: row.partner,
    trackingSource: oneOf<TrackingSource>(trackingSources, row.tracking_source, 'manual'),
    hoursPerWeek: row.hours_per_week,
    daysOff: row.days_off.split(',').filter((day): day is Weekday => weekdays.some((weekday) => weekday === day)),
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(goal: Goal): GoalTable {
  return {
    id: goal.id,
    workspace_id: goal.workspaceId,
    title: goal.title,
    level: goal.level,
    unit: goal.unit,
    aggregate: goal.aggregate,
    direction: goal.direction,
    baseline: goal.baseline,
    target: goal.target,
    start_date: goal.startDate,
    deadline: goal.deadline,
    why: goal.why,
    parent_id: goal.parentId,
    systems: goal.systems,
    owner: goal.owner,
    partner: goal.partner,
    tracking_source: goal.trackingSource,
    hours_per_week: goal.hoursPerWeek,
    days_off: goal.daysOff.join(','),
    archived_at: goal.archivedAt,
    created_at: goal.createdAt,
    updated_at: goal.updatedAt,
  };
}

function toDataPoint(row: Selectable<DataPointTable>): DataPoint {
  return {
    id: row.id,
    goalId: row.goal_id,
    date: row.date,
    value: row.value,
    note: row.note,
    createdAt: row.created_at,
  };
}

export interface GoalListOptions {
  archived?: boolean;
}

/** A bound on one of a goal's day totals (core's targetBound). */
export type DayTotalsBound = { totals: keyof typeof totalsColumns } & ({ atLeast: number } | { atMost: number });

const totalsColumns = {
  sum: 'value_sum',
  count: 'point_count',
  max: 'value_max',
  last: 'last_value',
} as const satisfies Record<string, keyof GoalDayTable>;

/** Pairs of (goal, date) per query: two bound parameters each, within both databases' limits. */
const PAIRS_PER_QUERY = 5000;
/** Candidate days read at a time when looking for the first day that met a target. */
const CANDIDATES = 50;

export function createGoalRepository(db: Kysely<Database>) {
  return {
    async list(workspaceId: string, options: GoalListOptions = {}): Promise<Goal[]> {
      let query = db.selectFrom('goals').selectAll().where('workspace_id', '=', workspaceId);
      if (options.archived !== undefined) {
        query = query.where('archived_at', options.archived ? 'is not' : 'is', null);
      }
      const rows = await query.orderBy('created_at').orderBy('id').execute();
      return rows.map(toGoal);
    },

    async find(workspaceId: string, id: string): Promise<Goal | undefined> {
      const row = await db
        .selectFrom('goals')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toGoal(row);
    },

    async insert(goal: Goal): Promise<void> {
      await db.insertInto('goals').values(toRow(goal)).execute();
    },

    async update(goal: Goal): Promise<void> {
      const { id, workspace_id, created_at, ...changes } = toRow(goal);
      await db
        .updateTable('goals')
        .set(changes)
        .where('workspace_id', '=', workspace_id)
        .where('id', '=', id)
        .where('created_at', '=', created_at)
        .execute();
    },

    async countInWorkspace(workspaceId: string): Promise<number> {
      const { count } = await db
        .selectFrom('goals')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      return Number(count);
    },

    /** Data points of the given goals, in date order, then in the order they were logged. */
    async listDataPoints(workspaceId: string, goalIds: readonly string[]): Promise<DataPoint[]> {
      if (goalIds.length === 0) return [];
      const rows = await db
        .selectFrom('data_points')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('goal_id', 'in', goalIds)
        .orderBy('date')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toDataPoint);
    },

    /** Logs a data point and refolds its goal's day totals from its date on, in one transaction. */
    async insertDataPoint(workspaceId: string, point: DataPoint): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await lockGoal(trx, point.goalId);
        await trx
          .insertInto('data_points')
          .values({
            id: point.id,
            workspace_id: workspaceId,
            goal_id: point.goalId,
            date: point.date,
            value: point.value,
            note: point.note,
            created_at: point.createdAt,
          })
          .execute();
        await refoldGoalDays(trx, point.goalId, point.date);
      });
    },

    /** Deletes a data point and refolds its goal's day totals; false when there was none with that id. */
    async deleteDataPoint(workspaceId: string, id: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('data_points')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .returning(['goal_id', 'date'])
          .executeTakeFirst();
        if (deleted === undefined) return false;
        await lockGoal(trx, deleted.goal_id);
        await refoldGoalDays(trx, deleted.goal_id, deleted.date);
        return true;
      });
    },

    /**
     * For each goal, its day totals on each of the given dates (the last day on or before it that
     * has points) and its last day of all, in date order: one row per date at most, whatever the
     * number of points. Goals are those of the workspace, found by the caller.
     */
    async dayTotalsOn(wanted: ReadonlyArray<{ goalId: string; dates: readonly CalendarDate[] }>) {
      const byGoal = new Map<string, DayTotals[]>(wanted.map(({ goalId }) => [goalId, []]));
      if (wanted.length === 0) return byGoal;
      const pairs = wanted.flatMap(({ goalId, dates }) => dates.map((date) => sql`(${goalId}, ${date})`));
      const chunks: Array<typeof pairs> = [];
      for (let start = 0; start < pairs.length; start += PAIRS_PER_QUERY) {
        chunks.push(pairs.slice(start, start + PAIRS_PER_QUERY));
      }
      if (chunks.length === 0) chunks.push([]);
      const rows: Array<Selectable<GoalDayTable>> = [];
      for (const [index, chunk] of chunks.entries()) {
        const finds = [];
        // Each (goal, date) finds its day by one seek on the primary key. VALUES names its
        // columns column1 and column2, on both databases.
        if (chunk.length > 0) {
          finds.push(sql`select w.column1 as goal_id,
              (select max(x.date) from goal_days x where x.goal_id = w.column1 and x.date <= w.column2) as date
            from (values ${sql.join(chunk)}) as w`);
        }
        if (index === 0) {
          const ids = wanted.map(({ goalId }) => goalId);
          finds.push(sql`select g.id as goal_id, (select max(x.date) from goal_days x where x.goal_id = g.id) as date
            from goals g where g.id in (${sql.join(ids)})`);
        }
        const found = await sql<Selectable<GoalDayTable>>`
          select d.goal_id, d.date, d.value_sum, d.point_count, d.value_max, d.last_value
          from (${sql.join(finds, sql` union all `)}) as found
          join goal_days d on d.goal_id = found.goal_id and d.date = found.date`.execute(db);
        rows.push(...found.rows);
      }
      for (const row of rows) {
        const days = byGoal.get(row.goal_id);
        if (days !== undefined && !days.some(({ date }) => date === row.date)) days.push(toDayTotals(row));
      }
      for (const days of byGoal.values()) days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return byGoal;
    },

    /**
     * The first day, on or before `until`, whose totals `accept` takes, among the days within
     * `bound` (which every accepted day is): the database skips the others.
     */
    async firstDayWithin(
      goalId: string,
      until: CalendarDate,
      bound: DayTotalsBound,
      accept: (totals: DayTotals) => boolean,
    ): Promise<CalendarDate | null> {
      const column = totalsColumns[bound.totals];
      let after: CalendarDate | null = null;
      for (;;) {
        let query = db
          .selectFrom('goal_days')
          .selectAll()
          .where('goal_id', '=', goalId)
          .where('date', '<=', until)
          // As a double: the bound of an integer count need not be whole, nor fit an integer.
          .where(
            sql<number>`cast(${sql.ref(column)} as double precision)`,
            'atLeast' in bound ? '>=' : '<=',
            'atLeast' in bound ? bound.atLeast : bound.atMost,
          );
        if (after !== null) query = query.where('date', '>', after);
        const candidates = await query.orderBy('date').limit(CANDIDATES).execute();
        const met = candidates.map(toDayTotals).find(accept);
        if (met !== undefined) return met.date;
        if (candidates.length < CANDIDATES) return null;
        after = candidates.at(-1)?.date ?? null;
      }
    },
  };
}

export type GoalRepository = ReturnType<typeof createGoalRepository>;
