import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Clock } from '../clock.js';
import { dialects } from '../db/open-database.js';
import { buildApp } from '../http/build-app.js';
import { openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

const PORT = 4997;

// The workspace is in New York: 14:00 UTC is 09:00 there (2 March 2026, before daylight saving).
describe.each(dialects)('continuing and moving the timer on %s', (dialect) => {
  let test: TestBigrock;
  let app: FastifyInstance;
  let secret: string;
  const clock = movableClock('2026-03-02T14:00:00Z');

  const send = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { host: `127.0.0.1:${PORT}`, cookie: `bigrock_session=${secret}`, ...options.headers },
    });

  beforeEach(async () => {
    clock.set('2026-03-02T14:00:00Z');
    test = await openTestBigrock(dialect, { clock, port: PORT, timeZone: 'America/New_York' });
    app = await buildApp({ bigrock: test.bigrock });
    secret = await test.bigrock.sessionSecret();
  });
  afterEach(async () => {
    await app.close();
    await test.cleanup();
  });

  it('continues the last stopped entry: its activity, tags and note, from now', async () => {
    const { entries } = test.bigrock;
    await expect(entries.continueTimer()).rejects.toMatchObject({ code: 'not-found' });
    await entries.startTimer({ activity: 'Calls', tags: ['mga'], note: 'Warm list' });
    clock.set('2026-03-02T14:30:00Z');
    await entries.stopTimer();
    clock.set('2026-03-02T15:00:00Z');
    const { started, stopped } = await entries.continueTimer();
    expect(stopped).toBeNull();
    expect(started).toMatchObject({
      activity: 'Calls',
      tags: ['mga'],
      note: 'Warm list',
      start: '2026-03-02T15:00:00.000Z',
      end: null,
      source: 'timer',
    });
  });

  it('continues a named entry while another runs: the running one stops at the same instant', async () => {
    const { entries } = test.bigrock;
    const email = await entries.add({ activity: 'Email', start: '2026-03-02 07:00', end: '2026-03-02 07:30' });
    await entries.startTimer({ activity: 'Calls' });
    clock.set('2026-03-02T14:20:00Z');
    const response = await send({ method: 'POST', url: '/api/v1/timer/continue', payload: { entryId: email.id } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      started: { activity: 'Email', start: '2026-03-02T14:20:00.000Z' },
      stopped: { activity: 'Calls', end: '2026-03-02T14:20:00.000Z' },
    });
    // Without a body: the last stopped entry, Calls.
    clock.set('2026-03-02T14:40:00Z');
    const last = await send({ method: 'POST', url: '/api/v1/timer/continue' });
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json()).toMatchObject({ started: { activity: 'Calls' }, stopped: { activity: 'Email' } });

    const unknown = await send({ method: 'POST', url: '/api/v1/timer/continue', payload: { entryId: 'NOSUCH0000' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { field: 'id' } });
  });

  it('starts a timer at a time that has passed, today in the workspace zone, and stops the running one then', async () => {
    const { entries } = test.bigrock;
    await entries.startTimer({ activity: 'Calls' });
    clock.set('2026-03-02T15:00:00Z');
    const { started, stopped } = await entries.startTimer({ activity: 'Email', start: '09:50' });
    expect(started.start).toBe('2026-03-02T14:50:00.000Z');
    expect(stopped).toMatchObject({ end: '2026-03-02T14:50:00.000Z', durationSeconds: 3000 });
    expect(started.durationSeconds).toBe(600);
    // A full ISO date-time is read as it is.
    clock.set('2026-03-02T15:30:00Z');
    const iso = await entries.startTimer({ activity: 'Calls', start: '2026-03-02T15:20:00Z' });
    expect(iso.started.start).toBe('2026-03-02T15:20:00.000Z');
  });

  it('refuses a start to come, before the running timer, or inside a stopped entry, naming the field', async () => {
    const { entries } = test.bigrock;
    await entries.add({ activity: 'Email', start: '2026-03-02 08:00', end: '2026-03-02 08:45' });
    clock.set('2026-03-02T14:00:00Z');
    await expect(entries.startTimer({ activity: 'Calls', start: '09:30' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'start',
      message: expect.stringContaining('2026-03-02 09:30 is in the future (it is 2026-03-02 09:00 now)'),
    });
    await expect(entries.startTimer({ activity: 'Calls', start: '08:30' })).rejects.toMatchObject({
      field: 'start',
      message: expect.stringContaining('Email was tracked until 2026-03-02 08:45; start at 2026-03-02 08:45 or later'),
    });
    await entries.startTimer({ activity: 'Calls', start: '08:45' });
    await expect(entries.startTimer({ activity: 'Writing', start: '08:40' })).rejects.toMatchObject({
      field: 'start',
      message: expect.stringContaining('Calls has been running since 2026-03-02 08:45'),
    });
    expect(await entries.timer()).toMatchObject({ activity: 'Calls', start: '2026-03-02T13:45:00.000Z' });
  });

  it("moves the running timer's start, and refuses a start to come or inside the entry before", async () => {
    const { entries } = test.bigrock;
    await expect(entries.editTimer({ start: '08:00' })).rejects.toMatchObject({ code: 'not-found' });
    await entries.startTimer({ activity: 'Email' });
    clock.set('2026-03-02T14:30:00Z');
    const { started } = await entries.startTimer({ activity: 'Calls' });
    clock.set('2026-03-02T15:00:00Z');

    const moved = await entries.editTimer({ start: '09:40' });
    expect(moved).toMatchObject({
      id: started.id,
      start: '2026-03-02T14:40:00.000Z',
      end: null,
      durationSeconds: 1200,
    });
    await expect(entries.editTimer({ start: '10:05' })).rejects.toMatchObject({
      field: 'start',
      message: expect.stringContaining('is in the future'),
    });
    await expect(entries.editTimer({ start: '09:20' })).rejects.toMatchObject({
      field: 'start',
      message: expect.stringContaining('Email was tracked until 2026-03-02 09:30; start at 2026-03-02 09:30 or later'),
    });
    expect((await entries.timer())?.start).toBe('2026-03-02T14:40:00.000Z');
    // Back to where the entry before ends is fine.
    expect((await entries.editTimer({ start: '09:30' })).start).toBe('2026-03-02T14:30:00.000Z');
  });

  it('answers the API with the moved timer, and 4xx naming the field for bad input', async () => {
    await test.bigrock.entries.startTimer({ activity: 'Calls' });
    clock.set('2026-03-02T14:30:00Z');
    const moved = await send({ method: 'PATCH', url: '/api/v1/timer', payload: { start: '08:50' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ activity: 'Calls', start: '2026-03-02T13:50:00.000Z' });

    for (const [payload, text] of [
      [{ start: '25:00' }, 'is not a time of day'],
      [{ start: '' }, 'must not be empty'],
      [{}, 'start'],
      [{ start: '2026-03-02 10:00' }, 'is in the future'],
    ] as const) {
      const response = await send({ method: 'PATCH', url: '/api/v1/timer', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ error: { field: 'start', message: expect.stringContaining(text) } });
    }
    const badStart = await send({
      method: 'POST',
      url: '/api/v1/timer/start',
      payload: { activity: 'Email', start: 'soon' },
    });
    expect(badStart.statusCode).toBe(400);
    expect(badStart.json()).toMatchObject({ error: { field: 'start' } });
    const badSeparate = await send({
      method: 'POST',
      url: '/api/v1/timer/start',
      payload: { activity: 'Email', keepSeparate: 'yes' },
    });
    expect(badSeparate.statusCode).toBe(400);
    expect(badSeparate.json()).toMatchObject({ error: { field: 'keepSeparate' } });
    const badEntry = await send({ method: 'POST', url: '/api/v1/timer/continue', payload: { entryId: 42 } });
    expect(badEntry.statusCode).toBe(400);
    expect(badEntry.json()).toMatchObject({ error: { field: 'entryId' } });
    // Nothing changed by the refusals.
    expect(await test.bigrock.entries.timer()).toMatchObject({ activity: 'Calls', start: '2026-03-02T13:50:00.000Z' });

    const names = await send({ method: 'GET', url: '/api/v1/activity-names' });
    expect(names.json()).toEqual({ names: ['Calls'] });
  });
});
