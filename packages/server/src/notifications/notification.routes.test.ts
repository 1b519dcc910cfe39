import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

// Monday 2 March 2026, 08:45 in Paris (07:45 UTC).
describe.each(dialects)('the notifications API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2026-03-02T07:45:00Z'), timeZone: 'Europe/Paris' });
  });
  afterAll(() => api.close());

  const patch = (payload: Record<string, unknown>) =>
    api.send({ method: 'PATCH', url: '/api/v1/notifications', payload });

  it('is quiet by default: no digest, no quiet hours', async () => {
    const response = await api.send({ method: 'GET', url: '/api/v1/notifications' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      digestTime: null,
      quietHours: null,
      timeZone: 'Europe/Paris',
      digest: { due: false, reason: 'off', date: '2026-03-02' },
    });
  });

  it('keeps a digest time and quiet hours, changes one without the other, and turns each off', async () => {
    const set = await patch({ digestTime: '08:30', quietHours: { start: '20:00', end: '08:00' } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      digestTime: '08:30',
      quietHours: { start: '20:00', end: '08:00' },
      digest: { due: true, atMs: Date.parse('2026-03-02T07:30:00Z') },
    });
    expect((await patch({ digestTime: '09:15' })).json()).toMatchObject({
      digestTime: '09:15',
      quietHours: { start: '20:00', end: '08:00' },
      digest: { due: false, reason: 'not-yet' },
    });
    expect((await patch({ quietHours: null })).json()).toMatchObject({ digestTime: '09:15', quietHours: null });
    expect((await patch({ digestTime: null })).json()).toMatchObject({ digestTime: null, quietHours: null });
  });

  it('refuses bad times by field, with 400 and nothing changed', async () => {
    await patch({ digestTime: '07:00' });
    for (const [payload, field] of [
      [{ digestTime: '25:00' }, 'digestTime'],
      [{ digestTime: '08:30\u0000' }, 'digestTime'],
      [{ quietHours: { start: '20:00', end: '20:00' } }, 'quietHours.end'],
      [{ quietHours: { start: '20:00' } }, 'quietHours.end'],
      [{ quietHours: { start: '-1:00', end: '08:00' } }, 'quietHours.start'],
      [{ sound: 'loud' }, ''],
    ] as const) {
      const response = await patch(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const { error } = response.json<{ error: { field?: string } }>();
      if (field !== '') expect(error.field).toBe(field);
    }
    expect((await api.send({ method: 'GET', url: '/api/v1/notifications' })).json()).toMatchObject({
      digestTime: '07:00',
    });
  });
});
