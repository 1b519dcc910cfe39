import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

describe.each(dialects)('the activities API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2026-01-12T12:00:00Z') });
  });
  afterAll(() => api.close());

  it('adds an activity, logs a count by name and reports its pace', async () => {
    const created = await api.send({
      method: 'POST',
      url: '/api/v1/activities',
      payload: { name: 'calls', rate: 10, ratePeriod: 'day', minutesPerUnit: 6, startDate: '2026-01-05' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'calls', unit: 'calls', activityClass: 'income' });

    const logged = await api.send({
      method: 'POST',
      url: '/api/v1/activities/calls/logs',
      payload: { count: 8, date: '2026-01-09' },
    });
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({ count: 8, date: '2026-01-09' });

    const detail = await api.send({ method: 'GET', url: '/api/v1/activities/calls?asOf=2026-01-12' });
    expect(detail.json()).toMatchObject({
      hoursPerWeek: 5,
      pace: { expected: 50, actual: 8, status: 'behind' },
      logs: [{ count: 8 }],
    });
    const list = await api.send({ method: 'GET', url: '/api/v1/activities' });
    expect(list.json<Array<{ activity: { name: string } }>>().map(({ activity }) => activity.name)).toEqual(['calls']);
  });

  it('plans a break, edits and deletes through the API', async () => {
    const pause = await api.send({
      method: 'POST',
      url: '/api/v1/activities/calls/breaks',
      payload: { start: '2026-01-06', end: '2026-01-08' },
    });
    expect(pause.statusCode).toBe(201);
    const edited = await api.send({ method: 'PATCH', url: '/api/v1/activities/calls', payload: { minutesPerUnit: 5 } });
    expect(edited.json()).toMatchObject({ minutesPerUnit: 5 });
    const removedBreak = await api.send({
      method: 'DELETE',
      url: `/api/v1/activity-breaks/${pause.json<{ id: string }>().id}`,
    });
    expect(removedBreak.statusCode).toBe(204);
    await api.send({
      method: 'POST',
      url: '/api/v1/activities',
      payload: { name: 'scrolling', activityClass: 'waste' },
    });
    expect((await api.send({ method: 'DELETE', url: '/api/v1/activities/scrolling' })).statusCode).toBe(204);
  });

  it('answers a mistake with a 400 naming the field, and a name taken with a 409', async () => {
    const missingPeriod = await api.send({
      method: 'POST',
      url: '/api/v1/activities',
      payload: { name: 'emails', rate: 3 },
    });
    expect(missingPeriod.statusCode).toBe(400);
    expect(missingPeriod.json()).toMatchObject({ error: { code: 'invalid-input', field: 'ratePeriod' } });
    const badCount = await api.send({
      method: 'POST',
      url: '/api/v1/activities/calls/logs',
      payload: { count: 'eight' },
    });
    expect(badCount.json()).toMatchObject({ error: { field: 'count' } });
    const taken = await api.send({ method: 'POST', url: '/api/v1/activities', payload: { name: 'Calls' } });
    expect(taken.statusCode).toBe(409);
    expect((await api.send({ method: 'GET', url: '/api/v1/activities/nothing' })).statusCode).toBe(404);
  });

  it('lets no change through without the session', async () => {
    const anonymous = await api.send({
      method: 'POST',
      url: '/api/v1/activities/calls/logs',
      payload: { count: 1 },
      session: false,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
