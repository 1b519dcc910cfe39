import type { RuleRun, RuleRunItem, RuleRunSource, RuleRunStatus } from '@bigrock/core';
import type { Kysely, Selectable } from 'kysely';

import type { Database, RuleStateTable, RuleTable } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { isUniqueViolation } from '../db/unique-violation.js';

export type StoredRule = Selectable<RuleTable>;
export type RuleState = Omit<Selectable<RuleStateTable>, 'rule_id'>;

/** The runs a rule keeps, latest first. */
export const RUNS_KEPT = 200;

/** Webhook ids are kept this long: a message older than 5 minutes is refused anyway. */
const HOOK_ID_KEPT_MS = 60 * 60_000;

function toRun(row: Selectable<Database['rule_runs']>): RuleRun {
  return {
    id: row.id,
    ruleId: row.rule_id,
    source: row.source as RuleRunSource,
    dryRun: row.dry_run === 1,
    status: row.status as RuleRunStatus,
    note: row.note,
    items: JSON.parse(row.items) as RuleRunItem[],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** The rules of a workspace, what their triggers last saw, and their runs. */
export function createRuleRepository(db: Kysely<Database>, workspaceId: string) {
  const ownRule = (ruleId: string) =>
    db.selectFrom('rules').select('id').where('workspace_id', '=', workspaceId).where('id', '=', ruleId);

  return {
    async list(): Promise<StoredRule[]> {
      return db
        .selectFrom('rules')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    /** A rule by id, or else by name. */
    async find(ref: string): Promise<StoredRule | undefined> {
      const rows = await db
        .selectFrom('rules')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
        .execute();
      return rows.find((row) => row.id === ref) ?? rows[0];
    },

    /** Adds the rule; false when its name is taken. */
    async insert(rule: Omit<StoredRule, 'workspace_id'>): Promise<boolean> {
      try {
        await db
          .insertInto('rules')
          .values({ ...rule, workspace_id: workspaceId })
          .execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Changes the rule; false when the new name is taken. */
    async update(
      id: string,
      changes: Partial<Pick<StoredRule, 'name' | 'enabled' | 'trigger' | 'filters' | 'actions' | 'hook_secret'>> & {
        updated_at: string;
      },
    ): Promise<boolean> {
      try {
        await db
          .updateTable('rules')
          .set(changes)
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Removes the rule with its state, seen items and runs. */
    async remove(id: string): Promise<boolean> {
      return inTransaction(db, async (trx) => {
        for (const table of ['rule_runs', 'rule_hook_ids', 'rule_seen_items', 'rule_state'] as const) {
          await trx.deleteFrom(table).where('rule_id', 'in', ownRule(id)).execute();
        }
        const result = await trx
          .deleteFrom('rules')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return result.numDeletedRows > 0n;
      });
    },

    async state(ruleId: string): Promise<RuleState | undefined> {
      const row = await db.selectFrom('rule_state').selectAll().where('rule_id', '=', ruleId).executeTakeFirst();
      if (row === undefined) return undefined;
      const { rule_id: _ruleId, ...state } = row;
      return state;
    },

    /** Writes the trigger's state (the whole row). */
    async saveState(ruleId: string, state: RuleState): Promise<void> {
      await db
        .insertInto('rule_state')
        .values({ rule_id: ruleId, ...state })
        .onConflict((conflict) => conflict.column('rule_id').doUpdateSet(state))
        .execute();
    },

    /** The keys among these that the rule has seen. */
    async seenKeys(ruleId: string, keys: readonly string[]): Promise<Set<string>> {
      const seen = new Set<string>();
      for (let start = 0; start < keys.length; start += 500) {
        const rows = await db
          .selectFrom('rule_seen_items')
          .select('item_key')
          .where('rule_id', '=', ruleId)
          .where('item_key', 'in', keys.slice(start, start + 500))
          .execute();
        for (const row of rows) seen.add(row.item_key);
      }
      return seen;
    },

    /**
     * Marks the keys seen and answers those this call marked: of two pollers at once, each item
     * is claimed by one.
     */
    async claimSeen(ruleId: string, keys: readonly string[], at: string): Promise<string[]> {
      const claimed: string[] = [];
      for (const key of keys) {
        const result = await db
          .insertInto('rule_seen_items')
          .values({ rule_id: ruleId, item_key: key, seen_at: at })
          .onConflict((conflict) => conflict.columns(['rule_id', 'item_key']).doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) claimed.push(key);
      }
      return claimed;
    },

    /** Takes a webhook id for the rule: false when it was taken before (a retry of a message). */
    async claimHookId(ruleId: string, webhookId: string, at: Date): Promise<boolean> {
      await db
        .deleteFrom('rule_hook_ids')
        .where('rule_id', '=', ruleId)
        .where('received_at', '<', new Date(at.getTime() - HOOK_ID_KEPT_MS).toISOString())
        .execute();
      const result = await db
        .insertInto('rule_hook_ids')
        .values({ rule_id: ruleId, webhook_id: webhookId, received_at: at.toISOString() })
        .onConflict((conflict) => conflict.columns(['rule_id', 'webhook_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    async insertRun(run: RuleRun): Promise<void> {
      await db
        .insertInto('rule_runs')
        .values({
          id: run.id,
          rule_id: run.ruleId,
          source: run.source,
          dry_run: run.dryRun ? 1 : 0,
          status: run.status,
          note: run.note,
          items: JSON.stringify(run.items),
          started_at: run.startedAt,
          finished_at: run.finishedAt,
        })
        .execute();
      // A rule keeps its last RUNS_KEPT runs: the log of a rule that fires every five minutes stays small.
      const oldest = await db
        .selectFrom('rule_runs')
        .select(['started_at', 'id'])
        .where('rule_id', '=', run.ruleId)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .offset(RUNS_KEPT - 1)
        .limit(1)
        .executeTakeFirst();
      if (oldest !== undefined) {
        await db
          .deleteFrom('rule_runs')
          .where('rule_id', '=', run.ruleId)
          .where((eb) =>
            eb.or([
              eb('started_at', '<', oldest.started_at),
              eb.and([eb('started_at', '=', oldest.started_at), eb('id', '<', oldest.id)]),
            ]),
          )
          .execute();
      }
    },

    /** A rule's runs, latest first. */
    async listRuns(ruleId: string, limit: number): Promise<RuleRun[]> {
      const rows = await db
        .selectFrom('rule_runs')
        .selectAll()
        .where('rule_id', 'in', ownRule(ruleId))
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRun);
    },
  };
}

export type RuleRepository = ReturnType<typeof createRuleRepository>;
