import { sql, type Kysely } from 'kysely';

// Focus sessions and the interruptions logged in them. A session's focused time is its time
// entries (source `focus`, source_id `<session id>.<n>`): a pause stops the running one, a resume
// starts the next, so the time tracked is the time focused. Instants are ISO 8601 UTC text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('focus_sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('activity', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('rock_id', 'text', (col) => col.references('planner_rocks.id').onDelete('set null'))
    // No reference: a block of a week not made yet goes by the id of its template block and date.
    .addColumn('block_id', 'text')
    .addColumn('date', 'text')
    .addColumn('planned_seconds', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('abandon_reason', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // One open session per workspace, whoever starts it (two tabs, the CLI beside the server).
  await db.schema
    .createIndex('focus_sessions_open_idx')
    .on('focus_sessions')
    .column('workspace_id')
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('focus_sessions_workspace_started_idx')
    .on('focus_sessions')
    .columns(['workspace_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('focus_interruptions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('session_id', 'text', (col) => col.notNull().references('focus_sessions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('focus_interruptions_workspace_at_idx')
    .on('focus_interruptions')
    .columns(['workspace_id', 'at'])
    .execute();
  await db.schema
    .createIndex('focus_interruptions_session_idx')
    .on('focus_interruptions')
    .column('session_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('focus_interruptions').execute();
  await db.schema.dropTable('focus_sessions').execute();
}
