import type { Kysely } from 'kysely';

// The time audit's channel mapping: a channel (referral, LinkedIn, networking event) and the
// activities whose hours feed it, for the `channel` attribution of revenue. Activities are named
// as entries name them (JSON text array); `channel_key` is core's activityNameKey of the channel,
// unique per workspace, so "LinkedIn" and "linkedin " are one channel.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_channels')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('channel_key', 'text', (col) => col.notNull())
    .addColumn('activities', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('audit_channels_workspace_key_idx')
    .on('audit_channels')
    .columns(['workspace_id', 'channel_key'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_channels').execute();
}
