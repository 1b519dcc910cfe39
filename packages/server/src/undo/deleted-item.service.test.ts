import { UNDO_WINDOW_MS } from '@bigrock/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { refoldGoalDays } from '../goals/goal-days.js';
import { openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

const START = Date.parse('2026-11-21T15:00:00Z');

describe.each(dialects)('undoing deletes on %s', (dialect) => {
  let test: TestBigrock;
  let nowMs = START;
  const clock = { now: () => new Date(nowMs) };

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock });
  });
  afterAll(() => test.cleanup());
  beforeEach(() => {
    nowMs = START;
  });

  const rowOf = (table: 'data_points' | 'time_entries' | 'outcomes' | 'activity_logs', id: string) =>
    test.bigrock.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
  const goalDays = (goalId: string) =>
    test.bigrock.db.selectFrom('goal_days').selectAll().where('goal_id', '=', goalId).orderBy('date').execute();

  /** A goal with three points; its pace and day totals on the 21st. */
  async function goalWithPoints() {
    const { goals } = test.bigrock;
    const goal = await goals.create({
      title: 'Recruit distributors',
      unit: 'recruits',
      target: 12,
      startDate: '2026-11-01',
      deadline: '2026-12-31',
    });
    const points = [
      await goals.logProgress(goal.id, { value: 2, date: '2026-11-05', note: 'first' }),
      await goals.logProgress(goal.id, { value: 1.25, date: '2026-11-12' }),
      await goals.logProgress(goal.id, { value: 3, date: '2026-11-12', note: 'a good week' }),
    ];
    return { goal, points };
  }
  const paceOf = async (goalId: string) => (await test.bigrock.goals.get(goalId, { asOf: '2026-11-21' })).pace;

  it('edits a data point: date, value and note, with pace and day totals as if it had been logged so', async () => {
    const { goals } = test.bigrock;
    const { goal, points } = await goalWithPoints();
    const [, second] = points;
    if (second === undefined) throw new Error('three points were logged');
    const edited = await goals.editDataPoint(second.id, { date: '2026-11-02', value: 4.5, note: 'moved' });
    expect(edited).toEqual({ ...second, date: '2026-11-02', value: 4.5, note: 'moved' });

    // The same points logged that way from the start.
    const twin = await goals.create({
      title: 'Twin',
      unit: 'recruits',
      target: 12,
      startDate: '2026-11-01',
      deadline: '2026-12-31',
    });
    await goals.logProgress(twin.id, { value: 4.5, date: '2026-11-02' });
    await goals.logProgress(twin.id, { value: 2, date: '2026-11-05' });
    await goals.logProgress(twin.id, { value: 3, date: '2026-11-12' });
    expect(await paceOf(goal.id)).toEqual(await paceOf(twin.id));
    const kept = await goalDays(goal.id);
    await refoldGoalDays(test.bigrock.db, goal.id);
    expect(await goalDays(goal.id)).toEqual(kept);

    // Only the note; a null note clears it.
    expect(await goals.editDataPoint(second.id, { note: null })).toMatchObject({ value: 4.5, note: null });
    expect((await goals.get(goal.id)).dataPoints.find((point) => point.id === second.id)).toMatchObject({
      date: '2026-11-02',
      value: 4.5,
      note: null,
    });
  });

  it('refuses a bad edit naming the field, and an unknown id, changing nothing', async () => {
    const { goals } = test.bigrock;
    const { goal, points } = await goalWithPoints();
    const [first] = points;
    if (first === undefined) throw new Error('three points were logged');
    const before = await goals.get(goal.id);
    await expect(goals.editDataPoint(first.id, { value: 'seven' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'value',
    });
    await expect(goals.editDataPoint(first.id, { value: 1e13 })).rejects.toMatchObject({ field: 'value' });
    await expect(goals.editDataPoint(first.id, { date: '2026-02-30' })).rejects.toMatchObject({ field: 'date' });
    await expect(goals.editDataPoint(first.id, { date: '3000-01-01' })).rejects.toMatchObject({ field: 'date' });
    await expect(goals.editDataPoint(first.id, { note: 'x'.repeat(501) })).rejects.toMatchObject({ field: 'note' });
    await expect(goals.editDataPoint('nosuchpoint', { value: 1 })).rejects.toMatchObject({
      code: 'not-found',
      field: 'id',
    });
    expect(await goals.get(goal.id)).toEqual(before);
  });

  it('restores a deleted data point as it was, and the pace with it', async () => {
    const { goals, undo } = test.bigrock;
    const { goal, points } = await goalWithPoints();
    const [, second] = points;
    if (second === undefined) throw new Error('three points were logged');
    const row = await rowOf('data_points', second.id);
    const pace = await paceOf(goal.id);
    const days = await goalDays(goal.id);

    const deletedId = await goals.deleteDataPoint(second.id);
    expect(await rowOf('data_points', second.id)).toBeUndefined();
    expect(await paceOf(goal.id)).not.toEqual(pace);
    expect((await undo.list()).map((item) => item.id)).toContain(deletedId);

    nowMs += 60_000;
    const restored = await undo.restore(deletedId);
    expect(restored).toMatchObject({
      id: deletedId,
      kind: 'data-point',
      itemId: second.id,
      deletedAt: new Date(START).toISOString(),
      restoredAt: new Date(START + 60_000).toISOString(),
    });
    expect(await rowOf('data_points', second.id)).toEqual(row);
    expect(await paceOf(goal.id)).toEqual(pace);
    expect(await goalDays(goal.id)).toEqual(days);
    expect((await undo.list()).map((item) => item.id)).not.toContain(deletedId);

    await expect(undo.restore(deletedId)).rejects.toMatchObject({ code: 'conflict', field: 'id' });
    await expect(undo.restore('nosuchitem')).rejects.toMatchObject({ code: 'not-found', field: 'id' });
    expect(await rowOf('data_points', second.id)).toEqual(row);
  });

  it('restores a deleted time entry, outcome and activity log, each row equal to the old one', async () => {
    const { entries, outcomes, activities, undo } = test.bigrock;
    const entry = await entries.add({
      activity: 'Client work',
      start: '2026-11-20 09:00',
      end: '2026-11-20 11:30',
      tags: ['acme', 'billable'],
      note: 'Homepage',
    });
    const outcome = await outcomes.add({ kind: 'revenue', amount: 1200.5, currency: 'EUR', date: '2026-11-20' });
    const calls = await activities.create({ name: 'Calls for undo', rate: 10, ratePeriod: 'day' });
    const log = await activities.log(calls.id, { count: 8, date: '2026-11-20', note: 'warm list' });
    const kept = [
      ['time_entries', entry.id],
      ['outcomes', outcome.id],
      ['activity_logs', log.id],
    ] as const;
    const rows = await Promise.all(kept.map(([table, id]) => rowOf(table, id)));
    const summary = await entries.summary({ from: '2026-11-20', to: '2026-11-20' });
    const standing = await activities.get(calls.id, { asOf: '2026-11-21' });

    const deletedIds = [];
    for (const remove of [
      () => entries.remove(entry.id),
      () => outcomes.remove(outcome.id),
      () => activities.deleteLog(log.id),
    ]) {
      nowMs += 1000;
      deletedIds.push(await remove());
    }
    for (const [table, id] of kept) expect(await rowOf(table, id)).toBeUndefined();
    expect((await undo.list()).map((item) => item.kind).slice(0, 3)).toEqual(['activity-log', 'outcome', 'time-entry']);

    for (const id of deletedIds) await undo.restore(id);
    expect(await Promise.all(kept.map(([table, id]) => rowOf(table, id)))).toEqual(rows);
    expect(await entries.summary({ from: '2026-11-20', to: '2026-11-20' })).toEqual(summary);
    expect(await activities.get(calls.id, { asOf: '2026-11-21' })).toEqual(standing);
    for (const id of deletedIds) await expect(undo.restore(id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('brings a running timer back only while no other runs, and one timer runs whatever happens', async () => {
    const { entries, undo } = test.bigrock;
    const { started } = await entries.startTimer({ activity: 'Writing' });
    const row = await rowOf('time_entries', started.id);
    const deletedId = await entries.remove(started.id);
    expect(await entries.timer()).toBeNull();

    nowMs += 60_000;
    const other = await entries.startTimer({ activity: 'Email' });
    await expect(undo.restore(deletedId)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('"Email" runs now'),
    });
    expect((await entries.timer())?.id).toBe(other.started.id);
    // Still there to restore once the other timer stops.
    expect((await undo.list()).map((item) => item.id)).toContain(deletedId);

    nowMs += 60_000;
    await entries.stopTimer();
    await undo.restore(deletedId);
    expect(await rowOf('time_entries', started.id)).toEqual(row);
    expect((await entries.timer())?.id).toBe(started.id);
    await entries.stopTimer();
  });

  it('lets only one of two restores of an item at the same moment succeed', async () => {
    const { goals, undo } = test.bigrock;
    const { goal, points } = await goalWithPoints();
    const [first] = points;
    if (first === undefined) throw new Error('three points were logged');
    const pace = await paceOf(goal.id);
    const deletedId = await goals.deleteDataPoint(first.id);
    const results = await Promise.allSettled([undo.restore(deletedId), undo.restore(deletedId)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
    expect((await goals.get(goal.id)).dataPoints.filter((point) => point.id === first.id)).toHaveLength(1);
    expect(await paceOf(goal.id)).toEqual(pace);
  });

  it('says when what a deleted item belonged to is gone: its activity deleted, its goal replaced', async () => {
    const { activities, goals, undo, db } = test.bigrock;
    const texts = await activities.create({ name: 'Texts for undo' });
    const log = await activities.log(texts.id, { count: 3 });
    const logDeleted = await activities.deleteLog(log.id);
    await activities.delete(texts.id);
    await expect(undo.restore(logDeleted)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('activity this count was logged on was deleted'),
    });

    const { goal, points } = await goalWithPoints();
    const [first] = points;
    if (first === undefined) throw new Error('three points were logged');
    const pointDeleted = await goals.deleteDataPoint(first.id);
    // Goals cannot be deleted from the app; a restored backup without this goal removes it.
    await db.deleteFrom('goals').where('id', '=', goal.id).execute();
    await expect(undo.restore(pointDeleted)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('goal this data point was logged on is gone'),
    });
    expect(await rowOf('data_points', first.id)).toBeUndefined();
    // Both still listed: nothing was claimed by the refused restores.
    expect((await undo.list()).map((item) => item.id)).toEqual(expect.arrayContaining([logDeleted, pointDeleted]));
  });

  it('answers 410 Gone after 24 hours, purged by the next delete, and forgets the item a month later', async () => {
    const { outcomes, undo, db } = test.bigrock;
    const first = await outcomes.add({ kind: 'lead', amount: 3, date: '2026-11-21' });
    const deletedId = await outcomes.remove(first.id);

    nowMs = START + UNDO_WINDOW_MS - 1;
    expect((await undo.list()).map((item) => item.id)).toContain(deletedId);
    nowMs = START + UNDO_WINDOW_MS;
    expect((await undo.list()).map((item) => item.id)).not.toContain(deletedId);
    await expect(undo.restore(deletedId)).rejects.toMatchObject({
      code: 'gone',
      message: expect.stringContaining('more than 24 hours ago'),
    });

    // The next delete purges the row it kept; the answer stays 410.
    const second = await outcomes.add({ kind: 'lead', amount: 1, date: '2026-11-22' });
    await outcomes.remove(second.id);
    const purged = await db.selectFrom('deleted_items').selectAll().where('id', '=', deletedId).executeTakeFirst();
    expect(purged).toMatchObject({ row_json: null, restored_at: null });
    await expect(undo.restore(deletedId)).rejects.toMatchObject({ code: 'gone' });
    expect(await rowOf('outcomes', first.id)).toBeUndefined();

    nowMs = START + 31 * UNDO_WINDOW_MS;
    const third = await outcomes.add({ kind: 'lead', amount: 1, date: '2026-12-22' });
    await outcomes.remove(third.id);
    await expect(undo.restore(deletedId)).rejects.toMatchObject({ code: 'not-found' });
  });
});
