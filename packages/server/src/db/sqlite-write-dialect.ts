import { AppError } from '@bigrock/core';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';

/**
 * How long a writer waits for another process's write to end before giving up. An import holds
 * the write lock from its first row to its last, some seconds for a big file: a timer started
 * meanwhile waits for it, as it would on PostgreSQL, rather than fail.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 30_000;

const isBusy = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');

function busyError(timeoutMs: number, cause: unknown): AppError {
  const seconds = new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(timeoutMs / 1000);
  return new AppError(
    'conflict',
    `The database is busy: another Bigrock (the server, or a command such as an import or a restore) has been ` +
      `writing to it for more than ${seconds} s. Try again when it has finished.`,
    { cause },
  );
}

/**
 * SQLite's transactions that write, begun with BEGIN IMMEDIATE. A plain BEGIN reads first and asks
 * for the write lock at its first write; when another process wrote meanwhile, SQLite cannot let
 * it wait (its snapshot is stale) and answers SQLITE_BUSY at once, whatever the busy timeout: two
 * imports, or a timer started beside the server, then failed with "database is locked". Taken at
 * BEGIN, the lock is waited for within the busy timeout, and the transaction then reads what the
 * last writer committed. A transaction declared read only keeps the plain BEGIN and blocks no one.
 */
class SqliteWriteDriver extends SqliteDriver {
  readonly #busyTimeoutMs: number;

  constructor(config: SqliteDialectConfig, busyTimeoutMs: number) {
    super(config);
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    const busyTimeoutMs = this.#busyTimeoutMs;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        try {
          return await connection.executeQuery<R>(query);
        } catch (error) {
          throw isBusy(error) ? busyError(busyTimeoutMs, error) : error;
        }
      },
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => connection.streamQuery<R>(query, chunkSize),
    };
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings = {}): Promise<void> {
    const begin = settings.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

/**
 * Migrations in one transaction. Kysely runs SQLite's without one, though SQLite's DDL is
 * transactional: two processes starting on a new database then both created the tables ("table
 * already exists"), and a process killed halfway left half a schema. In a BEGIN IMMEDIATE
 * transaction, the second process waits, then finds the migrations done; a crash leaves nothing.
 * That transaction is the migration lock, so the lock itself needs nothing more.
 */
class SqliteWriteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Kysely's SQLite dialect, with transactions that take the write lock when they begin (see
 * SqliteWriteDriver) and migrations inside one (see SqliteWriteAdapter).
 */
export class SqliteWriteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #busyTimeoutMs: number;

  /** `busyTimeoutMs`: the busy timeout set on the connection, for the message when it runs out. */
  constructor(config: SqliteDialectConfig, busyTimeoutMs: number) {
    super(config);
    this.#config = config;
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  override createDriver(): Driver {
    return new SqliteWriteDriver(this.#config, this.#busyTimeoutMs);
  }

  override createAdapter(): DialectAdapter {
    return new SqliteWriteAdapter();
  }
}
