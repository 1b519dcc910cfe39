import type { Kysely } from 'kysely';

import { rebuildGoalDays } from '../../goals/goal-days.js';
import type { Database } from '../database.js';

// Each goal's data points folded up to the end of each day that has some (goals/goal-days.ts):
// pace reads a few of these rows instead of every point. Derived data, without a workspace_id,
// so backups leave it out and a restore refolds it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('goal_days')
    .addColumn('goal_id', 'text', (col) => col.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('value_sum', 'double precision', (col) => col.notNull())
    .addColumn('point_count', 'integer', (col) => col.notNull())
    .addColumn('value_max', 'double precision', (col) => col.notNull())
    .addColumn('last_value', 'double precision', (col) => col.notNull())
    .addPrimaryKeyConstraint('goal_days_pk', ['goal_id', 'date'])
    .execute();
  // A goal's points in the order they are folded, read a page at a time from where the last ended.
  await db.schema
    .createIndex('data_points_goal_order_idx')
    .on('data_points')
    .columns(['goal_id', 'date', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('data_points_goal_idx').execute();
  // The fold is today's, as the app's code makes it; the table is new, so nothing else wrote it.
  await rebuildGoalDays(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('data_points_goal_idx').on('data_points').columns(['goal_id', 'date']).execute();
  await db.schema.dropIndex('data_points_goal_order_idx').execute();
  await db.schema.dropTable('goal_days').execute();
}
