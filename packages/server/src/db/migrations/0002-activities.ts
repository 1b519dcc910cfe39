import type { Kysely } from 'kysely';

// Activities, their logs, breaks and goal links, and funnels with their stages.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('unit', 'text', (col) => col.notNull())
    .addColumn('rate', 'double precision')
    .addColumn('rate_period', 'text')
    .addColumn('minutes_per_unit', 'double precision')
    /** Comma-separated weekdays: `mon,tue,wed,thu,fri`. */
    .addColumn('workdays', 'text', (col) => col.notNull())
    .addColumn('activity_class', 'text', (col) => col.notNull())
    .addColumn('start_date', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // Names are unique in a workspace: the CLI and tracking's time entries refer to activities by name.
  await db.schema
    .createIndex('activities_workspace_name_idx')
    .on('activities')
    .columns(['workspace_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('activity_goals')
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('activity_id', 'text', (col) => col.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (col) => col.notNull().references('goals.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('activity_goals_pk', ['activity_id', 'goal_id'])
    .execute();
  await db.schema.createIndex('activity_goals_goal_idx').on('activity_goals').column('goal_id').execute();

  await db.schema
    .createTable('activity_logs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('activity_id', 'text', (col) => col.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('count', 'double precision', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('activity_logs_activity_idx')
    .on('activity_logs')
    .columns(['activity_id', 'date'])
    .execute();

  await db.schema
    .createTable('activity_breaks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('activity_id', 'text', (col) => col.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('start_date', 'text', (col) => col.notNull())
    .addColumn('end_date', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('activity_breaks_activity_idx')
    .on('activity_breaks')
    .columns(['activity_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('funnels')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('goal_id', 'text', (col) => col.references('goals.id').onDelete('set null'))
    .addColumn('target', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('value_per_unit', 'double precision')
    .addColumn('start_date', 'text')
    .addColumn('deadline', 'text')
    .addColumn('hours_per_week', 'double precision')
    .addColumn('workdays_per_week', 'double precision')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('funnels_workspace_name_idx')
    .on('funnels')
    .columns(['workspace_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('funnel_stages')
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('funnel_id', 'text', (col) => col.notNull().references('funnels.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    // No cascade: an activity that a funnel stands on cannot be deleted from under it.
    .addColumn('activity_id', 'text', (col) => col.notNull().references('activities.id'))
    .addColumn('conversion_guess', 'double precision')
    .addPrimaryKeyConstraint('funnel_stages_pk', ['funnel_id', 'position'])
    .execute();
  await db.schema.createIndex('funnel_stages_activity_idx').on('funnel_stages').column('activity_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('funnel_stages').execute();
  await db.schema.dropTable('funnels').execute();
  await db.schema.dropTable('activity_breaks').execute();
  await db.schema.dropTable('activity_logs').execute();
  await db.schema.dropTable('activity_goals').execute();
  await db.schema.dropTable('activities').execute();
}
