import { gunzipSync } from 'node:zlib';

import type { GoalStanding } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openBigrock, type Bigrock } from '../bigrock.js';
import type { Clock } from '../clock.js';
import { dialects } from '../db/open-database.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

// The goals list is kept between requests while the data is unchanged (http/read-cache.ts): it
// must follow every write, this server's own and another process's (the CLI beside the server).
describe.each(dialects)('the goals list kept between requests, on %s', (dialect) => {
  // A clock the test moves, as the days go by on a server left running.
  let now = new Date('2026-11-20T12:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  let test: TestApp;
  let other: Bigrock;
  let goalId: string;

  const list = async (headers: Record<string, string> = {}) => {
    const response = await test.send({ method: 'GET', url: '/api/v1/goals', headers });
    expect(response.statusCode).toBe(200);
    return response;
  };
  const actual = async () => {
    const standings = (await list()).json<GoalStanding[]>();
    return standings.find(({ goal }) => goal.id === goalId)?.pace?.actual;
  };

  beforeAll(async () => {
    test = await openTestApp(dialect, { clock });
    // A second Bigrock on the same database, as `bigrock goal log` run beside the server.
    other = await openBigrock(test.config, { clock, schema: test.schema });
    const created = await test.send({
      method: 'POST',
      url: '/api/v1/goals',
      payload: { title: 'Make calls', unit: 'calls', target: 100, startDate: '2026-11-01', deadline: '2026-12-01' },
    });
    goalId = created.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await other.close();
    await test.close();
  });

  it('follows the writes of this server', async () => {
    expect(await actual()).toBe(0);
    expect(await actual()).toBe(0);
    const logged = await test.send({ method: 'POST', url: `/api/v1/goals/${goalId}/points`, payload: { value: 7 } });
    expect(logged.statusCode).toBe(201);
    expect(await actual()).toBe(7);
    await test.send({ method: 'DELETE', url: `/api/v1/points/${logged.json<{ id: string }>().id}` });
    expect(await actual()).toBe(0);
  });

  it('follows the writes of another process on the same database', async () => {
    expect(await actual()).toBe(0);
    await other.goals.logProgress(goalId, { value: 5, date: '2026-11-10' });
    expect(await actual()).toBe(5);
    const renamed = await other.goals.update(goalId, { target: 50 });
    const standings = (await list()).json<GoalStanding[]>();
    expect(standings.find(({ goal }) => goal.id === goalId)?.goal).toEqual(renamed);
  });

  it('follows the day: pace is measured on today, without a write', async () => {
    const expected = async () => (await list()).json<GoalStanding[]>()[0]?.pace?.expected ?? NaN;
    const before = await expected();
    now = new Date('2026-11-25T12:00:00Z');
    expect(await expected()).toBeGreaterThan(before);
  });

  it('sends the same answer gzipped to the clients that accept it', async () => {
    const plain = await list();
    const gzipped = await list({ 'accept-encoding': 'br, gzip;q=0.8' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(plain.body);
    const refused = await list({ 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });
});
