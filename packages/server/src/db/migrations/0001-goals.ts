import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was then, not as it is now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('level', 'text')
    .addColumn('unit', 'text')
    .addColumn('aggregate', 'text', (col) => col.notNull())
    .addColumn('direction', 'text', (col) => col.notNull())
    .addColumn('baseline', 'double precision', (col) => col.notNull())
    .addColumn('target', 'double precision')
    .addColumn('start_date', 'text')
    .addColumn('deadline', 'text')
    .addColumn('why', 'text')
    .addColumn('parent_id', 'text', (col) => col.references('goals.id'))
    .addColumn('systems', 'text')
    .addColumn('owner', 'text')
    .addColumn('partner', 'text')
    .addColumn('tracking_source', 'text', (col) => col.notNull())
    .addColumn('hours_per_week', 'double precision')
    .addColumn('days_off', 'text', (col) => col.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('goals_workspace_idx').on('goals').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('data_points')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('goal_id', 'text', (col) => col.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('data_points_goal_idx').on('data_points').columns(['goal_id', 'date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('data_points').execute();
  await db.schema.dropTable('goals').execute();
  await db.schema.dropTable('settings').execute();
  await db.schema.dropTable('workspaces').execute();
}
