import { publishingNetworks, type MastodonInstanceLimits, type PublishingAccount } from '@bigrock/core';
import type { Kysely, Selectable } from 'kysely';

import type { Database, PublishingAccountTable } from '../db/database.js';
import { isUniqueViolation } from '../db/unique-violation.js';

/** An account as stored: what the API shows, and its credentials still sealed. */
export interface StoredAccount extends PublishingAccount {
  remoteId: string;
  sealedCredentials: string | null;
}

export interface NewAccountRow {
  id: string;
  network: PublishingAccount['network'];
  name: string;
  url: string;
  remoteId: string;
  limits: MastodonInstanceLimits | null;
  sealedCredentials: string;
  at: string;
}

function toAccount(row: Selectable<PublishingAccountTable>): StoredAccount {
  return {
    id: row.id,
    network: publishingNetworks.find((network) => network === row.network) ?? 'webhook',
    name: row.name,
    url: row.url,
    remoteId: row.remote_id,
    limits: row.limits === null ? null : (JSON.parse(row.limits) as MastodonInstanceLimits),
    hasCredentials: row.credentials !== null,
    createdAt: row.created_at,
    sealedCredentials: row.credentials,
  };
}

/** The publishing accounts of a workspace. */
export function createAccountRepository(db: Kysely<Database>, workspaceId: string) {
  return {
    async list(): Promise<StoredAccount[]> {
      const rows = await db
        .selectFrom('publishing_accounts')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toAccount);
    },

    async get(id: string): Promise<StoredAccount | undefined> {
      const row = await db
        .selectFrom('publishing_accounts')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toAccount(row);
    },

    /** Adds the account; false when the workspace has it already. */
    async insert(account: NewAccountRow): Promise<boolean> {
      try {
        await db
          .insertInto('publishing_accounts')
          .values({
            id: account.id,
            workspace_id: workspaceId,
            network: account.network,
            name: account.name,
            url: account.url,
            remote_id: account.remoteId,
            limits: account.limits === null ? null : JSON.stringify(account.limits),
            credentials: account.sealedCredentials,
            created_at: account.at,
            updated_at: account.at,
          })
          .execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async setCredentials(id: string, sealed: string, at: string): Promise<void> {
      await db
        .updateTable('publishing_accounts')
        .set({ credentials: sealed, updated_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async remove(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('publishing_accounts')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
