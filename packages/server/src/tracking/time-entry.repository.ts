import {
  AppError,
  RollupDelta,
  entrySeconds,
  entrySources,
  type EntryFilter,
  type EntrySource,
  type TimeEntry,
} from '@bigrock/core';
import { CompiledQuery, sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';

import type { Database, TimeEntryTable } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { isLongEntry, LONG_ENTRY_MS } from '../db/migrations/0004-long-entries.js';
import type { DialectName } from '../db/open-database.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import {
  applyRollupDelta,
  rollupChange,
  rollupColumns,
  rollupEntryOf,
  workspaceZone,
} from '../reports/time-rollup.repository.js';
import { recordDeleted } from '../undo/record-deleted.js';
import { keepImportedContent, type EntryContent } from './imported-content.js';

export type TimeEntryRow = Selectable<TimeEntryTable>;

const toSource = (value: string): EntrySource => entrySources.find((source) => source === value) ?? 'manual';

export function toTimeEntry(row: TimeEntryRow, nowMs: number): TimeEntry {
  const start = new Date(Number(row.start_ms)).toISOString();
  const end = row.end_ms === null ? null : new Date(Number(row.end_ms)).toISOString();
  return {
    id: row.id,
    activity: row.activity,
    start,
    end,
    durationSeconds: entrySeconds({ start, end }, nowMs),
    tags: row.tags === '' ? [] : row.tags.split(','),
    note: row.note,
    client: row.client,
    project: row.project,
    billable: Number(row.billable) === 1,
    rate: row.rate === null ? null : Number(row.rate),
    currency: row.rate_currency,
    source: toSource(row.source),
    sourceId: row.source_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns of an imported entry that change from row to row, in the order the bulk insert binds them. */
const boundColumns = [
  'id',
  'activity',
  'start_ms',
  'end_ms',
  'tags',
  'note',
  'source',
  'source_id',
  'client',
  'project',
  'billable',
  'rate',
  'rate_currency',
] as const satisfies ReadonlyArray<keyof TimeEntryTable>;

/** An imported entry; its workspace and creation time are the same for the whole batch. */
export type ImportedRow = Pick<TimeEntryTable, (typeof boundColumns)[number]>;

export interface RangeQuery {
  /** Entries that end after this instant (or still run)… */
  startMs?: number | null;
  /** …and start before this one. */
  endMs?: number | null;
  /** Only the entries this keeps (client, project, billable). */
  filter?: EntryFilter;
}

/** The filter's conditions on a query of entries. */
function filtered<O>(
  query: SelectQueryBuilder<Database, 'time_entries', O>,
  filter: EntryFilter | undefined,
): SelectQueryBuilder<Database, 'time_entries', O> {
  let result = query;
  if (filter?.client !== undefined) result = result.where('client', '=', filter.client);
  if (filter?.project !== undefined) result = result.where('project', '=', filter.project);
  if (filter?.billable !== undefined) result = result.where('billable', '=', filter.billable ? 1 : 0);
  return result;
}

/** An entry imported before: where it came from, and what it holds of its source. */
export type Provenance = EntryContent & Pick<TimeEntryTable, 'id' | 'source_hash'> & { source_id: string };

/**
 * Holds the workspace's timer until the transaction ends: on PostgreSQL a lock of its own, which
 * leaves every other write free; SQLite's write transactions already go one at a time (BEGIN
 * IMMEDIATE, see SqliteWriteDriver).
 */
async function lockTimer(trx: Kysely<Database>, dialect: DialectName, workspaceId: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext('bigrock.timer'), hashtext(${workspaceId}))`.execute(trx);
  }
}

/** The queries on entries, on the database or inside a transaction. */
function createTimeEntryQueries(db: Kysely<Database>, dialect: DialectName) {
  // The SQL text of a multi-row insert, built once per batch size and import: Kysely compiles it,
  // and each batch then only binds its values. The workspace and the creation time, the same for
  // every row, are written into the SQL rather than bound a thousand times (binding is most of
  // SQLite's cost per row). Compiling a thousand-row insert per batch costs more than the insert.
  const bulkInsertSql = new Map<string, string>();
  function bulkInsertText(rows: number, workspaceId: string, createdAt: string): string {
    const key = `${rows}\u0000${workspaceId}\u0000${createdAt}`;
    let text = bulkInsertSql.get(key);
    if (text === undefined) {
      const row = {
        ...Object.fromEntries(boundColumns.map((column) => [column, ''])),
        workspace_id: sql.lit(workspaceId),
        created_at: sql.lit(createdAt),
        updated_at: sql.lit(createdAt),
      } as unknown as TimeEntryTable;
      text = db
        .insertInto('time_entries')
        .values(Array.from({ length: rows }, () => row))
        .onConflict((conflict) => conflict.columns(['workspace_id', 'source', 'source_id']).doNothing())
        .compile().sql;
      if (bulkInsertSql.size > 8) bulkInsertSql.clear();
      bulkInsertSql.set(key, text);
    }
    return text;
  }

  async function findRunning(workspaceId: string): Promise<TimeEntryRow | undefined> {
    return db
      .selectFrom('time_entries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('end_ms', 'is', null)
      .executeTakeFirst();
  }

  /** SQLite: one multi-row insert, its values bound one by one (SQLite parses the text once, cached). */
  async function insertRows(workspaceId: string, createdAt: string, rows: readonly ImportedRow[]): Promise<number> {
    const parameters: unknown[] = new Array(rows.length * boundColumns.length);
    let index = 0;
    // In the order of boundColumns, property by property: a million rows go through here.
    for (const row of rows) {
      parameters[index++] = row.id;
      parameters[index++] = row.activity;
      parameters[index++] = row.start_ms;
      parameters[index++] = row.end_ms;
      parameters[index++] = row.tags;
      parameters[index++] = row.note;
      parameters[index++] = row.source;
      parameters[index++] = row.source_id;
      parameters[index++] = row.client;
      parameters[index++] = row.project;
      parameters[index++] = row.billable;
      parameters[index++] = row.rate;
      parameters[index++] = row.rate_currency;
    }
    const text = bulkInsertText(rows.length, workspaceId, createdAt);
    const result = await db.executeQuery(CompiledQuery.raw(text, parameters));
    return Number(result.numAffectedRows ?? 0n);
  }

  /**
   * PostgreSQL: one array per column, spread into rows by `unnest`. PostgreSQL parses a statement
   * of thirteen parameters instead of thirteen thousand: a big import takes a third less time.
   */
  async function insertColumns(workspaceId: string, createdAt: string, rows: readonly ImportedRow[]): Promise<number> {
    const column = <K extends keyof ImportedRow>(name: K) => rows.map((row) => row[name]);
    const result = await sql`
      insert into time_entries
        (id, workspace_id, activity, start_ms, end_ms, tags, note, source, source_id,
         client, project, billable, rate, rate_currency, created_at, updated_at)
      select id, ${workspaceId}, activity, start_ms, end_ms, tags, note, source, source_id,
        client, project, billable, rate, rate_currency, ${createdAt}, ${createdAt}
      from unnest(
        ${column('id')}::text[], ${column('activity')}::text[], ${column('start_ms')}::bigint[],
        ${column('end_ms')}::bigint[], ${column('tags')}::text[], ${column('note')}::text[],
        ${column('source')}::text[], ${column('source_id')}::text[], ${column('client')}::text[],
        ${column('project')}::text[], ${column('billable')}::integer[], ${column('rate')}::double precision[],
        ${column('rate_currency')}::text[]
      ) as given (id, activity, start_ms, end_ms, tags, note, source, source_id, client, project, billable, rate, rate_currency)
      on conflict (workspace_id, source, source_id) do nothing`.execute(db);
    return Number(result.numAffectedRows ?? 0n);
  }

  return {
    findRunning,
    /** The bulk inserts on this connection or transaction: `insertMany` calls them inside its own. */
    bulk: { insertRows, insertColumns },

    /**
     * The distinct activity names of the workspace's entries, in the index's order, at most
     * `limit`: each step looks up the next name after the last in the index
     * (`time_entries_activity_idx`), so a million entries of twenty activities cost twenty lookups.
     */
    async entryActivityNames(workspaceId: string, limit = Number.MAX_SAFE_INTEGER): Promise<string[]> {
      const result = await sql<{ name: string | null }>`
        with recursive names(name, n) as (
          select (select activity from time_entries where workspace_id = ${workspaceId}
                  order by activity limit 1), 1
          union all
          select (select activity from time_entries where workspace_id = ${workspaceId} and activity > names.name
                  order by activity limit 1), names.n + 1
          from names where names.name is not null and names.n < ${Math.min(limit, 1e9)}
        )
        select name from names where name is not null`.execute(db);
      return result.rows.flatMap(({ name }) => (name === null ? [] : [name]));
    },

    /** Whether an entry names its activity exactly so. */
    async hasEntryActivity(workspaceId: string, name: string): Promise<boolean> {
      const row = await db
        .selectFrom('time_entries')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('activity', '=', name)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** When an entry of this activity (spelled exactly so) last started, or null. */
    async lastUse(workspaceId: string, name: string): Promise<number | null> {
      const row = await db
        .selectFrom('time_entries')
        .select('start_ms')
        .where('workspace_id', '=', workspaceId)
        .where('activity', '=', name)
        .orderBy('start_ms', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? null : Number(row.start_ms);
    },

    /** The activities' names (the activities area's table), oldest first. */
    async activityTableNames(workspaceId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('activities')
        .select('name')
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(({ name }) => name);
    },

    /** The activities of the latest entries, latest first, each once. */
    async recentActivities(workspaceId: string, entries: number): Promise<string[]> {
      const rows = await db
        .selectFrom('time_entries')
        .select('activity')
        .where('workspace_id', '=', workspaceId)
        .orderBy('start_ms', 'desc')
        .orderBy('id', 'desc')
        .limit(entries)
        .execute();
      return [...new Set(rows.map(({ activity }) => activity))];
    },

    /** The stopped entry that started last: what "continue" starts again. */
    async lastStopped(workspaceId: string): Promise<TimeEntryRow | undefined> {
      return db
        .selectFrom('time_entries')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('end_ms', 'is not', null)
        .orderBy('start_ms', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async find(workspaceId: string, id: string): Promise<TimeEntryRow | undefined> {
      return db
        .selectFrom('time_entries')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /**
     * Entries that overlap the range, in start order, however long ago they started. The index on
     * (workspace, start) bounds the scan to the entries that started up to a month before the
     * range; the long ones that started before that (a timer left running for weeks) come from
     * their own partial index, and are few.
     */
    async listInRange(workspaceId: string, range: RangeQuery): Promise<TimeEntryRow[]> {
      let query = filtered(
        db.selectFrom('time_entries').selectAll().where('workspace_id', '=', workspaceId),
        range.filter,
      );
      if (range.endMs != null) query = query.where('start_ms', '<', range.endMs);
      if (range.startMs == null) return query.orderBy('start_ms').orderBy('id').execute();
      const startMs = range.startMs;
      query = query.where((eb) => eb.or([eb('end_ms', '>', startMs), eb('end_ms', 'is', null)]));
      const long = await query
        .where('start_ms', '<', startMs - LONG_ENTRY_MS)
        .where(isLongEntry())
        .orderBy('start_ms')
        .orderBy('id')
        .execute();
      const recent = await query
        .where('start_ms', '>=', startMs - LONG_ENTRY_MS)
        .orderBy('start_ms')
        .orderBy('id')
        .execute();
      return [...long, ...recent];
    },

    /** A page of entries starting in the range, after `after` in (start, id) order: for exports of any size. */
    async listPage(
      workspaceId: string,
      range: RangeQuery,
      after: { startMs: number; id: string } | null,
      limit: number,
    ): Promise<TimeEntryRow[]> {
      let query = filtered(
        db.selectFrom('time_entries').selectAll().where('workspace_id', '=', workspaceId),
        range.filter,
      );
      if (range.startMs != null) query = query.where('start_ms', '>=', range.startMs);
      if (range.endMs != null) query = query.where('start_ms', '<', range.endMs);
      if (after !== null) {
        // After (start, id) in that order. The bound on start alone lets the index skip the pages
        // already read; without it each page scanned the entries before it again.
        query = query
          .where('start_ms', '>=', after.startMs)
          .where((eb) => eb.or([eb('start_ms', '>', after.startMs), eb('id', '>', after.id)]));
      }
      return query.orderBy('start_ms').orderBy('id').limit(limit).execute();
    },

    /** Every write below keeps the rollups (reports/) in its own transaction. */
    async insert(row: TimeEntryTable): Promise<void> {
      await inTransaction(db, async (trx) => {
        await trx.insertInto('time_entries').values(row).execute();
        await rollupChange(trx, row.workspace_id, undefined, row);
      });
    },

    async update(
      workspaceId: string,
      id: string,
      changes: Partial<Omit<TimeEntryTable, 'id' | 'workspace_id' | 'created_at'>>,
    ): Promise<void> {
      const update = (trx: Kysely<Database>) =>
        trx
          .updateTable('time_entries')
          .set(changes)
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      // A re-import that only stores a hash or billing needs no rollup work, nor a read.
      if (!rollupColumns.some((column) => column in changes)) {
        await update(db);
        return;
      }
      await inTransaction(db, async (trx) => {
        const before = await trx
          .selectFrom('time_entries')
          .select(['activity', 'source', 'tags', 'start_ms', 'end_ms'])
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        await update(trx);
        if (before !== undefined) await rollupChange(trx, workspaceId, before, { ...before, ...changes });
      });
    },

    /**
     * Deletes an entry, keeping it for undo, in one transaction. Returns the deleted item's id, or
     * null when there was no entry with that id.
     */
    async delete(workspaceId: string, id: string, deletedAt: Date): Promise<string | null> {
      return inTransaction(db, async (trx) => {
        const deleted = await trx
          .deleteFrom('time_entries')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (deleted === undefined) return null;
        await rollupChange(trx, workspaceId, deleted, undefined);
        return recordDeleted(trx, { kind: 'time-entry', workspaceId, row: deleted, deletedAt });
      });
    },

    /**
     * Puts a deleted entry back as it was. A running one comes back running only while no other
     * timer runs (the timer held meanwhile): otherwise a conflict, and one timer still runs. Run it
     * inside the restore's transaction.
     */
    async putBack(row: TimeEntryTable): Promise<void> {
      if (row.end_ms === null) {
        await lockTimer(db, dialect, row.workspace_id);
        const running = await findRunning(row.workspace_id);
        if (running !== undefined) {
          throw new AppError(
            'conflict',
            `This entry was a running timer, and "${running.activity}" runs now: stop that timer, then undo again.`,
            { field: 'id' },
          );
        }
      }
      try {
        await inTransaction(db, async (trx) => {
          await trx.insertInto('time_entries').values(row).execute();
          await rollupChange(trx, row.workspace_id, undefined, row);
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new AppError(
          'conflict',
          'This entry is back already: an import brought an entry from the same source since it was deleted.',
          { field: 'id', cause: error },
        );
      }
    },

    /**
     * Stops the running entry, if any, at `endMs` (or at its start, if that is later), and returns
     * it as stopped. Call it in a `timerTransaction`, so that no other start or stop comes between
     * reading the running entry and stopping it.
     */
    async stopRunning(workspaceId: string, endMs: number, updatedAt: string): Promise<TimeEntryRow | undefined> {
      const running = await findRunning(workspaceId);
      if (running === undefined) return undefined;
      const end = Math.max(endMs, Number(running.start_ms));
      // A running interval imported from Timewarrior, stopped here: a re-import must not restart it.
      const kept = keepImportedContent(running);
      await inTransaction(db, async (trx) => {
        const stopped = await trx
          .updateTable('time_entries')
          .set({ ...kept, end_ms: end, updated_at: updatedAt })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', running.id)
          .where('end_ms', 'is', null)
          .executeTakeFirst();
        if (Number(stopped.numUpdatedRows) > 0)
          await rollupChange(trx, workspaceId, undefined, { ...running, end_ms: end });
      });
      return { ...running, ...kept, end_ms: end, updated_at: updatedAt };
    },

    async count(workspaceId: string): Promise<number> {
      const { count } = await db
        .selectFrom('time_entries')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      return Number(count);
    },

    /**
     * Inserts many imported entries in one statement, skipping those whose provenance is already
     * there. Returns how many were inserted.
     */
    async insertMany(workspaceId: string, createdAt: string, rows: readonly ImportedRow[]): Promise<number> {
      if (rows.length === 0) return 0;
      return inTransaction(db, async (trx) => {
        const queries = trx === db ? { insertRows, insertColumns } : createTimeEntryQueries(trx, dialect).bulk;
        const inserted =
          dialect === 'postgres'
            ? await queries.insertColumns(workspaceId, createdAt, rows)
            : await queries.insertRows(workspaceId, createdAt, rows);
        // The rows that were written, added up once per batch. A row whose source id was already
        // there is skipped by the insert: when some were, the new ids found say which.
        let written: ReadonlySet<string> | null = null;
        if (inserted < rows.length) {
          const found = await trx
            .selectFrom('time_entries')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where(
              'id',
              'in',
              rows.map(({ id }) => id),
            )
            .execute();
          written = new Set(found.map(({ id }) => id));
        }
        const delta = new RollupDelta(await workspaceZone(trx, workspaceId));
        for (const row of rows) {
          if (written !== null && !written.has(row.id)) continue;
          const entry = rollupEntryOf(row);
          if (entry !== null) delta.add(entry);
        }
        await applyRollupDelta(trx, workspaceId, delta);
        return inserted;
      });
    },

    /** What was imported before from `source` under these ids. */
    async findProvenance(workspaceId: string, source: string, sourceIds: readonly string[]): Promise<Provenance[]> {
      if (sourceIds.length === 0) return [];
      const rows = await db
        .selectFrom('time_entries')
        .select([
          'id',
          'source_id',
          'source_hash',
          'activity',
          'start_ms',
          'end_ms',
          'tags',
          'note',
          'source',
          'client',
          'project',
          'billable',
          'rate',
          'rate_currency',
        ])
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', source)
        .where('source_id', 'in', sourceIds)
        .execute();
      return rows.flatMap((row) =>
        row.source_id === null
          ? []
          : [
              {
                ...row,
                source_id: row.source_id,
                start_ms: Number(row.start_ms),
                end_ms: row.end_ms === null ? null : Number(row.end_ms),
                billable: Number(row.billable),
                rate: row.rate === null ? null : Number(row.rate),
              },
            ],
      );
    },
  };
}

export type TimeEntryQueries = ReturnType<typeof createTimeEntryQueries>;

export function createTimeEntryRepository(db: Kysely<Database>, dialect: DialectName) {
  return {
    ...createTimeEntryQueries(db, dialect),

    /**
     * Opens a transaction that the caller ends: an import writes batch after batch in it, and
     * commits only when the whole file was good.
     */
    async begin(): Promise<{ repository: TimeEntryQueries; commit(): Promise<void>; rollback(): Promise<void> }> {
      const trx = await db.startTransaction().execute();
      return {
        repository: createTimeEntryQueries(trx, dialect),
        commit: () => trx.commit().execute(),
        rollback: () => trx.rollback().execute(),
      };
    },

    /**
     * After many rows were written at once: PostgreSQL plans queries with table statistics that
     * autovacuum refreshes only a minute or so later, and until then takes a big table for a small
     * one (a re-import's lookups by provenance then scan all of it: minutes instead of seconds).
     * SQLite's plans do not depend on them.
     */
    async refreshStatistics(): Promise<void> {
      if (dialect === 'postgres') await sql`analyze time_entries`.execute(db);
    },

    /** Runs `work` in one transaction, on a repository bound to it. */
    transaction<T>(work: (repository: TimeEntryQueries) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(createTimeEntryQueries(trx, dialect)));
    },

    /**
     * Runs `work` in one transaction that holds the workspace's timer: starts and stops go one at
     * a time, whichever process or server runs them, and each reads the timer the last one left.
     * SQLite's write transactions already go one at a time (BEGIN IMMEDIATE, see
     * SqliteWriteDriver); PostgreSQL takes a lock of the workspace's timer until the end of the
     * transaction, which leaves every other write free.
     */
    timerTransaction<T>(
      workspaceId: string,
      work: (repository: TimeEntryQueries, trx: Kysely<Database>) => Promise<T>,
    ): Promise<T> {
      return db.transaction().execute(async (trx) => {
        await lockTimer(trx, dialect, workspaceId);
        // The transaction too, for an area that writes its own rows with the timer's (focus sessions).
        return work(createTimeEntryQueries(trx, dialect), trx);
      });
    },
  };
}

export type TimeEntryRepository = ReturnType<typeof createTimeEntryRepository>;
