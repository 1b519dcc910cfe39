import { RollupDelta, type DayCell, type DayHours, type RollupEntry } from '@bigrock/core';
import { sql, type Insertable, type Kysely } from 'kysely';

import type { Database, TimeEntryTable, TimeRollupHourTable } from '../db/database.js';

/** The rows of entries the rollups read. */
type EntryColumns = Pick<TimeEntryTable, 'activity' | 'source' | 'tags' | 'start_ms' | 'end_ms'>;

/** A stopped entry as the rollups count it; null for a running one (reports add it up to now). */
export function rollupEntryOf(row: EntryColumns): RollupEntry | null {
  if (row.end_ms === null) return null;
  return {
    activity: row.activity,
    source: row.source,
    tags: row.tags,
    startMs: Number(row.start_ms),
    endMs: Number(row.end_ms),
  };
}

/** The columns of `time_entries` a rollup depends on: a change of any other needs no rollup work. */
export const rollupColumns = ['activity', 'source', 'tags', 'start_ms', 'end_ms'] as const;

export async function workspaceZone(db: Kysely<Database>, workspaceId: string): Promise<string> {
  const row = await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirst();
  return row?.time_zone ?? 'UTC';
}

const CHUNK = 500;
/** time_rollup_hours' column of each local hour. */
export const hourColumns = [
  'h0',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'h7',
  'h8',
  'h9',
  'h10',
  'h11',
  'h12',
  'h13',
  'h14',
  'h15',
  'h16',
  'h17',
  'h18',
  'h19',
  'h20',
  'h21',
  'h22',
  'h23',
] as const;
const hourRow = (workspaceId: string, { day, weekday, seconds }: DayHours) =>
  ({
    workspace_id: workspaceId,
    day,
    weekday,
    ...Object.fromEntries(hourColumns.map((column, hour) => [column, seconds[hour] ?? 0])),
  }) as Insertable<TimeRollupHourTable>;
const addedHours = Object.fromEntries(
  hourColumns.map((column) => [
    column,
    sql<number>`${sql.ref(`time_rollup_hours.${column}`)} + ${sql.ref(`excluded.${column}`)}`,
  ]),
);

/**
 * Adds a delta to the rollups: each changed cell once, added to what is there (an upsert). Cells
 * that come back to zero are deleted. Call it in the transaction of the write it follows.
 */
export async function applyRollupDelta(db: Kysely<Database>, workspaceId: string, delta: RollupDelta): Promise<void> {
  // In key order, so that two transactions upserting the same cells on PostgreSQL lock them in the
  // same order and never wait on each other in a circle.
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const days = delta
    .changedDays()
    .sort(
      (a, b) => text(a.day, b.day) || text(a.activity, b.activity) || text(a.source, b.source) || text(a.tags, b.tags),
    );
  const hours = delta.changedDayHours().sort((a, b) => text(a.day, b.day));
  for (let index = 0; index < days.length; index += CHUNK) {
    await db
      .insertInto('time_rollup_days')
      .values(days.slice(index, index + CHUNK).map((cell) => ({ workspace_id: workspaceId, ...cell })))
      .onConflict((conflict) =>
        conflict
          .columns(['workspace_id', 'day', 'activity', 'source', 'tags'])
          .doUpdateSet({ seconds: sql`time_rollup_days.seconds + excluded.seconds` }),
      )
      .execute();
  }
  // 27 columns a row: 1000 rows stay under SQLite's 32,766 parameters.
  for (let index = 0; index < hours.length; index += CHUNK) {
    await db
      .insertInto('time_rollup_hours')
      .values(hours.slice(index, index + CHUNK).map((row) => hourRow(workspaceId, row)))
      .onConflict((conflict) => conflict.columns(['workspace_id', 'day']).doUpdateSet(addedHours))
      .execute();
  }
  await dropEmptyCells(db, workspaceId, days, hours);
}

/** Cells that a removal took down to zero, looked up by key: a handful for an edit or a delete. */
async function dropEmptyCells(
  db: Kysely<Database>,
  workspaceId: string,
  days: readonly DayCell[],
  hours: readonly DayHours[],
): Promise<void> {
  for (const cell of days) {
    if (cell.seconds >= 0) continue;
    await db
      .deleteFrom('time_rollup_days')
      .where('workspace_id', '=', workspaceId)
      .where('day', '=', cell.day)
      .where('activity', '=', cell.activity)
      .where('source', '=', cell.source)
      .where('tags', '=', cell.tags)
      .where('seconds', '<=', 0)
      .execute();
  }
  const lessened = hours.filter((row) => row.seconds.some((value) => value < 0)).map(({ day }) => day);
  for (let index = 0; index < lessened.length; index += CHUNK) {
    let query = db
      .deleteFrom('time_rollup_hours')
      .where('workspace_id', '=', workspaceId)
      .where('day', 'in', lessened.slice(index, index + CHUNK));
    for (const column of hourColumns) query = query.where(column, '=', 0);
    await query.execute();
  }
}

/** Applies what changing `before` into `after` (either may be absent or running) does to the rollups. */
export async function rollupChange(
  db: Kysely<Database>,
  workspaceId: string,
  before: EntryColumns | undefined,
  after: EntryColumns | undefined,
): Promise<void> {
  const removed = before === undefined ? null : rollupEntryOf(before);
  const added = after === undefined ? null : rollupEntryOf(after);
  if (removed === null && added === null) return;
  const delta = new RollupDelta(await workspaceZone(db, workspaceId));
  if (removed !== null) delta.add(removed, -1);
  if (added !== null) delta.add(added, 1);
  await applyRollupDelta(db, workspaceId, delta);
}

const PAGE = 20_000;

/**
 * Makes the rollups again from the entries, for one workspace or all: after a restore, a change of
 * time zone, at migration time, and by `bigrock report rebuild`. Run it in a transaction.
 * Returns the number of stopped entries counted.
 */
export async function rebuildTimeRollups(db: Kysely<Database>, onlyWorkspace?: string): Promise<number> {
  let workspaces = db.selectFrom('workspaces').select(['id', 'time_zone']);
  if (onlyWorkspace !== undefined) workspaces = workspaces.where('id', '=', onlyWorkspace);
  let counted = 0;
  for (const { id: workspaceId, time_zone: zone } of await workspaces.execute()) {
    await db.deleteFrom('time_rollup_days').where('workspace_id', '=', workspaceId).execute();
    await db.deleteFrom('time_rollup_hours').where('workspace_id', '=', workspaceId).execute();
    const delta = new RollupDelta(zone);
    // Pages in id order, read from where the last one ended; `|| ''` keeps SQLite on the primary key.
    const inWorkspace = sql<string>`${sql.ref('workspace_id')} || ''`;
    let after: string | null = null;
    for (;;) {
      let query = db
        .selectFrom('time_entries')
        .select(['id', 'activity', 'source', 'tags', 'start_ms', 'end_ms'])
        .where(inWorkspace, '=', workspaceId)
        .where('end_ms', 'is not', null);
      if (after !== null) query = query.where('id', '>', after);
      const page = await query.orderBy('id').limit(PAGE).execute();
      for (const row of page) {
        const entry = rollupEntryOf(row);
        if (entry !== null) delta.add(entry);
      }
      counted += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1]?.id ?? null;
    }
    await applyRollupDelta(db, workspaceId, delta);
  }
  return counted;
}
