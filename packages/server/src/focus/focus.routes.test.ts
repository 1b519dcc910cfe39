import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

describe.each(dialects)('the focus API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2026-03-02T09:00:00Z'), timeZone: 'Europe/Berlin' });
  });
  afterAll(() => api.close());

  const post = (url: string, payload?: object) =>
    api.send({ method: 'POST', url: `/api/v1/focus/${url}`, ...(payload && { payload }) });
  const errorOf = (response: Awaited<ReturnType<typeof post>>) =>
    response.json<{ error: { code: string; field?: string; message: string } }>().error;

  it('answers an interrupt, a pause or a done with no session running 409, naming the problem', async () => {
    for (const [url, payload] of [
      ['interrupt', { kind: 'external' }],
      ['pause', undefined],
      ['resume', undefined],
      ['done', undefined],
      ['abandon', { reason: 'Tired' }],
    ] as const) {
      const response = await post(url, payload);
      expect(response.statusCode, url).toBe(409);
      expect(errorOf(response), url).toMatchObject({ code: 'conflict', field: 'session' });
      expect(errorOf(response).message, url).toMatch(/no focus session is running/);
    }
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: Array<[string, object, string]> = [
      ['start', {}, 'activity'],
      ['start', { activity: 'Calls', minutes: -5 }, 'minutes'],
      ['start', { activity: 'Calls', minutes: 1e9 }, 'minutes'],
      ['start', { activity: 'Calls', minutes: 2.5 }, 'minutes'],
      ['start', { activity: 'x'.repeat(201) }, 'activity'],
      ['start', { rock: 'yes' }, 'rock'],
      ['interrupt', { kind: 'boredom' }, 'kind'],
      ['interrupt', { kind: 'internal', note: 'n'.repeat(501) }, 'note'],
      ['abandon', {}, 'reason'],
      ['abandon', { reason: '   ' }, 'reason'],
    ];
    for (const [url, payload, field] of cases) {
      const response = await post(url, payload);
      expect(response.statusCode, `${url} ${JSON.stringify(payload).slice(0, 60)}`).toBe(400);
      expect(errorOf(response).field).toBe(field);
    }
    const stats = await api.send({ method: 'GET', url: '/api/v1/focus/stats?from=2026-02-30' });
    expect(stats.statusCode).toBe(400);
    expect(errorOf(stats).field).toBe('from');
    const backwards = await api.send({ method: 'GET', url: '/api/v1/focus/stats?from=2026-03-05&to=2026-03-01' });
    expect(backwards.statusCode).toBe(400);
    expect(errorOf(backwards).field).toBe('to');
  });

  it('starts, interrupts, finishes, and reads the current session and the statistics', async () => {
    const started = await post('start', { activity: 'Calls', minutes: 30 });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ session: { status: 'running', plannedSeconds: 1800 }, stopped: null });
    expect((await post('start', { activity: 'Email' })).statusCode).toBe(409);
    const interrupted = await post('interrupt', { kind: 'internal', note: 'Checked the phone' });
    expect(interrupted.statusCode).toBe(201);
    const current = await api.send({ method: 'GET', url: '/api/v1/focus/current' });
    expect(current.json()).toMatchObject({
      session: { activity: 'Calls', interruptions: [{ kind: 'internal', note: 'Checked the phone' }] },
      defaultMinutes: 30,
    });
    const done = await post('done');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done' });
    const stats = await api.send({ method: 'GET', url: '/api/v1/focus/stats?from=2026-03-02&to=2026-03-08' });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({
      timeZone: 'Europe/Berlin',
      sessions: { finished: 1, abandoned: 0 },
      interruptions: { internal: 1, external: 0 },
    });
  });

  it('lists every focus route in the OpenAPI document', async () => {
    const document = (await api.send({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: object }>();
    expect(
      Object.keys(document.paths)
        .filter((path) => path.startsWith('/api/v1/focus'))
        .sort(),
    ).toEqual([
      '/api/v1/focus/abandon',
      '/api/v1/focus/current',
      '/api/v1/focus/done',
      '/api/v1/focus/interrupt',
      '/api/v1/focus/pause',
      '/api/v1/focus/resume',
      '/api/v1/focus/start',
      '/api/v1/focus/stats',
    ]);
  });
});
