import type { Kysely } from 'kysely';

// Publishing accounts: Mastodon, Bluesky and webhooks. The credentials (tokens, app passwords,
// sessions, webhook secrets) are sealed with a key that is not in the database
// (publishing/credential-cipher.ts); null once a backup without them was restored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publishing_accounts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('network', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    /** The account on its network: Mastodon's account id, Bluesky's DID, the webhook's URL. */
    .addColumn('remote_id', 'text', (col) => col.notNull())
    /** Mastodon's limits as JSON, read from the instance when the account was added. */
    .addColumn('limits', 'text')
    .addColumn('credentials', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // One account once: adding it again is a conflict, not a second copy that would post twice.
  await db.schema
    .createIndex('publishing_accounts_remote_idx')
    .on('publishing_accounts')
    .columns(['workspace_id', 'network', 'url', 'remote_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publishing_accounts').execute();
}
