import { createHash } from 'node:crypto';
import { join } from 'node:path';

import { AppError } from '@bigrock/core';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  SqliteDialect,
  type MigrationProvider,
  type SqliteDatabase as SqliteDatabaseAdapter,
} from 'kysely';

import type { Config } from '../config/config.js';
import { makeDataDir } from '../config/data-dir.js';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';
import { SQLITE_BUSY_TIMEOUT_MS, SqliteWriteDialect } from './sqlite-write-dialect.js';

export const dialects = ['sqlite', 'postgres'] as const;
export type DialectName = (typeof dialects)[number];

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /**
   * The data as it is now, for a long read (a backup) that must see one moment while others keep
   * writing: on SQLite a second, read-only connection in a read transaction (WAL lets writers go
   * on), on PostgreSQL a read-only REPEATABLE READ transaction on a connection of the pool. `end`
   * lets it go.
   */
  readSnapshot(): Promise<ReadSnapshot>;
  close(): Promise<void>;
}

export interface ReadSnapshot {
  db: Kysely<Database>;
  end(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL only: the schema to work in (tests give each run its own). */
  schema?: string;
  /** SQLite only: how long a writer waits for another process's write (tests shorten it). */
  sqliteBusyTimeoutMs?: number;
}

export const SQLITE_FILE = 'bigrock.sqlite';

const staticMigrations: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

function sqliteDialect(dataDir: string, busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS): SqliteWriteDialect {
  makeDataDir(dataDir);
  // The busy timeout is set before anything else runs on the connection, pragmas included: a
  // second process opening the database waits for the first one's writes instead of failing.
  const database = new SQLite(join(dataDir, SQLITE_FILE), { timeout: busyTimeoutMs });
  // Pages of 16 KiB (SQLite's default is 4): a million-row import writes a fifth faster. It takes
  // effect in a new database only, before its first table; an existing one keeps its size.
  database.pragma('page_size = 16384');
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  return new SqliteWriteDialect({ database: withStatementCache(database) }, busyTimeoutMs);
}

const STATEMENT_CACHE_SIZE = 100;

/**
 * Kysely prepares every query it runs; better-sqlite3 statements can be reused. Keeping the last
 * hundred saves the parse of a thousand-row insert on every batch of an import.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabaseAdapter {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement === undefined) {
        statement = database.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value ?? '');
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

// Loaded only when PostgreSQL is configured, so that a CLI call on SQLite does not pay for it.
async function postgresDialect(url: string, schema: string | undefined): Promise<PostgresDialect> {
  const { default: pg } = await import('pg');
  // PostgreSQL sends int8 and numeric as strings to keep precision; our counts and sums fit a double.
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format);
    },
  };
  const options = schema === undefined ? undefined : `-c search_path=${schema}`;
  // A statement marked PREPARED is parsed and planned once per connection, then only bound and
  // run: a delivery's claim spends half its server time in planning otherwise. Named by its text,
  // so each distinct statement is one prepared statement (they are few: marked by hand).
  class PreparingClient extends pg.Client {}
  const query = pg.Client.prototype.query;
  PreparingClient.prototype.query = function (this: InstanceType<typeof pg.Client>, ...args: unknown[]) {
    const [text, values] = args;
    if (typeof text === 'string' && text.endsWith(PREPARED_MARK) && Array.isArray(values)) {
      const name = `bigrock_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      return (query as (config: object) => unknown).call(this, { name, text, values });
    }
    return (query as (...all: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return new PostgresDialect({
    pool: new pg.Pool({ connectionString: url, options, types, max: 10, Client: PreparingClient }),
  });
}

const PREPARED_MARK = '/* prepared */';

/**
 * Put at the end of a hot statement (`modifyEnd(PREPARED)`): on PostgreSQL each connection
 * prepares it once. Only for statements whose columns are named (no `*`), so that a column added
 * by a later migration does not change a prepared statement's result. SQLite ignores it (its
 * statements are cached by text already).
 */
export const PREPARED = sql.raw(PREPARED_MARK);

/**
 * Whether every migration has run: one small query, where Kysely's migrator would introspect every
 * table first. A CLI call on an up-to-date database (nearly all of them) then costs a millisecond.
 */
async function isUpToDate(db: Kysely<Database>, schema: string | undefined): Promise<boolean> {
  try {
    const table = sql.table(schema === undefined ? 'kysely_migration' : `${schema}.kysely_migration`);
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const done = new Set(rows.map(({ name }) => name));
    return done.size === Object.keys(migrations).length && Object.keys(migrations).every((name) => done.has(name));
  } catch {
    return false; // No migration table yet: a new database.
  }
}

/** The PostgreSQL schema this connection works in (its search_path); undefined on SQLite, which has none. */
export async function currentSchema(db: Kysely<Database>, dialect: DialectName): Promise<string | undefined> {
  if (dialect !== 'postgres') return undefined;
  return (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema;
}

/** Brings the schema up to date; safe to call from the server and the CLI at once. */
export async function migrateToLatest(db: Kysely<Database>, dialect: DialectName = 'sqlite'): Promise<void> {
  // On PostgreSQL, Kysely looks for its migration tables in every schema unless told which: a
  // second schema with them (another test run, another app) would then stop this one migrating.
  const migrationTableSchema = await currentSchema(db, dialect);
  if (await isUpToDate(db, migrationTableSchema)) return;
  const migrator = new Migrator({ db, provider: staticMigrations, migrationTableSchema });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new AppError('internal', 'The database could not be brought up to date; see the cause.', { cause: error });
  }
}

/** Opens SQLite in the data directory, or PostgreSQL when `DATABASE_URL` is set, and migrates it. */
export async function openDatabase(config: Config, options: DatabaseOptions = {}): Promise<OpenDatabase> {
  const dialect: DialectName = config.databaseUrl === null ? 'sqlite' : 'postgres';
  const db = new Kysely<Database>({
    dialect:
      config.databaseUrl === null
        ? sqliteDialect(config.dataDir, options.sqliteBusyTimeoutMs)
        : await postgresDialect(config.databaseUrl, options.schema),
  });
  try {
    await migrateToLatest(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const readSnapshot =
    config.databaseUrl === null
      ? () => sqliteSnapshot(config.dataDir, options.sqliteBusyTimeoutMs)
      : () => postgresSnapshot(db);
  return { db, dialect, readSnapshot, close: () => db.destroy() };
}

async function sqliteSnapshot(dataDir: string, busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS): Promise<ReadSnapshot> {
  const reader = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: new SQLite(join(dataDir, SQLITE_FILE), { readonly: true, timeout: busyTimeoutMs }),
    }),
  });
  try {
    // A read transaction takes its snapshot at its first read.
    await sql`begin`.execute(reader);
    await sql`select count(*) from sqlite_master`.execute(reader);
  } catch (error) {
    await reader.destroy();
    throw error;
  }
  return {
    db: reader,
    async end() {
      try {
        await sql`commit`.execute(reader);
      } finally {
        await reader.destroy();
      }
    },
  };
}

async function postgresSnapshot(db: Kysely<Database>): Promise<ReadSnapshot> {
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  try {
    // REPEATABLE READ takes its snapshot at the transaction's first query.
    await sql`select 1`.execute(trx);
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
  return { db: trx, end: () => trx.commit().execute() };
}
