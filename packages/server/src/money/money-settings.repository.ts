import { applyMoneySettingsPatch, readMoneySettings, type MoneySettings, type MoneySettingsPatch } from '@bigrock/core';
import type { Kysely } from 'kysely';

import type { Database } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import type { DialectName } from '../db/open-database.js';

function parse(json: string | undefined): MoneySettings {
  if (json === undefined) return readMoneySettings({});
  try {
    return readMoneySettings(JSON.parse(json));
  } catch {
    return readMoneySettings({});
  }
}

/** The workspace's money settings: one JSON column of `workspaces` (migration 0012), read and written whole. */
export function createMoneySettingsRepository(db: Kysely<Database>, dialect: DialectName) {
  return {
    async get(workspaceId: string): Promise<MoneySettings> {
      const row = await db
        .selectFrom('workspaces')
        .select('money_settings')
        .where('id', '=', workspaceId)
        .executeTakeFirst();
      return parse(row?.money_settings);
    },

    /**
     * Applies a change in one transaction, the row locked on PostgreSQL (SQLite's write
     * transactions begin IMMEDIATE): two changes at once both land, neither undoes the other.
     */
    async update(workspaceId: string, patch: MoneySettingsPatch): Promise<MoneySettings> {
      return inTransaction(db, async (trx) => {
        const row = await trx
          .selectFrom('workspaces')
          .select('money_settings')
          .where('id', '=', workspaceId)
          .$if(dialect === 'postgres', (query) => query.forUpdate())
          .executeTakeFirst();
        const next = applyMoneySettingsPatch(parse(row?.money_settings), patch);
        await trx
          .updateTable('workspaces')
          .set({ money_settings: JSON.stringify(next) })
          .where('id', '=', workspaceId)
          .execute();
        return next;
      });
    },
  };
}

export type MoneySettingsRepository = ReturnType<typeof createMoneySettingsRepository>;
