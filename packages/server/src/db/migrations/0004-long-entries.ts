import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';

/** An entry that ran longer than this (or runs still) is long: the few that are sit in an index of their own. */
export const LONG_ENTRY_MS = 31 * 24 * 3_600_000;

/**
 * Whether an entry is long. The queries that look long entries up repeat these words exactly:
 * SQLite and PostgreSQL take a partial index only for a query whose condition contains its own.
 */
export const isLongEntry = (): RawBuilder<SqlBool> =>
  sql<SqlBool>`(end_ms is null or end_ms - start_ms > ${sql.lit(LONG_ENTRY_MS)})`;

// A range of days finds its entries on (workspace_id, start_ms), from a month before it: the scan
// stays short. The entries that started before that and still reach into the range (a timer left
// running since March, an imported span of weeks) are found here, so a day's total never depends
// on the range that asks for it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('time_entries_long_idx')
    .on('time_entries')
    .columns(['workspace_id', 'start_ms'])
    .where(isLongEntry())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('time_entries_long_idx').execute();
}
