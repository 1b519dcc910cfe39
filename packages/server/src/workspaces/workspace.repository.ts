import { DEFAULT_WORKING_HOURS, workingHoursSchema, type WorkingHours } from '@bigrock/core';
import type { Kysely } from 'kysely';

import type { Database, WorkspaceTable } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { rebuildTimeRollups } from '../reports/time-rollup.repository.js';

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  /** Per weekday on the workspace's clocks; the review inbox looks for gaps inside them. */
  workingHours: WorkingHours;
  createdAt: string;
}

/** The stored JSON, read back; a value that does not parse (none should) counts as the default. */
function parseWorkingHours(json: string): WorkingHours {
  try {
    const parsed = workingHoursSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_WORKING_HOURS;
  } catch {
    return DEFAULT_WORKING_HOURS;
  }
}

/**
 * `parseWorkingHours`, remembering the last text read: the workspace is read on most requests
 * (for today's date in its zone), its hours rarely change, and checking them each time cost a
 * cached read of the goals list a sixth of its time. The hours are frozen, since callers share them.
 */
const readWorkingHours = (() => {
  let last: { json: string; hours: WorkingHours } | null = null;
  return (json: string): WorkingHours => {
    if (last?.json !== json) {
      const hours = parseWorkingHours(json);
      for (const day of Object.values(hours)) Object.freeze(day);
      last = { json, hours: Object.freeze(hours) };
    }
    return last.hours;
  };
})();

const toWorkspace = (row: WorkspaceTable): Workspace => ({
  id: row.id,
  name: row.name,
  timeZone: row.time_zone,
  workingHours: readWorkingHours(row.working_hours),
  createdAt: row.created_at,
});

export function createWorkspaceRepository(db: Kysely<Database>) {
  return {
    async find(id: string): Promise<Workspace | undefined> {
      const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toWorkspace(row);
    },

    /** Creates the workspace unless it exists; concurrent callers both end with the same row. */
    async ensure(workspace: Omit<Workspace, 'workingHours'> & { workingHours?: WorkingHours }): Promise<Workspace> {
      // Read first: a command that only reads (a listing, an export) then never waits for the
      // write lock, which an import in another process holds for as long as it runs.
      const existing = await db.selectFrom('workspaces').selectAll().where('id', '=', workspace.id).executeTakeFirst();
      if (existing !== undefined) return toWorkspace(existing);
      await db
        .insertInto('workspaces')
        .values({
          id: workspace.id,
          name: workspace.name,
          time_zone: workspace.timeZone,
          working_hours: JSON.stringify(workspace.workingHours ?? DEFAULT_WORKING_HOURS),
          money_settings: '{}',
          created_at: workspace.createdAt,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
      const row = await db
        .selectFrom('workspaces')
        .selectAll()
        .where('id', '=', workspace.id)
        .executeTakeFirstOrThrow();
      return toWorkspace(row);
    },

    async update(id: string, patch: Partial<Pick<Workspace, 'name' | 'timeZone' | 'workingHours'>>): Promise<void> {
      if (patch.name === undefined && patch.timeZone === undefined && patch.workingHours === undefined) return;
      await inTransaction(db, async (trx) => {
        const before = await trx.selectFrom('workspaces').select('time_zone').where('id', '=', id).executeTakeFirst();
        await trx
          .updateTable('workspaces')
          .set({
            ...(patch.name !== undefined && { name: patch.name }),
            ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
            ...(patch.workingHours !== undefined && { working_hours: JSON.stringify(patch.workingHours) }),
          })
          .where('id', '=', id)
          .execute();
        // Days are the zone's days: another zone puts the same hours on other days and hours.
        if (patch.timeZone !== undefined && before !== undefined && before.time_zone !== patch.timeZone) {
          await rebuildTimeRollups(trx, id);
        }
      });
    },
  };
}

export type WorkspaceRepository = ReturnType<typeof createWorkspaceRepository>;
