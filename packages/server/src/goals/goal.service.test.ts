import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

describe.each(dialects)('goals on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    // 23:30 on 21 Nov in New York is already the 22nd in UTC: "today" must follow the workspace zone.
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T04:30:00Z'), timeZone: 'America/New_York' });
  });
  afterAll(() => test.cleanup());

  it('keeps every SMARTER field of a goal through a round trip', async () => {
    const { goals } = test.bigrock;
    const dream = await goals.create({ title: 'Earn $3000 a month', level: 'dream' });
    const created = await goals.create({
      title: 'Recruit 12 distributors from my warm market',
      level: 'quarterly',
      unit: 'recruits',
      aggregate: 'count',
      direction: 'up',
      baseline: 1.5,
      target: 12,
      startDate: '2026-11-01',
      deadline: '2027-01-24',
      why: 'A team of 12 gets me to business leader level',
      parentId: dream.id,
      systems: 'Invitation script',
      owner: 'me',
      partner: 'Maria',
      source: 'outcome:revenue:Referral',
      hoursPerWeek: 10,
      daysOff: ['sat', 'sun'],
    });
    const { goal } = await goals.get(created.id);
    expect(goal).toEqual(created);
    expect(goal).toMatchObject({ baseline: 1.5, daysOff: ['sat', 'sun'], parentId: dream.id, archivedAt: null });
  });

  it('starts a goal today in the workspace time zone when no start is given', async () => {
    const goal = await test.bigrock.goals.create({ title: 'Only a title' });
    expect(goal.startDate).toBe('2026-11-21');
    expect(goal).toMatchObject({
      aggregate: 'sum',
      direction: 'up',
      baseline: 0,
      target: null,
      source: { kind: 'manual' },
    });
  });

  it('logs progress and measures pace from it', async () => {
    const { goals } = test.bigrock;
    const goal = await goals.create({
      title: 'Make calls',
      unit: 'calls',
      target: 100,
      startDate: '2026-11-01',
      deadline: '2026-12-11',
    });
    await goals.logProgress(goal.id, { value: 30, date: '2026-11-05', note: 'a good day' });
    await goals.logProgress(goal.id, { value: 25 });
    const detail = await goals.get(goal.id, { asOf: '2026-11-21' });
    expect(detail.dataPoints.map(({ date, value, note }) => ({ date, value, note }))).toEqual([
      { date: '2026-11-05', value: 30, note: 'a good day' },
      { date: '2026-11-21', value: 25, note: null },
    ]);
    expect(detail.pace).toMatchObject({ expected: 50, actual: 55, delta: 5, status: 'ahead', bufferDays: 2 });
    expect(detail.series.length).toBeGreaterThan(10);
  });

  it('refuses a deadline before the start and saves nothing', async () => {
    const { goals } = test.bigrock;
    const before = (await goals.list()).length;
    await expect(
      goals.create({ title: 'Backwards', startDate: '2026-11-10', deadline: '2026-11-01' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'deadline',
    });
    expect(await goals.list()).toHaveLength(before);
  });

  it('refuses a parent that does not exist or that makes a loop', async () => {
    const { goals } = test.bigrock;
    await expect(goals.create({ title: 'Orphan', parentId: 'missing' })).rejects.toMatchObject({ field: 'parentId' });
    const parent = await goals.create({ title: 'Parent' });
    const child = await goals.create({ title: 'Child', parentId: parent.id });
    await expect(goals.update(parent.id, { parentId: child.id })).rejects.toMatchObject({ field: 'parentId' });
  });

  it('edits, archives and restores a goal', async () => {
    const { goals } = test.bigrock;
    const goal = await goals.create({ title: 'Walk daily', target: 30, unit: 'walks', deadline: '2026-12-31' });
    const edited = await goals.update(goal.id, { target: 40, why: null });
    expect(edited).toMatchObject({ target: 40, unit: 'walks', why: null });
    await goals.archive(goal.id);
    expect((await goals.list()).map(({ goal: item }) => item.id)).not.toContain(goal.id);
    expect((await goals.list({ archived: true })).map(({ goal: item }) => item.id)).toContain(goal.id);
    await goals.unarchive(goal.id);
    expect((await goals.get(goal.id)).goal.archivedAt).toBeNull();
  });

  it('names the field when input is wrong', async () => {
    const { goals } = test.bigrock;
    await expect(goals.create({ title: 'x', deadline: '2026-02-30' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'deadline',
      message: 'deadline: must be a date written YYYY-MM-DD, got "2026-02-30".',
    });
    await expect(goals.create({ title: 'x', hoursPerWeek: 200 })).rejects.toMatchObject({ field: 'hoursPerWeek' });
    await expect(goals.logProgress('nope', { value: 1 })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('deletes a data point', async () => {
    const { goals } = test.bigrock;
    const goal = await goals.create({ title: 'Read books', target: 10, unit: 'books', deadline: '2026-12-31' });
    const point = await goals.logProgress(goal.id, { value: 1 });
    await goals.deleteDataPoint(point.id);
    expect((await goals.get(goal.id)).dataPoints).toEqual([]);
    await expect(goals.deleteDataPoint(point.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe.each(dialects)('the demo on %s', (dialect) => {
  let test: TestBigrock;
  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z') });
  });
  afterAll(() => test.cleanup());

  it("loads the seeds' network-marketing plan with goals ahead, on track and behind", async () => {
    const { goalIds } = await test.bigrock.demo.load();
    expect(goalIds).toHaveLength(5);
    const list = await test.bigrock.goals.list();
    const statuses = new Set(list.map(({ pace }) => pace?.status));
    expect(statuses).toEqual(new Set(['ahead', 'on-track', 'behind']));
    const recruits = list.find(({ goal }) => goal.unit === 'recruits');
    expect(recruits?.goal).toMatchObject({ target: 12, hoursPerWeek: 10, partner: 'Maria, my upline coach' });
  });

  it('refuses to mix the demo with goals already there', async () => {
    await expect(test.bigrock.demo.load()).rejects.toMatchObject({ code: 'conflict' });
  });
});
