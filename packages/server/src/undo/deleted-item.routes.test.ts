import { DELETED_ITEM_HEADER, UNDO_WINDOW_MS } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

const START = Date.parse('2026-03-04T15:00:00Z');

describe.each(dialects)('the undo API on %s', (dialect) => {
  let test: TestApp;
  let nowMs = START;

  beforeAll(async () => {
    test = await openTestApp(dialect, { clock: { now: () => new Date(nowMs) }, port: 4997 });
  });
  afterAll(() => test.close());

  const json = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    test.send({ method, url: `/api/v1${url}`, ...(payload !== undefined && { payload: payload as object }) });

  it('answers each delete 204 with the id to undo it by, and restores it with 200', async () => {
    const goal = (await json('POST', '/goals', { title: 'Recruit', target: 12, deadline: '2026-06-01' })).json();
    const point = (await json('POST', `/goals/${goal.id}/points`, { value: 2, date: '2026-03-02' })).json();
    const entry = (
      await json('POST', '/entries', { activity: 'Calls', start: '2026-03-02 09:00', end: '2026-03-02 10:00' })
    ).json();
    const outcome = (await json('POST', '/outcomes', { kind: 'client', amount: 1, date: '2026-03-02' })).json();
    await json('POST', '/activities', { name: 'Calls' });
    const log = (await json('POST', '/activities/Calls/logs', { count: 8 })).json();

    for (const [url, kind, itemId] of [
      [`/points/${point.id}`, 'data-point', point.id],
      [`/entries/${entry.id}`, 'time-entry', entry.id],
      [`/outcomes/${outcome.id}`, 'outcome', outcome.id],
      [`/activity-logs/${log.id}`, 'activity-log', log.id],
    ]) {
      const deleted = await json('DELETE', url);
      expect(deleted.statusCode, url).toBe(204);
      const deletedId = deleted.headers[DELETED_ITEM_HEADER];
      expect(typeof deletedId).toBe('string');
      expect((await json('GET', '/deleted')).json()[0]).toMatchObject({ id: deletedId, kind, itemId });
      expect((await json('DELETE', url)).statusCode).toBe(404);

      const restored = await json('POST', `/deleted/${String(deletedId)}/restore`);
      expect(restored.statusCode, url).toBe(200);
      expect(restored.json()).toMatchObject({ id: deletedId, kind, itemId, restoredAt: new Date(nowMs).toISOString() });
      const again = await json('POST', `/deleted/${String(deletedId)}/restore`);
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'conflict', field: 'id' });
    }
    expect((await json('GET', `/goals/${goal.id}`)).json().dataPoints).toEqual([point]);
    expect((await json('GET', `/entries/${entry.id}`)).json()).toEqual(entry);
    expect((await json('GET', '/deleted')).json()).toEqual([]);
  });

  it('answers 404 for an unknown deleted item and 410 for one past 24 hours', async () => {
    const unknown = await json('POST', '/deleted/nosuchitem/restore');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('No deleted item has the id "nosuchitem"');

    const outcome = (await json('POST', '/outcomes', { kind: 'lead', amount: 2, date: '2026-03-04' })).json();
    const deletedId = String((await json('DELETE', `/outcomes/${outcome.id}`)).headers[DELETED_ITEM_HEADER]);
    nowMs += UNDO_WINDOW_MS;
    const late = await json('POST', `/deleted/${deletedId}/restore`);
    expect(late.statusCode).toBe(410);
    expect(late.json().error).toMatchObject({ code: 'gone', field: 'id' });
    expect(late.json().error.message).toContain('kept for 24 hours');
  });

  it('changes a data point with PATCH, and refuses bad input naming the field', async () => {
    const goal = (await json('POST', '/goals', { title: 'Calls', target: 100, deadline: '2026-12-01' })).json();
    const point = (await json('POST', `/goals/${goal.id}/points`, { value: 5, date: '2026-03-01' })).json();
    const patched = await json('PATCH', `/points/${point.id}`, { value: 7.5, date: '2026-03-03', note: 'recounted' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toEqual({ ...point, value: 7.5, date: '2026-03-03', note: 'recounted' });

    for (const [body, field] of [
      [{ value: 'many' }, 'value'],
      [{ value: 2e12 }, 'value'],
      [{ date: '2026-3-3' }, 'date'],
      [{ date: '1899-12-31' }, 'date'],
      [{ note: 'x'.repeat(501) }, 'note'],
      [{ note: 'a\u0000b' }, 'note'],
    ] as const) {
      const refused = await json('PATCH', `/points/${point.id}`, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.field).toBe(field);
      expect(refused.json().error.message).toMatch(new RegExp(`^${field}: `));
    }
    expect((await json('GET', `/goals/${goal.id}`)).json().dataPoints).toEqual([patched.json()]);
    const unknown = await json('PATCH', '/points/nosuchpoint', { value: 1 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.field).toBe('id');
  });
});
