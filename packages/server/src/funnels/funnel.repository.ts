import { AppError, type Funnel, type FunnelStage } from '@bigrock/core';
import { sql, type Kysely, type Selectable } from 'kysely';

import type { Database, FunnelTable } from '../db/database.js';
import { isUniqueViolation } from '../db/unique-violation.js';

function toRow(funnel: Funnel): FunnelTable {
  return {
    id: funnel.id,
    workspace_id: funnel.workspaceId,
    name: funnel.name,
    goal_id: funnel.goalId,
    target: funnel.target,
    unit: funnel.unit,
    value_per_unit: funnel.valuePerUnit,
    start_date: funnel.startDate,
    deadline: funnel.deadline,
    hours_per_week: funnel.hoursPerWeek,
    workdays_per_week: funnel.workdaysPerWeek,
    created_at: funnel.createdAt,
    updated_at: funnel.updatedAt,
  };
}

function toFunnel(row: Selectable<FunnelTable>, stages: FunnelStage[]): Funnel {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    goalId: row.goal_id,
    target: row.target,
    unit: row.unit,
    valuePerUnit: row.value_per_unit,
    startDate: row.start_date,
    deadline: row.deadline,
    hoursPerWeek: row.hours_per_week,
    workdaysPerWeek: row.workdays_per_week,
    stages,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const nameTaken = (name: string, cause: unknown) =>
  new AppError('conflict', `A funnel named "${name}" already exists; pick another name.`, { field: 'name', cause });

export function createFunnelRepository(db: Kysely<Database>) {
  async function withStages(workspaceId: string, rows: Selectable<FunnelTable>[]): Promise<Funnel[]> {
    if (rows.length === 0) return [];
    const stages = await db
      .selectFrom('funnel_stages')
      .innerJoin('activities', 'activities.id', 'funnel_stages.activity_id')
      .select([
        'funnel_stages.funnel_id',
        'funnel_stages.activity_id',
        'funnel_stages.conversion_guess',
        'activities.name',
        'activities.unit',
        'activities.minutes_per_unit',
      ])
      .where('funnel_stages.workspace_id', '=', workspaceId)
      .where(
        'funnel_stages.funnel_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('funnel_stages.funnel_id')
      .orderBy('funnel_stages.position')
      .execute();
    return rows.map((row) =>
      toFunnel(
        row,
        stages
          .filter((stage) => stage.funnel_id === row.id)
          .map((stage) => ({
            activityId: stage.activity_id,
            activity: stage.name,
            unit: stage.unit,
            minutesPerUnit: stage.minutes_per_unit,
            conversionGuess: stage.conversion_guess,
          })),
      ),
    );
  }

  async function write(funnel: Funnel, insert: boolean): Promise<void> {
    try {
      await db.transaction().execute(async (trx) => {
        const { id, workspace_id, created_at: _created, ...changes } = toRow(funnel);
        if (insert) await trx.insertInto('funnels').values(toRow(funnel)).execute();
        else
          await trx
            .updateTable('funnels')
            .set(changes)
            .where('workspace_id', '=', workspace_id)
            .where('id', '=', id)
            .execute();
        await trx.deleteFrom('funnel_stages').where('funnel_id', '=', id).execute();
        await trx
          .insertInto('funnel_stages')
          .values(
            funnel.stages.map((stage, position) => ({
              workspace_id,
              funnel_id: id,
              position,
              activity_id: stage.activityId,
              conversion_guess: stage.conversionGuess,
            })),
          )
          .execute();
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(funnel.name, error);
      throw error;
    }
  }

  return {
    async list(workspaceId: string): Promise<Funnel[]> {
      const rows = await db
        .selectFrom('funnels')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return withStages(workspaceId, rows);
    },

    async find(workspaceId: string, id: string): Promise<Funnel | undefined> {
      const rows = await db
        .selectFrom('funnels')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
      return (await withStages(workspaceId, rows))[0];
    },

    /** By name, ignoring case. */
    async findByName(workspaceId: string, name: string): Promise<Funnel | undefined> {
      const rows = await db
        .selectFrom('funnels')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where(sql<string>`lower(name)`, '=', name.toLowerCase())
        .execute();
      const row = rows.find((candidate) => candidate.name === name) ?? rows[0];
      return row && (await withStages(workspaceId, [row]))[0];
    },

    insert: (funnel: Funnel) => write(funnel, true),
    update: (funnel: Funnel) => write(funnel, false),

    async delete(workspaceId: string, id: string): Promise<void> {
      await db.deleteFrom('funnels').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },
  };
}

export type FunnelRepository = ReturnType<typeof createFunnelRepository>;
