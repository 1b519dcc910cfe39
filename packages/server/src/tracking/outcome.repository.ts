import { outcomeKinds, type Outcome, type OutcomeKind } from '@bigrock/core';
import type { Kysely, Selectable } from 'kysely';

import type { Database, OutcomeTable } from '../db/database.js';

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
  return {
    /** Outcomes dated from `from` to `to` (both included, either open), in date order. */
    async list(workspaceId: string, range: { from?: string | null; to?: string | null }): Promise<Outcome[]> {
      let query = db.selectFrom('outcomes').selectAll().where('workspace_id', '=', workspaceId);
      if (range.from) query = query.where('date', '>=', range.from);
      if (range.to) query = query.where('date', '<=', range.to);
      const rows = await query.orderBy('date').orderBy('created_at').orderBy('id').execute();
      return rows.map(toOutcome);
    },

    async insert(workspaceId: string, outcome: Outcome): Promise<void> {
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
    },

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

    async delete(workspaceId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('outcomes')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type OutcomeRepository = ReturnType<typeof createOutcomeRepository>;
