import type { Kysely } from 'kysely';

import type { Database, WorkspaceTable } from '../db/database.js';

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
}

const toWorkspace = (row: WorkspaceTable): Workspace => ({
  id: row.id,
  name: row.name,
  timeZone: row.time_zone,
  createdAt: row.created_at,
});

export function createWorkspaceRepository(db: Kysely<Database>) {
  return {
    async find(id: string): Promise<Workspace | undefined> {
      const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toWorkspace(row);
    },

    /** Creates the workspace unless it exists; concurrent callers both end with the same row. */
    async ensure(workspace: Workspace): Promise<Workspace> {
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

    async update(id: string, patch: Partial<Pick<Workspace, 'name' | 'timeZone'>>): Promise<void> {
      await db
        .updateTable('workspaces')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type WorkspaceRepository = ReturnType<typeof createWorkspaceRepository>;
