import type { Kysely } from 'kysely';

// Entries name their activity by a string. "calls" typed where "Calls" is in use must find
// "Calls", so writes look up the names in use: this index gives them without reading every entry
// (the distinct names by skipping from one name to the next, a name's last use by its last start).
// Existing entries whose names differ only by case are left as they are.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('time_entries_activity_idx')
    .on('time_entries')
    .columns(['workspace_id', 'activity', 'start_ms'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('time_entries_activity_idx').execute();
}
