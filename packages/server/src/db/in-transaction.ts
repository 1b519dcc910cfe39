import type { Kysely } from 'kysely';

import type { Database } from './database.js';

/**
 * Runs `work` in a transaction: the one `db` is already in, or a new one. A repository made on a
 * transaction (a restore puts a row back with the insert that logged it) then writes in it.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
