import type { Kysely } from 'kysely';

// The planner: weekly templates of time blocks, the weeks made from them (each week then belongs
// to itself), and one big rock a day. Times of day are local "HH:MM" text on the workspace's clocks;
// flags are integers 0 and 1 on both databases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('planner_templates')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('active', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('planner_templates_workspace_name_idx')
    .on('planner_templates')
    .columns(['workspace_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('planner_template_blocks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('template_id', 'text', (col) => col.notNull().references('planner_templates.id').onDelete('cascade'))
    .addColumn('weekday', 'text', (col) => col.notNull())
    .addColumn('start_time', 'text', (col) => col.notNull())
    .addColumn('end_time', 'text', (col) => col.notNull())
    .addColumn('activity_id', 'text', (col) => col.references('activities.id').onDelete('cascade'))
    .addColumn('kind', 'text')
    .addColumn('note', 'text')
    .addColumn('every_weeks', 'integer', (col) => col.notNull())
    .addColumn('from_date', 'text', (col) => col.notNull())
    .addColumn('until_date', 'text')
    /** Comma-separated dates the block is left out. */
    .addColumn('except_dates', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('planner_template_blocks_template_idx')
    .on('planner_template_blocks')
    .column('template_id')
    .execute();

  await db.schema
    .createTable('planner_weeks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    /** The ISO week, `2027-W03`. */
    .addColumn('week', 'text', (col) => col.notNull())
    .addColumn('template_id', 'text', (col) => col.references('planner_templates.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // One made week per ISO week: two processes making it at once leave one.
  await db.schema
    .createIndex('planner_weeks_workspace_week_idx')
    .on('planner_weeks')
    .columns(['workspace_id', 'week'])
    .unique()
    .execute();

  await db.schema
    .createTable('planner_week_blocks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('week_id', 'text', (col) => col.notNull().references('planner_weeks.id').onDelete('cascade'))
    // No reference: the week belongs to itself once made, whatever becomes of the template.
    .addColumn('template_block_id', 'text')
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('start_time', 'text', (col) => col.notNull())
    .addColumn('end_time', 'text', (col) => col.notNull())
    .addColumn('activity_id', 'text', (col) => col.references('activities.id').onDelete('cascade'))
    .addColumn('kind', 'text')
    .addColumn('note', 'text')
    .addColumn('skipped', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('planner_week_blocks_week_idx')
    .on('planner_week_blocks')
    .columns(['week_id', 'date'])
    .execute();

  await db.schema
    .createTable('planner_rocks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('goal_id', 'text', (col) => col.references('goals.id').onDelete('set null'))
    .addColumn('activity_id', 'text', (col) => col.references('activities.id').onDelete('set null'))
    .addColumn('estimate_minutes', 'integer')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('carry_reason', 'text')
    .addColumn('carried_to', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // One big rock a day.
  await db.schema
    .createIndex('planner_rocks_workspace_date_idx')
    .on('planner_rocks')
    .columns(['workspace_id', 'date'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('planner_rocks').execute();
  await db.schema.dropTable('planner_week_blocks').execute();
  await db.schema.dropTable('planner_weeks').execute();
  await db.schema.dropTable('planner_template_blocks').execute();
  await db.schema.dropTable('planner_templates').execute();
}
