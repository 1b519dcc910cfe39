import { sql, type Kysely } from 'kysely';

// Time entries and outcomes. Instants are integer epoch milliseconds (bigint): range scans over a
// million entries compare integers on an index, and the same numbers work on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    // By name, like the activities table keys them; no foreign key, so tracking works before activities exist.
    .addColumn('activity', 'text', (col) => col.notNull())
    .addColumn('start_ms', 'bigint', (col) => col.notNull())
    // Null while the timer runs.
    .addColumn('end_ms', 'bigint')
    /** Comma-separated; tags never contain commas. */
    .addColumn('tags', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    // Provenance: the source's own id or a hash, and a hash of what was imported, to see it change.
    .addColumn('source_id', 'text')
    .addColumn('source_hash', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('time_entries_workspace_start_idx')
    .on('time_entries')
    .columns(['workspace_id', 'start_ms'])
    .execute();
  // One running timer per workspace, whoever starts it (the CLI and the server race otherwise).
  await db.schema
    .createIndex('time_entries_one_running_idx')
    .on('time_entries')
    .column('workspace_id')
    .unique()
    .where(sql.ref('end_ms'), 'is', null)
    .execute();
  // Re-importing a file finds what it brought before; null source ids (entries made here) never clash.
  await db.schema
    .createIndex('time_entries_provenance_idx')
    .on('time_entries')
    .columns(['workspace_id', 'source', 'source_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('amount', 'double precision', (col) => col.notNull())
    .addColumn('currency', 'text')
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('activity', 'text')
    .addColumn('channel', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('outcomes_workspace_date_idx').on('outcomes').columns(['workspace_id', 'date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outcomes').execute();
  await db.schema.dropTable('time_entries').execute();
}
