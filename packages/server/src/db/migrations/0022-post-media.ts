import { PostgresAdapter, type Kysely } from 'kysely';

// A post's images (0 to 4), their bytes in the database beside the post, so that one backup and one
// transaction hold a post whole; and the workspace's choice to require alt text (on by default).
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('post_media')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('post_id', 'text', (col) => col.notNull().references('posts.id').onDelete('cascade'))
    /** 0 to 3: the order the networks show them in. */
    .addColumn('position', 'integer', (col) => col.notNull())
    /** Checked against the bytes' own signature when stored. */
    .addColumn('mime_type', 'text', (col) => col.notNull())
    .addColumn('alt_text', 'text', (col) => col.notNull())
    .addColumn('byte_size', 'integer', (col) => col.notNull())
    /** Hex SHA-256 of the bytes: what a webhook receives in their place. */
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('data', bytes, (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('post_media_post_idx').on('post_media').columns(['post_id', 'position']).execute();

  await db.schema
    .alterTable('post_queues')
    .addColumn('require_alt_text', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('post_queues').dropColumn('require_alt_text').execute();
  await db.schema.dropTable('post_media').execute();
}
