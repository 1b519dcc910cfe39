import type { Kysely } from 'kysely';

// Rows moved aside by a delete, for undo (undo/record-deleted.ts): the row as JSON while it can be
// restored (a day), then a tombstone without it for a month, so that a late restore is told the
// item is gone rather than unknown. Not backed up: it is an undo buffer, not the workspace's data.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deleted_items')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('item_id', 'text', (col) => col.notNull())
    // The row as it was, in JSON; null once restored or purged.
    .addColumn('row_json', 'text')
    .addColumn('deleted_at', 'text', (col) => col.notNull())
    .addColumn('restored_at', 'text')
    .execute();
  // The newest first for `bigrock undo`, and the oldest found fast by the purge on each delete.
  await db.schema
    .createIndex('deleted_items_workspace_deleted_idx')
    .on('deleted_items')
    .columns(['workspace_id', 'deleted_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('deleted_items').execute();
}
