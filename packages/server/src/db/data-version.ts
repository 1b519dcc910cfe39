import { sql, type Kysely } from 'kysely';

import type { Database } from './database.js';
import type { DialectName } from './open-database.js';

/**
 * A token that changes whenever data that a read could see may have changed: equal tokens, read
 * one after the other, mean nothing was committed in between, so an answer computed after the
 * first still holds. It may change when nothing did (a rolled-back write, another database of
 * the same PostgreSQL); it never stays the same across a commit.
 *
 * - SQLite: `data_version` moves when another connection (another process: the CLI beside the
 *   server) commits, and `total_changes()` counts every row this connection wrote.
 * - PostgreSQL: the current snapshot (`xmin:xmax:running xids`) is the set of transactions whose
 *   work is visible; any transaction that writes takes a new xid or leaves the running list when
 *   it ends. PostgreSQL 13 or newer.
 */
export type DataVersion = () => Promise<string>;

export function createDataVersion(db: Kysely<Database>, dialect: DialectName): DataVersion {
  if (dialect === 'sqlite') {
    const query = sql<{ changes: number; version: number }>`select total_changes() as changes, data_version as version
      from pragma_data_version`;
    return async () => {
      const row = (await query.execute(db)).rows[0];
      return `${row?.version}:${row?.changes}`;
    };
  }
  const query = sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`;
  return async () => (await query.execute(db)).rows[0]?.snapshot ?? '';
}
