import {
  aggregates,
  directions,
  goalLevels,
  trackingSources,
  weekdays,
  type Aggregate,
  type DataPoint,
  type Direction,
  type Goal,
  type GoalLevel,
  type TrackingSource,
  type Weekday,
} from '@bigrock/core';
import type { Kysely, Selectable } from 'kysely';

import type { Database, DataPointTable, GoalTable } from '../db/database.js';

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

    async insertDataPoint(workspaceId: string, point: DataPoint): Promise<void> {
      await db
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
    },

    /** Deletes a data point; false when there was none with that id. */
    async deleteDataPoint(workspaceId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('data_points')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type GoalRepository = ReturnType<typeof createGoalRepository>;
