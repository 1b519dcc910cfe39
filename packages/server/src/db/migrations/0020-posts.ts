import type { Kysely } from 'kysely';

// Posts, their deliveries (one per post and account) with each attempt's history, and the queue's
// settings. A delivery's idempotency material (its key, when it was first tried) is committed
// before the network call, so a worker that dies mid-call leaves what the reconcile needs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('text', 'text', (col) => col.notNull())
    /** JSON: { mastodon?, bluesky? }. */
    .addColumn('overrides', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('content_warning', 'text')
    /** queue | at | now */
    .addColumn('when_kind', 'text', (col) => col.notNull())
    .addColumn('scheduled_at', 'text', (col) => col.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('posts_scheduled_idx').on('posts').columns(['workspace_id', 'scheduled_at']).execute();

  await db.schema
    .createTable('post_deliveries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('post_id', 'text', (col) => col.notNull().references('posts.id').onDelete('cascade'))
    // No reference: a removed account leaves its posts' history, and a delivery to it fails saying so.
    .addColumn('account_id', 'text', (col) => col.notNull())
    .addColumn('network', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('scheduled_at', 'text', (col) => col.notNull())
    /** Raised by every move, edit and cancel: a job made for an older version does nothing. */
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('idempotency_key', 'text')
    .addColumn('first_tried_at', 'text')
    /** Tries since the delivery was last scheduled (a move starts the count again). */
    .addColumn('tries', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    /** The last try's outcome is unknown: the next one reads back first (the connector's reconcile). */
    .addColumn('needs_reconcile', 'integer', (col) => col.notNull().defaultTo(0))
    /** While sending: who holds it, and until when; a later worker takes over a lapsed one and reconciles. */
    .addColumn('lease_token', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('remote_id', 'text')
    .addColumn('remote_url', 'text')
    .addColumn('reason', 'text')
    .addColumn('fix', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('post_deliveries_post_idx').on('post_deliveries').columns(['post_id']).execute();
  await db.schema
    .createIndex('post_deliveries_due_idx')
    .on('post_deliveries')
    .columns(['workspace_id', 'status', 'scheduled_at'])
    .execute();

  await db.schema
    .createTable('post_attempts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('delivery_id', 'text', (col) => col.notNull().references('post_deliveries.id').onDelete('cascade'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('post_attempts_delivery_idx')
    .on('post_attempts')
    .columns(['delivery_id', 'number'])
    .execute();

  await db.schema
    .createTable('post_queues')
    .addColumn('workspace_id', 'text', (col) => col.primaryKey().references('workspaces.id'))
    /** JSON: [{ weekday, time }]. */
    .addColumn('slots', 'text', (col) => col.notNull())
    .addColumn('paused', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('grace_minutes', 'integer', (col) => col.notNull().defaultTo(60))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('post_queues').execute();
  await db.schema.dropTable('post_attempts').execute();
  await db.schema.dropTable('post_deliveries').execute();
  await db.schema.dropTable('posts').execute();
}
