import type { Kysely } from 'kysely';

// The workspace's money settings (core's MoneySettings) as JSON text, read and written whole:
// currency, exchange rates, target hourly rate, hours a week, week start, hourly-value window.
// '{}' reads as the defaults.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('money_settings', 'text', (col) => col.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('money_settings').execute();
}
