import { DEFAULT_MONEY_SETTINGS } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

describe.each(dialects)('the money settings and hourly value API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2027-03-31T20:00:00Z') });
  });
  afterAll(() => api.close());

  const patch = (payload: Record<string, unknown>) => api.send({ method: 'PATCH', url: '/api/v1/settings', payload });
  const settings = async () => (await api.send({ method: 'GET', url: '/api/v1/settings' })).json<unknown>();

  it('starts from the defaults and changes only what a change names', async () => {
    expect(await settings()).toEqual(DEFAULT_MONEY_SETTINGS);
    const changed = await patch({ currency: 'eur', targetHourlyRate: 120, exchangeRates: { usd: 0.9, gbp: 1.15 } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({
      ...DEFAULT_MONEY_SETTINGS,
      currency: 'EUR',
      targetHourlyRate: 120,
      exchangeRates: { USD: 0.9, GBP: 1.15 },
    });
    await patch({ exchangeRates: { GBP: null }, hoursPerWeek: 30 });
    expect(await settings()).toMatchObject({ exchangeRates: { USD: 0.9 }, hoursPerWeek: 30, targetHourlyRate: 120 });
  });

  it('refuses an unknown currency, a rate of −1 and an unknown key, naming the field, and changes nothing', async () => {
    const before = await settings();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ currency: 'XYZ' }, 'currency'],
      [{ targetHourlyRate: -1 }, 'targetHourlyRate'],
      [{ exchangeRates: { USD: -1 } }, 'exchangeRates.USD'],
      [{ exchangeRates: { DOLLARS: 1 } }, 'exchangeRates'],
      [{ weekStart: 'someday' }, 'weekStart'],
      [{ valueWindowDays: 1e12 }, 'valueWindowDays'],
      [{ hourlyRate: 5 }, 'hourlyRate'],
      [{ currency: 'E\u0000UR' }, 'currency'],
    ];
    for (const [payload, field] of cases) {
      const refused = await patch(payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.json<{ error: { field: string } }>().error.field).toContain(field);
    }
    expect(await settings()).toEqual(before);
  });

  it('keeps both of two changes made at once', async () => {
    await Promise.all([patch({ exchangeRates: { JPY: 0.006 } }), patch({ exchangeRates: { CHF: 1.05 } })]);
    expect(await settings()).toMatchObject({ exchangeRates: { USD: 0.9, JPY: 0.006, CHF: 1.05 } });
  });

  it('gives the hourly value over the window, revenue in a currency with no rate kept apart', async () => {
    const entry = (start: string, end: string) =>
      api.send({ method: 'POST', url: '/api/v1/entries', payload: { activity: 'client work', start, end } });
    // 10 h inside the window, 2 h of an entry that starts the day before it (the 90 days end 2027-03-31).
    expect((await entry('2027-03-01T08:00:00Z', '2027-03-01T18:00:00Z')).statusCode).toBe(201);
    expect((await entry('2026-12-31T22:00:00Z', '2027-01-01T02:00:00Z')).statusCode).toBe(201);
    const outcome = (amount: number, currency: string, date: string) =>
      api.send({ method: 'POST', url: '/api/v1/outcomes', payload: { kind: 'revenue', amount, currency, date } });
    expect((await outcome(1000, 'EUR', '2027-03-02')).statusCode).toBe(201);
    expect((await outcome(200, 'USD', '2027-03-03')).statusCode).toBe(201);
    expect((await outcome(5000, 'SEK', '2027-03-04')).statusCode).toBe(201);
    expect((await outcome(9999, 'EUR', '2026-12-31')).statusCode).toBe(201);
    const value = await api.send({ method: 'GET', url: '/api/v1/money/hourly-value' });
    expect(value.statusCode).toBe(200);
    expect(value.json()).toMatchObject({
      from: '2027-01-01',
      to: '2027-03-31',
      seconds: 12 * 3600,
      revenue: { currency: 'EUR', total: 1180, unconverted: [{ currency: 'SEK', amount: 5000 }] },
      hourlyValue: 1180 / 12,
      buybackRate: 1180 / 12 / 4,
      targetHourlyRate: 120,
    });
    const refused = await api.send({ method: 'GET', url: '/api/v1/money/hourly-value?days=0' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { field: string } }>().error.field).toBe('days');
  });
});
