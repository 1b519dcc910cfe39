import { energies, triageActions, type Energy, type TriageAction, type TriageTask } from '@bigrock/core';
import type { Kysely, Selectable } from 'kysely';

import type { Database, TriageTaskTable } from '../db/database.js';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

function toTask(row: Selectable<TriageTaskTable>): TriageTask {
  const action = oneOf<TriageAction>(triageActions, row.override_action);
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    activity: row.activity,
    hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
    energy: oneOf<Energy>(energies, row.energy) ?? 'draining',
    producesIncome: Number(row.produces_income) === 1,
    needed: Number(row.needed) === 1,
    onlyMe: Number(row.only_me) === 1,
    outsourceRate: row.outsource_rate === null ? null : Number(row.outsource_rate),
    automationOnce: row.automation_once === null ? null : Number(row.automation_once),
    automationMonthly: row.automation_monthly === null ? null : Number(row.automation_monthly),
    reviewHoursPerWeek: Number(row.review_hours_per_week),
    override: action === undefined ? null : { action, reason: row.override_reason ?? '' },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(task: TriageTask): TriageTaskTable {
  return {
    id: task.id,
    workspace_id: task.workspaceId,
    name: task.name,
    activity: task.activity,
    hours_per_week: task.hoursPerWeek,
    energy: task.energy,
    produces_income: task.producesIncome ? 1 : 0,
    needed: task.needed ? 1 : 0,
    only_me: task.onlyMe ? 1 : 0,
    outsource_rate: task.outsourceRate,
    automation_once: task.automationOnce,
    automation_monthly: task.automationMonthly,
    review_hours_per_week: task.reviewHoursPerWeek,
    override_action: task.override?.action ?? null,
    override_reason: task.override?.reason ?? null,
    created_at: task.createdAt,
    updated_at: task.updatedAt,
  };
}

/** The recurring tasks of triage: one row each in `triage_tasks` (migration 0018). */
export function createTriageTaskRepository(db: Kysely<Database>) {
  return {
    async list(workspaceId: string): Promise<TriageTask[]> {
      const rows = await db
        .selectFrom('triage_tasks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toTask);
    },

    async find(workspaceId: string, id: string): Promise<TriageTask | undefined> {
      const row = await db
        .selectFrom('triage_tasks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toTask(row);
    },

    async count(workspaceId: string): Promise<number> {
      const row = await db
        .selectFrom('triage_tasks')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },

    async insert(task: TriageTask): Promise<void> {
      await db.insertInto('triage_tasks').values(toRow(task)).execute();
    },

    /** Writes the task whole; false when it is no longer there. */
    async update(task: TriageTask): Promise<boolean> {
      const { id, workspace_id, created_at: _createdAt, ...changes } = toRow(task);
      const result = await db
        .updateTable('triage_tasks')
        .set(changes)
        .where('workspace_id', '=', workspace_id)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async delete(workspaceId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('triage_tasks')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type TriageTaskRepository = ReturnType<typeof createTriageTaskRepository>;
