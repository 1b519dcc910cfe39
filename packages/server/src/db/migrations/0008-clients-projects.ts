import type { Kysely } from 'kysely';

// Client, project, billable and rate of a time entry: fields, as Toggl and Clockify keep them, not
// only tags. Text on the entry, like its activity: a name, no table of clients or projects, so an
// import of a million rows stays one insert per thousand, and a client typed once is a client.
// Entries made before have none: null, and not billable (0). Nothing is taken from their tags:
// an imported entry is filled in by importing its file again, which counts it as unchanged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('time_entries').addColumn('client', 'text').execute();
  await db.schema.alterTable('time_entries').addColumn('project', 'text').execute();
  // 0 or 1: the same integer on SQLite and PostgreSQL, in backups as in the tables.
  await db.schema
    .alterTable('time_entries')
    .addColumn('billable', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  // Per hour, in `rate_currency` (ISO 4217); null when not known.
  await db.schema.alterTable('time_entries').addColumn('rate', 'double precision').execute();
  await db.schema.alterTable('time_entries').addColumn('rate_currency', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['rate_currency', 'rate', 'billable', 'project', 'client']) {
    await db.schema.alterTable('time_entries').dropColumn(column).execute();
  }
}
