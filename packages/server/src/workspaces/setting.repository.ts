import type { Kysely } from 'kysely';

import type { Database } from '../db/database.js';

/** Server-wide key/value settings, such as the session secret, shared by every app instance. */
export function createSettingRepository(db: Kysely<Database>) {
  return {
    /** Stores `value` under `key`, replacing what was there. */
    async put(key: string, value: string): Promise<void> {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
        .execute();
    },

    async remove(key: string): Promise<void> {
      await db.deleteFrom('settings').where('key', '=', key).execute();
    },

    async get(key: string): Promise<string | undefined> {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },

    /** Stores `value` unless the key is set already, and returns whichever value won. */
    async getOrInsert(key: string, value: string): Promise<string> {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .execute();
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
      return row.value;
    },
  };
}

export type SettingRepository = ReturnType<typeof createSettingRepository>;
