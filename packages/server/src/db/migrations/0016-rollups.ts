import type { Kysely } from 'kysely';

import { hourColumns, rebuildTimeRollups } from '../../reports/time-rollup.repository.js';
import type { Database } from '../database.js';

// Tracked seconds pre-added per local day × activity × source × tags, and per local day and hour
// (for the weekday × hour heatmap), so that a report reads a few thousand rows, not a million
// entries. Derived from time_entries by every write of the time-entry repository, in the same
// transaction (reports/time-rollup.repository.ts); left out of backups, rebuilt by a restore and
// by a change of the workspace's time zone. A running timer is not in them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('time_rollup_days')
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('activity', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('tags', 'text', (col) => col.notNull())
    .addColumn('seconds', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('time_rollup_days_pk', ['workspace_id', 'day', 'activity', 'source', 'tags'])
    .execute();
  // One row a day with a column an hour: an import batch writes a row per day it touches, not per hour.
  let hours = db.schema
    .createTable('time_rollup_hours')
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('weekday', 'integer', (col) => col.notNull());
  for (const column of hourColumns) hours = hours.addColumn(column, 'bigint', (col) => col.notNull().defaultTo(0));
  await hours.addPrimaryKeyConstraint('time_rollup_hours_pk', ['workspace_id', 'day']).execute();
  await rebuildTimeRollups(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('time_rollup_hours').execute();
  await db.schema.dropTable('time_rollup_days').execute();
}
