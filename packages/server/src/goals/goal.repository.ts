import {
  aggregates,
  AppError,
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
import { inTransaction } from '../db/in-transaction.js';
import { recordDeleted } from '../undo/record-deleted.js';
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

/** Bound parameters per query of day totals, well within both databases' limits (SQLite's 32,766). */
const PARAMETERS_PER_QUERY = 10_000;

/** The wanted goals in batches of at most PARAMETERS_PER_QUERY parameters (a goal's id, and two a date). */
function inBatches(wanted: readonly DayTotalsWanted[]): DayTotalsWanted[][] {
  const batches: DayTotalsWanted[][] = [[]];
  let parameters = 0;
  for (const goal of wanted) {
    const needed = 1 + 2 * goal.on.length;
    if (parameters + needed > PARAMETERS_PER_QUERY && parameters > 0) {
      batches.push([]);
      parameters = 0;
    }
    batches.at(-1)?.push(goal);
    parameters += needed;
  }
  return batches;
}

/** What `dayTotals` reads of one goal: its last day, and the last day on or before each date of `on`. */
export interface DayTotalsWanted {
  goalId: string;
  on: readonly CalendarDate[];
}

/** What `firstDaysWithin` looks for in one goal's days. */
export interface FirstDayWanted {
  goalId: string;
  until: CalendarDate;
  bound: DayTotalsBound;
  accept: (totals: DayTotals) => boolean;
}
/** Candidate days read at a time when looking for the first day that met a target. */
const CANDIDATES = 8;

export function createGoalRepository(db: Kysely<Database>) {
  /** `dayTotals` for one batch of goals. */
  async function readDayTotals(wanted: readonly DayTotalsWanted[]): Promise<Map<string, DayTotals[]>> {
    const byGoal = new Map<string, DayTotals[]>(wanted.map(({ goalId }) => [goalId, []]));
    if (wanted.length === 0) return byGoal;
    const lookups = wanted.flatMap(({ goalId, on }) => [...new Set(on)].map((date) => sql`(${goalId}, ${date})`));
    const ids = wanted.map(({ goalId }) => goalId);
    // VALUES names its columns column1, column2… on both databases. Each lookup is one seek on
    // the primary key.
    const finds = [
      sql`select g.id as goal_id, (select max(x.date) from goal_days x where x.goal_id = g.id) as date
        from goals g where g.id in (${sql.join(ids)})`,
    ];
    if (lookups.length > 0) {
      finds.push(sql`select w.column1 as goal_id,
          (select max(x.date) from goal_days x where x.goal_id = w.column1 and x.date <= w.column2) as date
        from (values ${sql.join(lookups)}) as w`);
    }
    const { rows } = await sql<Selectable<GoalDayTable>>`select d.goal_id, d.date, d.value_sum, d.point_count,
        d.value_max, d.last_value
      from (${sql.join(finds, sql` union all `)}) as found
      join goal_days d on d.goal_id = found.goal_id and d.date = found.date`.execute(db);
    for (const row of rows) byGoal.get(row.goal_id)?.push(toDayTotals(row));
    for (const [goalId, days] of byGoal) {
      days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      byGoal.set(
        goalId,
        days.filter((totals, index) => totals.date !== days[index - 1]?.date),
      );
    }
    return byGoal;
  }

  /** Logs a data point and refolds its goal's day totals from its date on, in one transaction. */
  async function insertDataPoint(workspaceId: string, point: DataPoint): Promise<void> {
    await inTransaction(db, async (trx) => {
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
  }

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

    insertDataPoint,

    /**
     * Changes a data point and refolds its goal's day totals from the earlier of its old and new
     * dates, in one transaction; undefined when there is no data point with that id.
     */
    async updateDataPoint(
      workspaceId: string,
      id: string,
      changes: Partial<Pick<DataPoint, 'date' | 'value' | 'note'>>,
    ): Promise<DataPoint | undefined> {
      return inTransaction(db, async (trx) => {
        const find = () =>
          trx
            .selectFrom('data_points')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', id)
            .executeTakeFirst();
        const first = await find();
        if (first === undefined) return undefined;
        await lockGoal(trx, first.goal_id);
        // Read again under the goal's lock: another change may have moved the point meanwhile.
        const current = await find();
        if (current === undefined) return undefined;
        const point = { ...toDataPoint(current), ...changes };
        await trx
          .updateTable('data_points')
          .set({ date: point.date, value: point.value, note: point.note })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
        await refoldGoalDays(trx, point.goalId, point.date < current.date ? point.date : current.date);
        return point;
      });
    },

    /**
     * Deletes a data point, keeping it for undo, and refolds its goal's day totals, in one
     * transaction. Returns the deleted item's id, or null when there was no data point with that id.
     */
    async deleteDataPoint(workspaceId: string, id: string, deletedAt: Date): Promise<string | null> {
      return inTransaction(db, async (trx) => {
        const deleted = await trx
          .deleteFrom('data_points')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (deleted === undefined) return null;
        await lockGoal(trx, deleted.goal_id);
        await refoldGoalDays(trx, deleted.goal_id, deleted.date);
        return recordDeleted(trx, { kind: 'data-point', workspaceId, row: deleted, deletedAt });
      });
    },

    /**
     * Puts a deleted data point back as it was, the way it was logged (its goal's day totals
     * refolded); a conflict when its goal is gone. Run it inside the restore's transaction.
     */
    async putBackDataPoint(row: DataPointTable): Promise<void> {
      const goal = await db
        .selectFrom('goals')
        .select('id')
        .where('workspace_id', '=', row.workspace_id)
        .where('id', '=', row.goal_id)
        .executeTakeFirst();
      if (goal === undefined) {
        throw new AppError(
          'conflict',
          'The goal this data point was logged on is gone (a backup was restored over it), so the point cannot come back; log it on another goal.',
          { field: 'id' },
        );
      }
      await insertDataPoint(row.workspace_id, toDataPoint(row));
    },

    /**
     * For each goal, its day totals on each of the `on` dates (the last day on or before it that
     * has points) and on its last day of all, in date order: one row a day at most, however many
     * points a day holds, in one query for all the goals (unless they are thousands). Goals are
     * those of the workspace, found by the caller.
     */
    async dayTotals(wanted: readonly DayTotalsWanted[]): Promise<Map<string, DayTotals[]>> {
      const byGoal = new Map<string, DayTotals[]>();
      for (const batch of inBatches(wanted)) {
        for (const [goalId, days] of await readDayTotals(batch)) byGoal.set(goalId, days);
      }
      return byGoal;
    },

    /**
     * For each goal, the first day on or before `until` whose totals `accept` takes, among the
     * days within `bound` (which every accepted day is): the database skips the others. One query
     * for all the goals, unless a goal has many days near its bound that `accept` refuses.
     */
    async firstDaysWithin(requests: readonly FirstDayWanted[]): Promise<Map<string, CalendarDate | null>> {
      const found = new Map<string, CalendarDate | null>();
      const candidates = (request: FirstDayWanted, after: CalendarDate | null) => {
        const { goalId, until, bound } = request;
        let query = db
          .selectFrom('goal_days')
          .selectAll()
          .where('goal_id', '=', goalId)
          .where('date', '<=', until)
          // As a double: the bound of an integer count need not be whole, nor fit an integer.
          .where(
            sql<number>`cast(${sql.ref(totalsColumns[bound.totals])} as double precision)`,
            'atLeast' in bound ? '>=' : '<=',
            'atLeast' in bound ? bound.atLeast : bound.atMost,
          );
        if (after !== null) query = query.where('date', '>', after);
        return db.selectFrom(query.orderBy('date').limit(CANDIDATES).as('candidates')).selectAll();
      };
      let pending = requests.map((request) => ({ request, after: null as CalendarDate | null }));
      while (pending.length > 0) {
        const [first, ...rest] = pending.map(({ request, after }) => candidates(request, after));
        if (first === undefined) break;
        const rows = await rest.reduce((union, query) => union.unionAll(query), first).execute();
        const next: typeof pending = [];
        for (const { request, after } of pending) {
          const days = rows
            .filter((row) => row.goal_id === request.goalId && (after === null || row.date > after))
            .map(toDayTotals)
            .sort((a, b) => (a.date < b.date ? -1 : 1));
          const met = days.find(request.accept);
          if (met !== undefined) found.set(request.goalId, met.date);
          else if (days.length < CANDIDATES) found.set(request.goalId, null);
          else next.push({ request, after: days.at(-1)?.date ?? null });
        }
        pending = next;
      }
      return found;
    },
  };
}

export type GoalRepository = ReturnType<typeof createGoalRepository>;
