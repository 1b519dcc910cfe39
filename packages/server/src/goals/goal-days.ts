import { foldDayTotals, type CalendarDate, type DayTotals } from '@bigrock/core';
import { sql, type Kysely, type Selectable } from 'kysely';

import type { Database, GoalDayTable } from '../db/database.js';

// A goal's day totals (the goal_days table) are its data points folded one by one, in date order
// and then in the order they were logged, by core's foldDayTotals: the same additions in the same
// order as pace made from every point, so the figures are the same to the last bit. Whatever
// changes a goal's points refolds its days from the first date it touched.

/** Points read per query when refolding: memory stays flat for a goal of a million points. */
const PAGE = 10_000;
/** Day rows per insert: within SQLite's and PostgreSQL's limits on bound parameters. */
const ROWS_PER_INSERT = 1000;

export function toDayTotals(row: Selectable<GoalDayTable>): DayTotals {
  return {
    date: row.date,
    sum: row.value_sum,
    count: row.point_count,
    max: row.value_max,
    last: row.last_value,
  };
}

const toRow = (goalId: string, totals: DayTotals): GoalDayTable => ({
  goal_id: goalId,
  date: totals.date,
  value_sum: totals.sum,
  point_count: totals.count,
  value_max: totals.max,
  last_value: totals.last,
});

/**
 * Takes the goal's row lock until the transaction ends, so that two changes to one goal's points
 * refold its days one after the other (on PostgreSQL; SQLite has one writer at a time anyway).
 */
export async function lockGoal(trx: Kysely<Database>, goalId: string): Promise<void> {
  await trx
    .updateTable('goals')
    // A column no key or foreign key looks at: the row is locked, and nothing else happens.
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', goalId)
    .execute();
}

/**
 * Refolds a goal's day totals from `from` on (every day when left out): from the totals of the
 * last day before it, through its points dated `from` or later. Run it inside the transaction
 * that changed the points.
 */
export async function refoldGoalDays(
  db: Kysely<Database>,
  goalId: string,
  from: CalendarDate = '',
  { pageSize = PAGE }: { pageSize?: number } = {},
): Promise<void> {
  const before = await db
    .selectFrom('goal_days')
    .selectAll()
    .where('goal_id', '=', goalId)
    .where('date', '<', from)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
  await db.deleteFrom('goal_days').where('goal_id', '=', goalId).where('date', '>=', from).execute();

  const folded: GoalDayTable[] = [];
  const write = async (final: boolean) => {
    while (folded.length >= (final ? 1 : ROWS_PER_INSERT)) {
      await db.insertInto('goal_days').values(folded.splice(0, ROWS_PER_INSERT)).execute();
    }
  };
  // The last day of a page may go on in the next one: it is written once the next page starts
  // on another day, or at the end.
  let open: DayTotals | null = null;
  const start = before === undefined ? null : toDayTotals(before);
  let after: { date: string; created_at: string; id: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('data_points')
      .select(['date', 'value', 'created_at', 'id'])
      .where('goal_id', '=', goalId)
      .where('date', '>=', from);
    if (after !== null) {
      const { date, created_at, id } = after;
      query = query.where(sql<boolean>`(date, created_at, id) > (${date}, ${created_at}, ${id})`);
    }
    const page = await query.orderBy('date').orderBy('created_at').orderBy('id').limit(pageSize).execute();
    const last = page.at(-1);
    if (last === undefined) break;
    const days = foldDayTotals(page, open ?? start);
    if (open !== null && days[0]?.date !== open.date) folded.push(toRow(goalId, open));
    open = days.pop() ?? null;
    for (const totals of days) folded.push(toRow(goalId, totals));
    await write(false);
    if (page.length < pageSize) break;
    after = last;
  }
  if (open !== null) folded.push(toRow(goalId, open));
  await write(true);
}

/** Refolds the day totals of every goal of a workspace, or of every workspace (a migration). */
export async function rebuildGoalDays(
  db: Kysely<Database>,
  workspaceId?: string,
  options: { pageSize?: number } = {},
): Promise<void> {
  let query = db.selectFrom('goals').select('id');
  if (workspaceId !== undefined) query = query.where('workspace_id', '=', workspaceId);
  for (const { id } of await query.orderBy('id').execute()) await refoldGoalDays(db, id, '', options);
}
