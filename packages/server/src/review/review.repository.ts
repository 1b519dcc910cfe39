import type { CalendarDate } from '@bigrock/core';
import type { Kysely } from 'kysely';

import type { Database } from '../db/database.js';

/** What the weekly review reads that no other repository serves: sums over a few days. */
export function createReviewRepository(db: Kysely<Database>) {
  return {
    /**
     * Units logged per activity from `from` to `to`, both included. Counts are whole numbers in
     * practice; their sum in SQL is exact up to 2^53.
     */
    async unitsLogged(workspaceId: string, from: CalendarDate, to: CalendarDate): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('activity_logs')
        .select(['activity_id', (eb) => eb.fn.sum<number | string>('count').as('total')])
        .where('workspace_id', '=', workspaceId)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .groupBy('activity_id')
        .execute();
      return new Map(rows.map((row) => [row.activity_id, Number(row.total)]));
    },
  };
}

export type ReviewRepository = ReturnType<typeof createReviewRepository>;
