import type { Kysely } from 'kysely';

// Triage: the user's recurring tasks, each with its hours (an estimate, or an activity whose
// tracked hours measure it), energy, money and the user's override of the recommendation. Flags are
// integers 0 and 1 on both databases; money is per hour or per month in the workspace currency.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('triage_tasks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('activity', 'text')
    .addColumn('hours_per_week', 'double precision')
    .addColumn('energy', 'text', (col) => col.notNull())
    .addColumn('produces_income', 'integer', (col) => col.notNull())
    .addColumn('needed', 'integer', (col) => col.notNull())
    .addColumn('only_me', 'integer', (col) => col.notNull())
    .addColumn('outsource_rate', 'double precision')
    .addColumn('automation_once', 'double precision')
    .addColumn('automation_monthly', 'double precision')
    .addColumn('review_hours_per_week', 'double precision', (col) => col.notNull())
    .addColumn('override_action', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('triage_tasks_workspace_idx')
    .on('triage_tasks')
    .columns(['workspace_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('triage_tasks').execute();
}
