import type { Kysely } from 'kysely';

// What may interrupt the user, one row per workspace, and none until the user chooses: no row
// means no digest and no quiet hours. Times are local "HH:MM" text on the workspace's clocks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_settings')
    .addColumn('workspace_id', 'text', (col) => col.primaryKey().references('workspaces.id'))
    .addColumn('digest_time', 'text')
    .addColumn('quiet_start', 'text')
    .addColumn('quiet_end', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_settings').execute();
}
