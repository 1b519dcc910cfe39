import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

describe.each(dialects)('activities on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-01-12T15:00:00Z') });
  });
  afterAll(() => test.cleanup());

  it('keeps every field of an activity through a round trip, with its goals', async () => {
    const { activities, goals } = test.bigrock;
    const goal = await goals.create({ title: 'Recruit 12 distributors', target: 12, unit: 'recruits' });
    const created = await activities.create({
      name: 'calls',
      unit: 'calls',
      rate: 10,
      ratePeriod: 'day',
      minutesPerUnit: 6,
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      activityClass: 'income',
      goalIds: [goal.id],
      startDate: '2026-01-05',
    });
    const { activity, hoursPerWeek } = await activities.get(created.id);
    expect(activity).toEqual(created);
    expect(activity).toMatchObject({ rate: 10, ratePeriod: 'day', goalIds: [goal.id] });
    expect(hoursPerWeek).toBe(5);
    expect((await activities.get('Calls')).activity.id).toBe(created.id);
  });

  it('gives a new activity its name as unit, weekdays, the income class and today as start', async () => {
    const activity = await test.bigrock.activities.create({ name: 'follow-up emails' });
    expect(activity).toMatchObject({
      unit: 'follow-up emails',
      rate: null,
      ratePeriod: null,
      minutesPerUnit: null,
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      activityClass: 'income',
      goalIds: [],
      startDate: '2026-01-12',
    });
  });

  it('refuses a second activity of the same name, whatever its case', async () => {
    const { activities } = test.bigrock;
    await activities.create({ name: 'Blog posts' });
    await expect(activities.create({ name: 'blog posts' })).rejects.toMatchObject({ code: 'conflict', field: 'name' });
  });

  it('names the field when the input is wrong', async () => {
    const { activities } = test.bigrock;
    await expect(activities.create({ name: 'x', rate: 3 })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'ratePeriod',
    });
    await expect(activities.create({ name: 'y', goalIds: ['nope'] })).rejects.toMatchObject({ field: 'goalIds' });
    await expect(activities.log('no such activity', { count: 1 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(activities.log('calls', { count: 0 })).rejects.toMatchObject({ field: 'count' });
    const gym = await activities.create({ name: 'gym', rate: 3, ratePeriod: 'times-a-week' });
    await expect(activities.update(gym.id, { rate: 9 })).rejects.toMatchObject({ field: 'rate' });
  });

  it('logs counts and measures the pace and streak from them', async () => {
    const { activities } = test.bigrock;
    await activities.create({ name: 'dials', rate: 10, ratePeriod: 'day', startDate: '2026-01-05' });
    for (const [date, count] of [
      ['2026-01-05', 12],
      ['2026-01-06', 10],
      ['2026-01-07', 8],
      ['2026-01-08', 10],
    ] as const)
      await activities.log('dials', { count, date });
    const log = await activities.log('dials', { count: 10, note: 'a good Monday' });
    expect(log).toMatchObject({ date: '2026-01-12', count: 10, note: 'a good Monday' });

    const detail = await activities.get('dials');
    expect(detail.pace).toMatchObject({
      expected: 50,
      actual: 50,
      status: 'on-track',
      streak: { unit: 'day', current: 1, longest: 2 },
    });
    expect(detail.logs).toHaveLength(5);
    expect(detail.series.at(-1)).toEqual({ date: '2026-01-12', expected: 50, actual: 50 });

    await activities.deleteLog(log.id);
    expect((await activities.get('dials')).pace?.actual).toBe(40);
    await expect(activities.deleteLog(log.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('shifts the line over a planned break', async () => {
    const { activities } = test.bigrock;
    await activities.create({ name: 'gym sessions', rate: 10, ratePeriod: 'day', startDate: '2026-01-05' });
    await activities.log('gym sessions', { count: 10, date: '2026-01-05' });
    await activities.log('gym sessions', { count: 10, date: '2026-01-06' });
    expect((await activities.get('gym sessions')).pace?.status).toBe('behind');
    const pause = await activities.addBreak('gym sessions', { start: '2026-01-07', end: '2026-01-09', note: 'flu' });
    expect((await activities.get('gym sessions')).pace).toMatchObject({ expected: 20, actual: 20, status: 'on-track' });
    expect((await activities.get('gym sessions')).breaks).toEqual([pause]);
    await expect(activities.addBreak('gym sessions', { start: '2026-01-09', end: '2026-01-07' })).rejects.toMatchObject(
      {
        field: 'end',
      },
    );
  });

  it('lists activities with their pace as of a day', async () => {
    const list = await test.bigrock.activities.list({ asOf: '2026-01-06' });
    expect(list.find(({ activity }) => activity.name === 'dials')?.pace).toMatchObject({ expected: 10, actual: 22 });
  });

  it('edits and deletes an activity, but not one a funnel stands on', async () => {
    const { activities, funnels } = test.bigrock;
    const edited = await activities.update('follow-up emails', {
      name: 'emails',
      minutesPerUnit: 4,
      activityClass: 'supporting',
    });
    expect(edited).toMatchObject({ name: 'emails', minutesPerUnit: 4, activityClass: 'supporting' });
    await funnels.create({
      name: 'email funnel',
      target: 5,
      deadline: '2026-03-01',
      hoursPerWeek: 5,
      stages: [{ activity: 'emails' }, { activity: 'replies', conversion: 0.2 }],
    });
    await expect(activities.delete('emails')).rejects.toMatchObject({ code: 'conflict' });
    await activities.delete('blog posts');
    await expect(activities.get('blog posts')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe.each(dialects)("the goal check's achievable and activity-based on %s", (dialect) => {
  let test: TestBigrock;
  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-01-05T12:00:00Z') });
  });
  afterAll(() => test.cleanup());

  const statusOf = async (goalId: string) =>
    Object.fromEntries(
      (await test.bigrock.goals.check(goalId)).dimensions.map(({ key, status, fix }) => [key, { status, fix }]),
    );

  it('pass for a goal whose linked activities fit its hours, and say so when they do not', async () => {
    const { goals, activities } = test.bigrock;
    const goal = await goals.create({
      title: 'Recruit 12 distributors from my warm market',
      target: 12,
      unit: 'recruits',
      deadline: '2026-03-30',
      hoursPerWeek: 10,
    });
    let check = await statusOf(goal.id);
    expect(check.achievable?.status).toBe('warn');
    expect(check['activity-based']?.status).toBe('warn');

    await activities.create({ name: 'calls', rate: 10, ratePeriod: 'day', minutesPerUnit: 6, goalIds: [goal.id] });
    await activities.create({
      name: 'appointments',
      rate: 5,
      ratePeriod: 'week',
      minutesPerUnit: 45,
      goalIds: [goal.id],
    });
    await activities.create({ name: 'recruits', rate: 1, ratePeriod: 'week', minutesPerUnit: 60, goalIds: [goal.id] });
    check = await statusOf(goal.id);
    expect(check.achievable).toEqual({ status: 'pass', fix: null });
    expect(check['activity-based']).toEqual({ status: 'pass', fix: null });

    await goals.update(goal.id, { hoursPerWeek: 8 });
    check = await statusOf(goal.id);
    expect(check.achievable?.status).toBe('fail');
    expect(check.achievable?.fix).toContain('9.8 h a week but you have 8 h');
    const listed = (await goals.list()).find((standing) => standing.goal.id === goal.id);
    expect(listed?.check.dimensions.find(({ key }) => key === 'achievable')?.status).toBe('fail');
  });
});
