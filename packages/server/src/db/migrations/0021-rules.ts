import type { Kysely } from 'kysely';

// Rules: trigger → filters → actions. The rule is the workspace's data (backed up; its hook
// secret sealed like an account's credentials). What runs leave behind (the trigger's state, the
// feed items seen, the webhook ids received, the runs) hangs off the rule and goes with it: a
// restore starts each feed again from a first poll that marks its items seen and posts nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rules')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('enabled', 'integer', (col) => col.notNull())
    /** JSON: core's RuleTrigger, RuleFilter[], RuleAction[]. */
    .addColumn('trigger', 'text', (col) => col.notNull())
    .addColumn('filters', 'text', (col) => col.notNull())
    .addColumn('actions', 'text', (col) => col.notNull())
    /** A webhook trigger's whsec_ secret, sealed; null for other triggers. */
    .addColumn('hook_secret', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rules_name_idx').on('rules').columns(['workspace_id', 'name']).unique().execute();

  await db.schema
    .createTable('rule_state')
    .addColumn('rule_id', 'text', (col) => col.primaryKey().references('rules.id').onDelete('cascade'))
    /** The trigger the state is of (JSON): a changed trigger starts from a fresh state. */
    .addColumn('trigger', 'text', (col) => col.notNull())
    .addColumn('checked_at', 'text')
    /** A feed: the validators to send back, and when its first poll marked the backlog seen. */
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('primed_at', 'text')
    /** A pace trigger: 1 when last seen behind, 0 when not. */
    .addColumn('behind', 'integer')
    /** A schedule: the last due time fired (ISO instant). */
    .addColumn('last_due', 'text')
    .execute();

  await db.schema
    .createTable('rule_seen_items')
    .addColumn('rule_id', 'text', (col) => col.notNull().references('rules.id').onDelete('cascade'))
    /** The item's guid or id, else its link. */
    .addColumn('item_key', 'text', (col) => col.notNull())
    .addColumn('seen_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('rule_seen_items_pk', ['rule_id', 'item_key'])
    .execute();

  await db.schema
    .createTable('rule_hook_ids')
    .addColumn('rule_id', 'text', (col) => col.notNull().references('rules.id').onDelete('cascade'))
    .addColumn('webhook_id', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('rule_hook_ids_pk', ['rule_id', 'webhook_id'])
    .execute();

  await db.schema
    .createTable('rule_runs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('rule_id', 'text', (col) => col.notNull().references('rules.id').onDelete('cascade'))
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('dry_run', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull())
    /** JSON: core's RuleRunItem[]. */
    .addColumn('items', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rule_runs_rule_idx').on('rule_runs').columns(['rule_id', 'started_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rule_runs', 'rule_hook_ids', 'rule_seen_items', 'rule_state', 'rules']) {
    await db.schema.dropTable(table).execute();
  }
}
