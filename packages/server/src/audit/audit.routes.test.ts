import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

interface Report {
  attribution: string;
  attributionDescription: string;
  totalSeconds: number;
  activities: Array<{ activity: string; seconds: number; revenue: { total: number }; effectiveRate: number | null }>;
  wasters: Array<{ activity: string; cost: number; calledOut: boolean; message: string }>;
  unattributed: { total: number };
  revenue: { total: number; unconverted: Array<{ currency: string; amount: number }> };
  channels: Array<{ channel: string; hours: number; clients: number }>;
  classWeeks: Array<{ week: string; totalSeconds: number }>;
  warnings: string[];
  hourlyValue: number | null;
}

describe.each(dialects)('the time audit API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2027-03-31T20:00:00Z') });
    const post = async (url: string, payload: Record<string, unknown>) => {
      const answer = await api.send({ method: 'POST', url: `/api/v1/${url}`, payload });
      expect(answer.statusCode, `${url} ${answer.body}`).toBe(201);
    };
    await post('activities', { name: 'Networking', unit: 'events', activityClass: 'income' });
    await post('activities', { name: 'Client work', unit: 'hours', activityClass: 'income' });
    await post('activities', { name: 'Admin', unit: 'hours', activityClass: 'supporting' });
    // Seed 004: one networking event every Wednesday of March, 3 hours with the drive.
    for (const day of ['03', '10', '17', '24']) {
      await post('entries', { activity: 'networking', start: `2027-03-${day} 17:00`, end: `2027-03-${day} 20:00` });
    }
    await post('entries', { activity: 'Client work', start: '2027-03-02 08:00', end: '2027-03-02 18:00' });
    await post('entries', { activity: 'Admin', start: '2027-03-04 09:00', end: '2027-03-04 11:00' });
    await post('outcomes', {
      kind: 'revenue',
      amount: 1500,
      currency: 'USD',
      date: '2027-03-20',
      activity: 'Client work',
    });
    await post('outcomes', { kind: 'revenue', amount: 440, currency: 'USD', date: '2027-03-25', channel: 'Referral' });
    await post('outcomes', {
      kind: 'revenue',
      amount: 5000,
      currency: 'SEK',
      date: '2027-03-26',
      activity: 'Client work',
    });
    await post('outcomes', { kind: 'client', amount: 1, date: '2027-03-25', channel: 'Referral' });
    const settings = await api.send({ method: 'PATCH', url: '/api/v1/settings', payload: { targetHourlyRate: 100 } });
    expect(settings.statusCode).toBe(200);
  });
  afterAll(() => api.close());

  const get = async <T>(url: string) => {
    const answer = await api.send({ method: 'GET', url });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json<T>();
  };

  it('audits this month by direct attribution, naming the model and the wasters', async () => {
    const report = await get<Report>('/api/v1/audit');
    expect(report.attribution).toBe('direct');
    expect(report.totalSeconds).toBe(24 * 3600);
    // Hourly value over 90 days: 1,940 USD ÷ 24 h; the SEK has no rate and is kept apart.
    expect(report.hourlyValue).toBeCloseTo(1940 / 24, 10);
    expect(report.revenue.total).toBe(1940);
    expect(report.revenue.unconverted).toEqual([{ currency: 'SEK', amount: 5000 }]);
    expect(report.warnings.join(' ')).toContain('SEK');
    expect(report.unattributed.total).toBe(440);
    expect(report.wasters.map((waster) => [waster.activity, waster.calledOut])).toEqual([
      ['Networking', true],
      ['Admin', false],
    ]);
    expect(report.wasters[0]?.cost).toBeCloseTo(12 * (1940 / 24), 8);
    expect(report.wasters[0]?.message).toContain('Networking is classed income-producing');
  });

  it('maps a channel to activities, splits the referral by their hours, and removes the mapping', async () => {
    const put = await api.send({
      method: 'PUT',
      url: '/api/v1/audit/channels/Referral',
      payload: { activities: ['Networking', 'Client work'] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await get('/api/v1/audit/channels')).toEqual([
      { channel: 'Referral', activities: ['Networking', 'Client work'] },
    ]);
    // Setting it again, in another case, replaces the list.
    await api.send({ method: 'PUT', url: '/api/v1/audit/channels/referral', payload: { activities: ['Networking'] } });
    expect(await get('/api/v1/audit/channels')).toEqual([{ channel: 'referral', activities: ['Networking'] }]);
    const report = await get<Report>('/api/v1/audit?from=2027-03-01&to=2027-03-31&attribution=channel');
    expect(report.attributionDescription).toMatch(/^By channel/);
    expect(report.activities.find((row) => row.activity === 'Networking')?.revenue.total).toBe(440);
    expect(report.channels).toEqual([expect.objectContaining({ channel: 'referral', hours: 12, clients: 1 })]);
    await api.send({
      method: 'PUT',
      url: '/api/v1/audit/channels/referral',
      payload: { activities: ['Networking', 'Client work'] },
    });
    const proRata = await get<Report>('/api/v1/audit?range=this-month&attribution=pro-rata');
    expect(proRata.activities.find((row) => row.activity === 'Networking')?.revenue.total).toBe(240);
    const lagged = await get<Report>('/api/v1/audit?range=this-month&attribution=lagged&lagWeeks=2');
    expect(lagged.activities.find((row) => row.activity === 'Networking')?.revenue.total).toBe(440);
    const removed = await api.send({ method: 'DELETE', url: '/api/v1/audit/channels/REFERRAL' });
    expect(removed.statusCode).toBe(204);
    expect(await get('/api/v1/audit/channels')).toEqual([]);
    const again = await api.send({ method: 'DELETE', url: '/api/v1/audit/channels/referral' });
    expect(again.statusCode).toBe(404);
  });

  it("runs seed 004's networking exercise on the month in one request", async () => {
    const roi = await get<Record<string, unknown>>('/api/v1/audit/roi?activity=networking&range=this-month');
    expect(roi).toMatchObject({
      activity: 'Networking',
      from: '2027-03-01',
      to: '2027-03-31',
      hours: 12,
      days: 4,
      hoursPerDay: 3,
      rate: { amount: 100, basis: 'target-rate' },
      costOfHours: 1200,
      clients: 0,
      net: -1200,
      paid: false,
    });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/audit?attribution=magic', 'attribution'],
      ['/api/v1/audit?from=2027-03-31&to=2027-03-01', 'to'],
      ['/api/v1/audit?from=2027-03-01', 'to'],
      ['/api/v1/audit?range=someday', 'range'],
      ['/api/v1/audit?range=this-month&from=2027-03-01&to=2027-03-02', 'range'],
      ['/api/v1/audit?lagWeeks=-1', 'lagWeeks'],
      ['/api/v1/audit?lagWeeks=99999999999', 'lagWeeks'],
      ['/api/v1/audit?from=2027-02-30&to=2027-03-01', 'from'],
      ['/api/v1/audit?bogus=1', 'bogus'],
      ['/api/v1/audit/roi?range=this-month', 'activity'],
      ['/api/v1/audit/roi?activity=%00', 'activity'],
    ];
    for (const [url, field] of cases) {
      const refused = await api.send({ method: 'GET', url });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json<{ error: { field: string } }>().error.field, url).toBe(field);
    }
    const bodies: Array<[Record<string, unknown>, string]> = [
      [{ activities: [] }, 'activities'],
      [{ activities: ['a\u0000b'] }, 'activities.0'],
      [{ activities: 'Networking' }, 'activities'],
      [{ activities: ['x'], extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of bodies) {
      const refused = await api.send({ method: 'PUT', url: '/api/v1/audit/channels/Referral', payload });
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.json<{ error: { field: string } }>().error.field).toBe(field);
    }
    const longName = await api.send({
      method: 'PUT',
      url: `/api/v1/audit/channels/${'x'.repeat(101)}`,
      payload: { activities: ['x'] },
    });
    expect(longName.statusCode).toBeGreaterThanOrEqual(400);
    expect(longName.statusCode).toBeLessThan(500);
  });
});
