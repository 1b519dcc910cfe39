import { todayText, type TodayPlan } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

describe.each(dialects)('the planner API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2027-01-20T09:30:00Z'), timeZone: 'America/New_York' });
  });
  afterAll(() => api.close());

  const refused = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const response = await api.send({ method, url, ...(payload && { payload }) });
    return {
      status: response.statusCode,
      error: response.json<{ error: { field?: string; message: string } }>().error,
    };
  };

  it('applies a template to a week, then reads the week, the day and the rocks', async () => {
    const templates = await api.send({ method: 'GET', url: '/api/v1/planner/templates' });
    expect(templates.json<Array<{ name: string }>>().map(({ name }) => name)).toEqual([
      'social-selling',
      'freelancer',
      'coach',
    ]);
    const shown = await api.send({ method: 'GET', url: '/api/v1/planner/templates/coach' });
    expect(shown.json()).toMatchObject({ name: 'coach', shipped: true, stored: false, rows: expect.any(Array) });
    const applied = await api.send({
      method: 'POST',
      url: '/api/v1/planner/templates/freelancer/apply',
      payload: { week: '2027-W03' },
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ week: '2027-W03', made: true, template: 'freelancer' });
    const week = await api.send({ method: 'GET', url: '/api/v1/planner/week?week=2027-W03&hoursAvailable=32.5' });
    expect(week.json()).toMatchObject({ week: '2027-W03', capacity: { hoursAvailable: 32.5 } });

    const added = await api.send({
      method: 'POST',
      url: '/api/v1/planner/blocks',
      payload: { kind: 'meetings', weekday: 'sat', start: '10:00', end: '11:00', week: '2027-W03' },
    });
    expect(added.statusCode).toBe(201);
    const { block } = added.json<{ block: { id: string } }>();
    const edited = await api.send({
      method: 'PATCH',
      url: `/api/v1/planner/blocks/${block.id}`,
      payload: { end: '10:30', note: 'Shorter' },
    });
    expect(edited.json()).toMatchObject({ end: '10:30', note: 'Shorter' });
    expect((await api.send({ method: 'POST', url: `/api/v1/planner/blocks/${block.id}/skip` })).json()).toMatchObject({
      skipped: true,
    });
    expect((await api.send({ method: 'DELETE', url: `/api/v1/planner/blocks/${block.id}` })).statusCode).toBe(204);

    const rock = await api.send({
      method: 'POST',
      url: '/api/v1/planner/rocks',
      payload: { title: 'Ship the draft', estimateMinutes: 90 },
    });
    expect(rock.statusCode).toBe(201);
    expect(rock.json()).toMatchObject({ date: '2027-01-20', status: 'open' });
    const today = await api.send({ method: 'GET', url: '/api/v1/planner/today' });
    expect(today.json()).toMatchObject({
      date: '2027-01-20',
      rock: { title: 'Ship the draft' },
      rockStart: { allowed: true },
      tomorrow: { date: '2027-01-21', rock: null },
    });
    // The same day as the text `bigrock today` prints, in the locale the request names.
    const asText = await api.send({ method: 'GET', url: '/api/v1/planner/today?format=text' });
    expect(asText.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(asText.body).toBe(todayText(today.json<TodayPlan>()));
    expect(asText.body).toContain('Big rock: Ship the draft (open, 90 min)\n');
    const german = await api.send({
      method: 'GET',
      url: '/api/v1/planner/today',
      headers: { accept: 'text/plain', 'accept-language': 'de-DE;q=0.9, en;q=0.5' },
    });
    expect(german.body).toBe(todayText(today.json<TodayPlan>(), 'de-DE'));
    expect(german.body.split('\n')[0]).toBe('Mi., 20. Jan. (2027-W03)');
    const notALanguage = await api.send({
      method: 'GET',
      url: '/api/v1/planner/today?format=text',
      headers: { 'accept-language': '12345, !!' },
    });
    expect(notALanguage.body).toBe(asText.body);
    expect(await refused('GET', '/api/v1/planner/today?format=pdf')).toMatchObject({
      status: 400,
      error: { field: 'format' },
    });
    const done = await api.send({ method: 'POST', url: '/api/v1/planner/rocks/done' });
    expect(done.json()).toMatchObject({ status: 'done' });

    // Tuesday's 09:00-12:00 deep work (freelancer) went by with nothing tracked: broken, not yet always.
    const record = await api.send({ method: 'GET', url: '/api/v1/planner/record?week=2027-W03&weeks=2' });
    expect(record.statusCode).toBe(200);
    const { weeks, blocks } = record.json<{
      weeks: string[];
      blocks: Array<{ weekday: string; kept: number; broken: number; verdict: string }>;
    }>();
    expect(weeks).toEqual(['2027-W02', '2027-W03']);
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((item) => item.kept === 0 && item.broken >= 1)).toBe(true);
    expect(blocks.every((item) => item.verdict === (item.broken >= 2 ? 'always-broken' : 'broken'))).toBe(true);
    expect(blocks.some((item) => item.weekday === 'thu')).toBe(false);
  });

  it('answers bad input with a 4xx naming the field', async () => {
    const block = { kind: 'admin', weekday: 'mon', start: '09:00', end: '10:00' };
    expect(await refused('POST', '/api/v1/planner/blocks', { ...block, start: '11:00' })).toMatchObject({
      status: 400,
      error: { field: 'end', message: expect.stringContaining('must be after the start (11:00)') },
    });
    expect(await refused('POST', '/api/v1/planner/blocks', { ...block, weekday: 'someday' })).toMatchObject({
      status: 400,
      error: { field: 'weekday', message: expect.stringContaining('must be one of mon, tue') },
    });
    expect(await refused('POST', '/api/v1/planner/blocks', { ...block, week: '2027-W60' })).toMatchObject({
      status: 400,
      error: { field: 'week' },
    });
    expect(await refused('POST', '/api/v1/planner/rocks', { title: 'Far', date: '3000-01-01' })).toMatchObject({
      status: 400,
      error: { field: 'date', message: expect.stringContaining('from 1900-01-01 to 2999-12-31') },
    });
    expect(await refused('POST', '/api/v1/planner/rocks/carry', { reason: '' })).toMatchObject({
      status: 400,
      error: { field: 'reason' },
    });
    expect(await refused('GET', '/api/v1/planner/week?hoursAvailable=500')).toMatchObject({
      status: 400,
      error: { field: 'hoursAvailable' },
    });
    expect(await refused('GET', '/api/v1/planner/record?weeks=0')).toMatchObject({
      status: 400,
      error: { field: 'weeks' },
    });
    expect(await refused('GET', '/api/v1/planner/record?weeks=-2')).toMatchObject({
      status: 400,
      error: { field: 'weeks' },
    });
    expect(await refused('GET', '/api/v1/planner/week?week=2027-13')).toMatchObject({
      status: 400,
      error: { field: 'week' },
    });
    expect(await refused('POST', '/api/v1/planner/templates/nine-to-five/apply', {})).toMatchObject({
      status: 404,
      error: { field: 'name' },
    });
    expect(await refused('PATCH', '/api/v1/planner/blocks/t.nothing.2027-01-18', { note: 'x' })).toMatchObject({
      status: 404,
    });
    expect(await refused('POST', '/api/v1/planner/rocks/done', { date: '2027-02-01' })).toMatchObject({ status: 404 });
  });

  it('declares every planner route in the OpenAPI document, none without the session', async () => {
    const document = (await api.send({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(
      Object.keys(document.paths)
        .filter((path) => path.startsWith('/api/v1/planner'))
        .sort(),
    ).toEqual([
      '/api/v1/planner/blocks',
      '/api/v1/planner/blocks/{id}',
      '/api/v1/planner/blocks/{id}/skip',
      '/api/v1/planner/busy',
      '/api/v1/planner/feed',
      '/api/v1/planner/feed/renew',
      '/api/v1/planner/feed/{file}',
      '/api/v1/planner/record',
      '/api/v1/planner/rocks',
      '/api/v1/planner/rocks/carry',
      '/api/v1/planner/rocks/done',
      '/api/v1/planner/rocks/start',
      '/api/v1/planner/templates',
      '/api/v1/planner/templates/{name}',
      '/api/v1/planner/templates/{name}/apply',
      '/api/v1/planner/today',
      '/api/v1/planner/week',
    ]);
    expect((await api.send({ method: 'GET', url: '/api/v1/planner/today', session: false })).statusCode).toBe(401);
  });
});
