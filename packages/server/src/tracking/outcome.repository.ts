import { outcomeKinds, type Outcome, type OutcomeKind } from '@bigrock/core';
import type { Kysely, Selectable } from 'kysely';

import type { Database, OutcomeTable } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { recordDeleted } from '../undo/record-deleted.js';

const toKind = (value: string): OutcomeKind => outcomeKinds.find((kind) => kind === value) ?? 'revenue';

function toOutcome(row: Selectable<OutcomeTable>): Outcome {
  return {
    id: row.id,
    kind: toKind(row.kind),
    amount: row.amount,
    currency: row.currency,
    date: row.date,
    activity: row.activity,
    channel: row.channel,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createOutcomeRepository(db: Kysely<Database>) {
  async function insert(workspaceId: string, outcome: Outcome): Promise<void> {
    await db
      .insertInto('outcomes')
      .values({
        id: outcome.id,
        workspace_id: workspaceId,
        kind: outcome.kind,
        amount: outcome.amount,
        currency: outcome.currency,
        date: outcome.date,
        activity: outcome.activity,
        channel: outcome.channel,
        note: outcome.note,
        created_at: outcome.createdAt,
        updated_at: outcome.updatedAt,
      })
      .execute();
  }

  return {
    /** Outcomes dated from `from` to `to` (both included, either open), in date order. */
    async list(workspaceId: string, range: { from?: string | null; to?: string | null }): Promise<Outcome[]> {
      let query = db.selectFrom('outcomes').selectAll().where('workspace_id', '=', workspaceId);
      if (range.from) query = query.where('date', '>=', range.from);
      if (range.to) query = query.where('date', '<=', range.to);
      const rows = await query.orderBy('date').orderBy('created_at').orderBy('id').execute();
      return rows.map(toOutcome);
    },

    insert,

    /** The currency of the latest revenue, to default the next one to. */
    async lastCurrency(workspaceId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('outcomes')
        .select('currency')
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', 'revenue')
        .where('currency', 'is not', null)
        .orderBy('date', 'desc')
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.currency ?? undefined;
    },

    /**
     * Deletes an outcome, keeping it for undo, in one transaction. Returns the deleted item's id,
     * or null when there was no outcome with that id.
     */
    async delete(workspaceId: string, id: string, deletedAt: Date): Promise<string | null> {
      return inTransaction(db, async (trx) => {
        const deleted = await trx
          .deleteFrom('outcomes')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (deleted === undefined) return null;
        return recordDeleted(trx, { kind: 'outcome', workspaceId, row: deleted, deletedAt });
      });
    },

    /** Puts a deleted outcome back as it was, the way it was recorded. Run it inside the restore's transaction. */
    async putBack(row: OutcomeTable): Promise<void> {
      await insert(row.workspace_id, toOutcome(row));
    },
  };
}

export type OutcomeRepository = ReturnType<typeof createOutcomeRepository>;
