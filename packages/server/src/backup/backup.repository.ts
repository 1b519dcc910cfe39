import type { MoneySettings, WorkingHours } from '@bigrock/core';
import { sql, type Kysely } from 'kysely';

import type { Database } from '../db/database.js';
import type { DialectName } from '../db/open-database.js';
import { rebuildGoalDays } from '../goals/goal-days.js';
import { rebuildTimeRollups } from '../reports/time-rollup.repository.js';

/** Tables derived from others, made again by a restore rather than backed up. */
const derivedTables = new Set(['time_rollup_days', 'time_rollup_hours']);

export type Row = Record<string, unknown>;
// Backup works on tables it discovers at run time, so it addresses them by name.
type AnyDatabase = Kysely<Record<string, Row>>;

export interface TableInfo {
  name: string;
  columns: string[];
  hasId: boolean;
}

/**
 * The tables of a workspace in the order a restore fills them: a table comes after the tables it
 * refers to. Any other table with a `workspace_id` column is backed up and restored too, after
 * these, in name order: a new area's table needs a line here only when it refers to another one.
 */
export const backupTableOrder = [
  'goals',
  'data_points',
  'activities',
  'activity_goals',
  'activity_logs',
  'activity_breaks',
  'funnels',
  'funnel_stages',
  'time_entries',
  'outcomes',
  'planner_templates',
  'planner_template_blocks',
  'planner_weeks',
  'planner_week_blocks',
  'planner_rocks',
  'focus_sessions',
  'focus_interruptions',
  'posts',
  'post_media',
  'post_deliveries',
  'post_attempts',
];

const PAGE = 5000;
/** Rows a page of tables whose rows are large: a post's images are up to 8 MB each. */
const pageOf: Partial<Record<string, number>> = { post_media: 8 };

/**
 * The tables of this database (on PostgreSQL, of the schema it works in) with their columns in
 * order. Kysely's introspection reads every schema of a PostgreSQL database, and fails when
 * another one is dropped meanwhile (tests side by side, another app).
 */
export async function tablesOf(
  db: Kysely<Database>,
  dialect: DialectName,
): Promise<Array<{ name: string; columns: string[] }>> {
  if (dialect === 'sqlite') {
    return (await db.introspection.getTables()).map((table) => ({
      name: table.name,
      columns: table.columns.map((column) => column.name),
    }));
  }
  const { rows } = await sql<{ table_name: string; column_name: string }>`select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, string[]>();
  for (const { table_name, column_name } of rows) {
    const columns = tables.get(table_name) ?? [];
    columns.push(column_name);
    tables.set(table_name, columns);
  }
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

/** The storage side of backup and restore: every table that holds a workspace's rows, read and replaced. */
export function createBackupRepository(db: Kysely<Database>, dialect: DialectName, workspaceId: string) {
  const anyDb = db as unknown as AnyDatabase;

  return {
    /** Every table with a `workspace_id` but the workspaces table itself and the undo buffer, in restore order. */
    async workspaceTables(): Promise<TableInfo[]> {
      const tables = (await tablesOf(db, dialect)).filter(
        (table) =>
          table.name !== 'workspaces' &&
          // The undo buffer is not the workspace's data: a restore empties it instead.
          table.name !== 'deleted_items' &&
          !derivedTables.has(table.name) &&
          table.columns.includes('workspace_id'),
      );
      const rank = (name: string) => {
        const index = backupTableOrder.indexOf(name);
        return index === -1 ? backupTableOrder.length : index;
      };
      return tables
        .map((table) => ({
          name: table.name,
          columns: table.columns.filter((name) => name !== 'workspace_id'),
          hasId: table.columns.includes('id'),
        }))
        .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
    },

    /** A table's rows of the workspace, in pages ordered by id (or by every column when it has none). */
    async *tableRows(table: TableInfo): AsyncGenerator<Row[]> {
      if (!table.hasId) {
        let query = anyDb.selectFrom(table.name).select(table.columns).where('workspace_id', '=', workspaceId);
        for (const column of table.columns) query = query.orderBy(column);
        yield await query.execute();
        return;
      }
      // Pages in id order walk the primary key from where the last one ended. Given the plain
      // column, SQLite (no statistics) picks the workspace's index instead and sorts all of the
      // workspace's rows again for every page: a million entries took 50 s. `|| ''` keeps that
      // index out, on both databases.
      const inWorkspace = sql<string>`${sql.ref('workspace_id')} || ''`;
      let after: string | null = null;
      for (;;) {
        let query = anyDb.selectFrom(table.name).select(table.columns).where(inWorkspace, '=', workspaceId);
        if (after !== null) query = query.where('id', '>', after);
        const size = pageOf[table.name] ?? PAGE;
        const page = await query.orderBy('id').limit(size).execute();
        if (page.length > 0) yield page;
        if (page.length < size) return;
        after = String(page[page.length - 1]?.id);
      }
    },

    /** How many rows of the workspace each table holds. */
    async countRows(tables: readonly TableInfo[]): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const { count } = await anyDb
          .selectFrom(table.name)
          .select((eb) => eb.fn.countAll().as('count'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow();
        counts[table.name] = Number(count);
      }
      return counts;
    },

    /** The workspace's own settings; the working hours as stored (JSON text). */
    async workspace(): Promise<
      { name: string; timeZone: string; workingHours: string; moneySettings: string } | undefined
    > {
      const row = await db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
      return (
        row && {
          name: row.name,
          timeZone: row.time_zone,
          workingHours: row.working_hours,
          moneySettings: row.money_settings,
        }
      );
    },

    /** A transaction in which the workspace's rows are replaced; nothing shows until `commit`. */
    async startReplacing() {
      const trx = await anyDb.startTransaction().execute();
      return {
        /** Deletes the workspace's rows of these tables, last table first. */
        async clear(tables: readonly TableInfo[]): Promise<void> {
          for (const table of [...tables].reverse()) {
            await trx.deleteFrom(table.name).where('workspace_id', '=', workspaceId).execute();
          }
          // What was deleted from the data replaced cannot come back into the new data.
          await trx.deleteFrom('deleted_items').where('workspace_id', '=', workspaceId).execute();
        },
        async insert(table: TableInfo, rows: Row[]): Promise<void> {
          await trx.insertInto(table.name).values(rows).execute();
        },
        async update(table: TableInfo, id: unknown, values: Row): Promise<void> {
          await trx
            .updateTable(table.name)
            .set(values)
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', id)
            .execute();
        },
        async setWorkspace(name: string, timeZone: string): Promise<void> {
          await trx
            .updateTable('workspaces')
            .set({ name, time_zone: timeZone })
            .where('id', '=', workspaceId)
            .execute();
        },
        async setWorkingHours(hours: WorkingHours): Promise<void> {
          await trx
            .updateTable('workspaces')
            .set({ working_hours: JSON.stringify(hours) })
            .where('id', '=', workspaceId)
            .execute();
        },
        async setMoneySettings(settings: MoneySettings): Promise<void> {
          await trx
            .updateTable('workspaces')
            .set({ money_settings: JSON.stringify(settings) })
            .where('id', '=', workspaceId)
            .execute();
        },
        /** Refolds what is derived from the rows (goal_days, the time rollups: not backed up), then commits. */
        async commit(): Promise<void> {
          await rebuildGoalDays(trx as unknown as Kysely<Database>, workspaceId);
          await rebuildTimeRollups(trx as unknown as Kysely<Database>, workspaceId);
          await trx.commit().execute();
        },
        rollback: () => trx.rollback().execute(),
      };
    },
  };
}

export type BackupRepository = ReturnType<typeof createBackupRepository>;
