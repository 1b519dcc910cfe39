import type { Kysely } from 'kysely';

// The calendar feed and busy time imported from calendars. Each block of a week and each big rock
// counts its changes (`sequence`, the feed's SEQUENCE: calendar apps keep a copy and take a new one
// only when it is higher). A block keeps the UID it is published under (`feed_uid`): a block made
// from a template goes by its template block and first date, as it did before its week was made,
// so making the week does not change it. Imported busy time keeps where it came from: the event's
// UID and RECURRENCE-ID (`imported_key`, one block per occurrence) and the file's name.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('planner_week_blocks')
    .addColumn('sequence', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('planner_week_blocks').addColumn('feed_uid', 'text').execute();
  await db.schema.alterTable('planner_week_blocks').addColumn('imported_key', 'text').execute();
  await db.schema.alterTable('planner_week_blocks').addColumn('imported_from', 'text').execute();
  await db.schema
    .alterTable('planner_rocks')
    .addColumn('sequence', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  // Importing the same file again finds each occurrence's block; several NULLs are allowed on both databases.
  await db.schema
    .createIndex('planner_week_blocks_imported_idx')
    .on('planner_week_blocks')
    .columns(['workspace_id', 'imported_key'])
    .unique()
    .execute();
  // The feed reads every block of twelve weeks at once, by date.
  await db.schema
    .createIndex('planner_week_blocks_date_idx')
    .on('planner_week_blocks')
    .columns(['workspace_id', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('planner_week_blocks_date_idx').execute();
  await db.schema.dropIndex('planner_week_blocks_imported_idx').execute();
  for (const column of ['imported_from', 'imported_key', 'feed_uid', 'sequence'])
    await db.schema.alterTable('planner_week_blocks').dropColumn(column).execute();
  await db.schema.alterTable('planner_rocks').dropColumn('sequence').execute();
}
