import type { GoalDetail, GoalSourceChoices, GoalStanding, TimeBucket } from '@bigrock/core';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createActivityRepository } from '../activities/activity.repository.js';
import { DEFAULT_WORKSPACE_ID } from '../bigrock.js';
import { dialects } from '../db/open-database.js';
import { buildApp } from '../http/build-app.js';
import { createMoneySettingsRepository } from '../money/money-settings.repository.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { createWorkspaceRepository } from '../workspaces/workspace.repository.js';
import { createGoalRepository } from './goal.repository.js';
import { createGoalService } from './goal.service.js';
import { createGoalSourceRepository } from './goal-source.repository.js';

const PORT = 4997;

describe.each(dialects)('goals fed by a source on %s', (dialect) => {
  let test: TestBigrock;
  let app: FastifyInstance;
  let secret: string;

  const send = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { host: `127.0.0.1:${PORT}`, cookie: `bigrock_session=${secret}`, ...options.headers },
    });
  const created = async (url: string, payload: object) => {
    const response = await send({ method: 'POST', url, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>();
  };
  const detail = async (id: string) => (await send({ method: 'GET', url: `/api/v1/goals/${id}` })).json<GoalDetail>();
  const listed = async (id: string) =>
    (await send({ method: 'GET', url: '/api/v1/goals' })).json<GoalStanding[]>().find((each) => each.goal.id === id);

  beforeAll(async () => {
    // 15:00 in New York on 10 March 2026; the zone moved to daylight time on the 8th.
    test = await openTestBigrock(dialect, {
      clock: fixedClock('2026-03-10T19:00:00Z'),
      port: PORT,
      timeZone: 'America/New_York',
    });
    app = await buildApp({ bigrock: test.bigrock });
    secret = await test.bigrock.sessionSecret();
  });
  afterAll(async () => {
    await app.close();
    await test.cleanup();
  });

  it('moves a goal fed by an activity when calls are logged on it, in the list and the detail', async () => {
    const calls = await created('/api/v1/activities', { name: 'Calls', unit: 'calls' });
    const goal = await created('/api/v1/goals', {
      title: 'Make 200 calls',
      unit: 'calls',
      target: 200,
      startDate: '2026-03-01',
      deadline: '2026-03-21',
      source: { kind: 'activity', activityId: calls.id },
    });
    expect((await detail(goal.id)).goal.source).toEqual({ kind: 'activity', activityId: calls.id });
    expect((await detail(goal.id)).pace).toMatchObject({ actual: 0 });

    // Before the goal's start: not counted. Then 8 calls today, and 5 on the 2nd.
    await created(`/api/v1/activities/${calls.id}/logs`, { count: 30, date: '2026-02-27' });
    await created(`/api/v1/activities/${calls.id}/logs`, { count: 8 });
    await created(`/api/v1/activities/${calls.id}/logs`, { count: 5, date: '2026-03-02' });

    const shown = await detail(goal.id);
    // 9 of 20 days: the line expects 90.
    expect(shown.pace).toMatchObject({ asOf: '2026-03-10', actual: 13, expected: 90, status: 'behind' });
    expect(shown.fedBy).toEqual({ description: 'the counts logged on the activity "Calls"', activityName: 'Calls' });
    expect(shown.series.find(({ date }) => date === '2026-03-02')?.actual).toBe(5);
    expect(shown.series.find(({ date }) => date === '2026-03-10')?.actual).toBe(13);
    expect(shown.check.dimensions.find(({ key }) => key === 'track-able')?.status).toBe('pass');
    const inList = await listed(goal.id);
    expect(inList?.pace).toEqual(shown.pace);
    expect(inList?.series).toEqual(shown.series);
  });

  it('refuses a data point on a fed goal, saying where to log instead', async () => {
    const calls = await test.bigrock.activities.get('Calls');
    const goal = await created('/api/v1/goals', { title: 'Calls again', source: `activity:${calls.activity.id}` });
    const refused = await send({ method: 'POST', url: `/api/v1/goals/${goal.id}/points`, payload: { value: 3 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: {
        code: 'conflict',
        field: 'source',
        message: expect.stringMatching(/fed by the counts logged on the activity "Calls".*log counts on the activity/),
      },
    });
    expect((await detail(goal.id)).dataPoints).toEqual([]);
  });

  it('adds up the hours of entries with a tag as Tracking does, day by day', async () => {
    const entry = (activity: string, start: string, end: string, tags: string[]) =>
      created('/api/v1/entries', { activity, start, end, tags });
    await entry('Writing', '2026-03-02 09:00', '2026-03-02 10:30', ['book']);
    await entry('Research', '2026-03-02 14:00', '2026-03-02 14:30', ['book', 'web']);
    // Across midnight: 30 minutes on the 3rd, 45 on the 4th, as Tracking splits it.
    await entry('Writing', '2026-03-03 23:30', '2026-03-04 00:45', ['book']);
    // The day daylight time began: still counted by the workspace's calendar.
    await entry('Writing', '2026-03-08 01:30', '2026-03-08 03:30', ['book']);
    await entry('Writing', '2026-03-05 09:00', '2026-03-05 12:00', ['Booking']);
    await entry('Writing', '2026-03-06 09:00', '2026-03-06 10:00', []);

    const goal = await created('/api/v1/goals', {
      title: 'Write the book',
      unit: 'hours',
      target: 40,
      startDate: '2026-03-01',
      deadline: '2026-03-31',
      source: 'hours:#book',
    });
    const summary = (await send({ method: 'GET', url: '/api/v1/entries/summary?from=2026-03-01&to=2026-03-10' })).json<
      TimeBucket[]
    >();
    const shown = await detail(goal.id);
    const actualOn = (date: string) => shown.series.find((point) => point.date === date)?.actual;
    // Tracking's days, with only the entries tagged "book": 90 + 30 min on the 2nd, 30 on the 3rd, 45 on the 4th, 60 on the 8th (a 23-hour day).
    expect(actualOn('2026-03-02')).toBe(2);
    expect(actualOn('2026-03-03')).toBe(2.5);
    expect(actualOn('2026-03-04')).toBe(3.25);
    expect(actualOn('2026-03-08')).toBe(4.25);
    expect(shown.pace?.actual).toBe(4.25);
    expect(shown.fedBy?.description).toBe('the hours of time entries tagged #book');
    // On the days all tracked time is tagged book, the goal moves by Tracking's hours of the day.
    const trackedOn = (date: string) => (summary.find((bucket) => bucket.start === date)?.seconds ?? 0) / 3600;
    expect(trackedOn('2026-03-02')).toBe(2);
    expect(trackedOn('2026-03-04')).toBe((actualOn('2026-03-04') ?? 0) - (actualOn('2026-03-03') ?? 0));
    expect(trackedOn('2026-03-08')).toBe((actualOn('2026-03-08') ?? 0) - (actualOn('2026-03-07') ?? 0));

    // By activity: every hour on "writing" (found ignoring case), tags or not.
    const writing = await created('/api/v1/goals', {
      title: 'Write',
      startDate: '2026-03-01',
      deadline: '2026-03-31',
      target: 60,
      source: { kind: 'hours', activity: 'writing' },
    });
    const written = await detail(writing.id);
    expect(written.goal.source).toEqual({ kind: 'hours', activity: 'Writing', tag: null });
    const writingSeconds = summary
      .flatMap((bucket) => bucket.activities)
      .filter(({ activity }) => activity === 'Writing')
      .reduce((total, { seconds }) => total + seconds, 0);
    expect(written.pace?.actual).toBe(writingSeconds / 3600);
    expect(written.pace?.actual).toBe(7.75);
  });

  it('adds up the outcomes of a kind, or of a kind and a channel', async () => {
    const outcome = (payload: object) => created('/api/v1/outcomes', payload);
    await outcome({ kind: 'client', amount: 1, date: '2026-03-03', channel: 'Referral' });
    await outcome({ kind: 'client', amount: 2, date: '2026-03-04', channel: 'LinkedIn' });
    await outcome({ kind: 'client', amount: 1, date: '2026-03-04', channel: 'Referral' });
    await outcome({ kind: 'lead', amount: 7, date: '2026-03-04', channel: 'Referral' });
    await outcome({ kind: 'client', amount: 4, date: '2026-02-20', channel: 'Referral' });

    const goal = (source: unknown) =>
      created('/api/v1/goals', {
        title: 'Clients',
        target: 10,
        startDate: '2026-03-01',
        deadline: '2026-06-01',
        source,
      });
    const all = await goal('outcome:clients');
    const referral = await goal({ kind: 'outcome', outcome: 'client', channel: 'referral' });
    expect((await detail(all.id)).pace?.actual).toBe(4);
    const fromReferral = await detail(referral.id);
    expect(fromReferral.goal.source).toEqual({
      kind: 'outcome',
      outcome: 'client',
      channel: 'Referral',
      activity: null,
    });
    expect(fromReferral.pace?.actual).toBe(2);
    expect(fromReferral.fedBy?.description).toBe('the clients recorded as outcomes from the channel "Referral"');

    // A goal made manual again reads its own data points.
    const patched = await send({ method: 'PATCH', url: `/api/v1/goals/${all.id}`, payload: { source: 'manual' } });
    expect(patched.json()).toMatchObject({ source: { kind: 'manual' } });
    await created(`/api/v1/goals/${all.id}/points`, { value: 1, date: '2026-03-05' });
    expect((await detail(all.id)).pace?.actual).toBe(1);
  });

  it('counts revenue in the workspace currency: other currencies at their rates, none without one', async () => {
    const outcome = (payload: object) => created('/api/v1/outcomes', payload);
    await send({ method: 'PATCH', url: '/api/v1/settings', payload: { currency: 'EUR' } });
    await outcome({ kind: 'revenue', amount: 1000, currency: 'EUR', date: '2026-03-03' });
    await outcome({ kind: 'revenue', amount: 500, currency: 'USD', date: '2026-03-04' });
    await outcome({ kind: 'revenue', amount: 20_000, currency: 'JPY', date: '2026-03-04' });
    const goal = await created('/api/v1/goals', {
      title: 'Revenue',
      unit: 'EUR',
      target: 10_000,
      startDate: '2026-03-01',
      deadline: '2026-06-01',
      source: 'outcome:revenue',
    });
    // No rate yet: only the euros count; the dollars and the yen are not added as if they were euros.
    expect((await detail(goal.id)).pace?.actual).toBe(1000);
    await send({ method: 'PATCH', url: '/api/v1/settings', payload: { exchangeRates: { USD: 0.9 } } });
    expect((await detail(goal.id)).pace?.actual).toBeCloseTo(1450, 9);
    expect((await listed(goal.id))?.pace?.actual).toBeCloseTo(1450, 9);
  });

  it('offers the data that exists to feed a goal from', async () => {
    const choices = (await send({ method: 'GET', url: '/api/v1/goal-sources' })).json<GoalSourceChoices>();
    expect(choices.activities.map(({ name }) => name)).toEqual(['Calls']);
    expect(choices.entryActivities).toEqual(['Calls', 'Research', 'Writing']);
    expect(choices.tags).toEqual(['book', 'Booking', 'web']);
    expect(choices.channels).toEqual(['LinkedIn', 'Referral']);
  });

  it('answers bad source input with a 4xx naming source, and changes nothing', async () => {
    const refused = async (payload: object, field: string, pattern: RegExp) => {
      const response = await send({ method: 'POST', url: '/api/v1/goals', payload: { title: 'Bad', ...payload } });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({
        error: { code: 'invalid-input', field, message: expect.stringMatching(pattern) },
      });
    };
    const before = (await send({ method: 'GET', url: '/api/v1/goals' })).json<GoalStanding[]>().length;
    await refused({ source: 'calls' }, 'source', /^source: write one of manual/);
    await refused({ source: 'outcome:sales' }, 'source', /"sales" is not a kind of outcome/);
    await refused({ source: { kind: 'hours' } }, 'source', /name either an activity or a tag/);
    await refused({ source: 'activity:Nope' }, 'source', /no activity has the id or name "Nope"/);
    await refused({ source: 'hours:Gardening' }, 'source', /no activity or time entry is named "Gardening"/);
    await refused({ trackingSource: 'timer' }, 'trackingSource', /is replaced by source: send source as one of/);
    expect((await send({ method: 'GET', url: '/api/v1/goals' })).json<GoalStanding[]>()).toHaveLength(before);

    // The old label "manual" is still taken.
    const old = await created('/api/v1/goals', { title: 'Old client', trackingSource: 'manual' });
    expect((await detail(old.id)).goal.source).toEqual({ kind: 'manual' });
  });

  it('keeps the goals list to one query per kind of source, however many goals', async () => {
    let queries = 0;
    const counted = test.bigrock.db.withPlugin({
      transformQuery: ({ node }) => {
        queries++;
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    const goals = createGoalService({
      goals: createGoalRepository(counted),
      activities: createActivityRepository(counted),
      sources: createGoalSourceRepository(counted),
      workspaces: createWorkspaceRepository(counted),
      moneySettings: createMoneySettingsRepository(counted, dialect),
      clock: fixedClock('2026-03-10T19:00:00Z'),
      workspaceId: DEFAULT_WORKSPACE_ID,
    });
    const queriesToList = async () => {
      queries = 0;
      await goals.list();
      return queries;
    };
    const before = await queriesToList();
    const calls = await test.bigrock.activities.get('Calls');
    for (let index = 0; index < 60; index++) {
      const source = [`activity:${calls.activity.id}`, 'hours:#book', 'outcome:revenue', 'hours:Writing'][index % 4];
      await test.bigrock.goals.create({ title: `Fed ${index}`, target: 10, deadline: '2026-04-01', source });
      await test.bigrock.goals.create({ title: `Manual ${index}`, target: 10, deadline: '2026-04-01' });
    }
    const list = await goals.list();
    expect(list.filter(({ fedBy }) => fedBy !== null).length).toBeGreaterThanOrEqual(60);
    expect(await queriesToList()).toBe(before);
  });
});
