import type { Kysely } from 'kysely';

// Working hours, per weekday on the workspace's clocks, as JSON text ({"mon":{"start":"09:00",
// "end":"17:00"},...}): read and written whole, never queried by part. Existing workspaces get
// Monday to Friday, 09:00 to 17:00, as new ones do.
const officeDay = { start: '09:00', end: '17:00' };
const mondayToFriday = { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay };

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('working_hours', 'text', (col) => col.notNull().defaultTo(JSON.stringify(mondayToFriday)))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('working_hours').execute();
}
