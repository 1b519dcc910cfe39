import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

interface Row {
  key: string;
  seconds: number;
  revenue: number | null;
  revenueApart: Array<{ amount: number; currency: string }>;
  class?: string;
}
interface Report {
  from: string;
  to: string;
  by: string;
  rows: Row[];
  totalSeconds: number;
  runningSeconds: number;
  revenue: { total: number; apart: unknown[]; warning: string | null } | null;
  notes: string[];
}

describe.each(dialects)('the hours reports API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2027-03-31T20:00:00Z') });
    const post = async (url: string, payload: Record<string, unknown>) => {
      const answer = await api.send({ method: 'POST', url: `/api/v1${url}`, payload });
      expect(answer.statusCode, `${url} ${answer.body}`).toBeLessThan(300);
    };
    await api.send({
      method: 'PATCH',
      url: '/api/v1/settings',
      payload: { currency: 'EUR', exchangeRates: { USD: 0.9 } },
    });
    await post('/activities', { name: 'Networking', unit: 'events', activityClass: 'supporting' });
    await post('/activities', { name: 'Client work', unit: 'hours', activityClass: 'income' });
    // Seed 004's networking month: one breakfast a week, three hours with the drive.
    for (const day of ['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23']) {
      await post('/entries', { activity: 'networking', start: `${day} 06:00`, end: `${day} 09:00`, tags: ['events'] });
    }
    // Across the month's first midnight: one hour in February, one in March.
    await post('/entries', {
      activity: 'Client work',
      start: '2027-02-28 23:00',
      end: '2027-03-01 01:00',
      tags: ['mga', 'events'],
    });
    await post('/entries', { activity: '=SUM(A1:A9)', start: '2027-03-03 10:00', end: '2027-03-03 10:30' });
    await post('/outcomes', {
      kind: 'revenue',
      amount: 2000,
      currency: 'EUR',
      activity: 'Networking',
      date: '2027-03-20',
    });
    await post('/outcomes', {
      kind: 'revenue',
      amount: 100,
      currency: 'USD',
      activity: 'Client work',
      date: '2027-03-05',
    });
    await post('/outcomes', {
      kind: 'revenue',
      amount: 50,
      currency: 'GBP',
      activity: 'Client work',
      date: '2027-03-06',
    });
    await post('/outcomes', {
      kind: 'revenue',
      amount: 999,
      currency: 'EUR',
      activity: 'Client work',
      date: '2027-02-06',
    });
    // Running since 19:00: an hour up to now.
    await post('/timer/start', { activity: 'Client work', start: '2027-03-31 19:00' });
  });
  afterAll(() => api.close());

  const report = async (query: string) => {
    const answer = await api.send({ method: 'GET', url: `/api/v1/reports/hours?${query}` });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json<Report>();
  };

  it('adds the month up by activity: clipped at its edges, the running timer to now, revenue attributed directly', async () => {
    const march = await report('from=2027-03-01&to=2027-03-31&by=activity');
    expect(march).toMatchObject({ from: '2027-03-01', to: '2027-03-31', by: 'activity', runningSeconds: 3600 });
    expect(march.rows.map(({ key, seconds, revenue, class: kind }) => [key, seconds, revenue, kind])).toEqual([
      ['Networking', 12 * 3600, 2000, 'supporting'],
      ['Client work', 2 * 3600, 90, 'income'],
      ['=SUM(A1:A9)', 1800, 0, 'unclassified'],
    ]);
    expect(march.rows[1]?.revenueApart).toEqual([{ amount: 50, currency: 'GBP' }]);
    expect(march.totalSeconds).toBe(14 * 3600 + 1800);
    expect(march.revenue).toMatchObject({ total: 2090, apart: [{ amount: 50, currency: 'GBP' }] });
    expect(march.notes.join(' ')).toMatch(/unclassified/);
    expect(await report('range=this-month')).toEqual({ ...march, range: 'this-month' });
  });

  it('gives the audit and the hourly value the same tracked time as the report, the running timer included', async () => {
    const get = async <T>(url: string): Promise<T> => {
      const answer = await api.send({ method: 'GET', url: `/api/v1${url}` });
      expect(answer.statusCode, `${url} ${answer.body}`).toBe(200);
      return answer.json<T>();
    };
    const march = await report('from=2027-03-01&to=2027-03-31');
    const value = await get<{ seconds: number }>('/money/hourly-value?to=2027-03-31&days=31');
    const audit = await get<{ totalSeconds: number }>('/audit?from=2027-03-01&to=2027-03-31');
    expect(march.totalSeconds).toBe(14 * 3600 + 1800);
    expect(value.seconds).toBe(march.totalSeconds);
    expect(audit.totalSeconds).toBe(march.totalSeconds);
  });

  it('gives every dimension a total equal to the sum of its rows', async () => {
    for (const by of ['activity', 'class', 'tag', 'source', 'week', 'heatmap']) {
      const answer = await report(`range=last-90-days&by=${by}`);
      expect(answer.totalSeconds, by).toBe(answer.rows.reduce((sum, row) => sum + row.seconds, 0));
    }
    const byClass = await report('range=this-month&by=class');
    expect(byClass.rows.map(({ key, seconds }) => [key, seconds])).toEqual([
      ['supporting', 43_200],
      ['income', 7200],
      ['unclassified', 1800],
    ]);
    const heatmap = await report('range=this-month&by=heatmap');
    expect(heatmap.rows).toHaveLength(168);
    expect(heatmap.rows.find((row) => row.key === 'tue-06')?.seconds).toBe(4 * 3600);
    const weeks = await report('from=2027-02-22&to=2027-03-07&by=week');
    expect(weeks.rows.map(({ key, seconds }) => [key, seconds])).toEqual([
      ['2027-02-22', 3600],
      ['2027-03-01', 3600 + 3 * 3600 + 1800],
    ]);
  });

  it('answers CSV through the entries’ CSV writer, formulas defused', async () => {
    for (const request of [
      { url: '/api/v1/reports/hours?range=this-month&format=csv' },
      { url: '/api/v1/reports/hours?range=this-month', headers: { accept: 'text/csv' } },
    ]) {
      const answer = await api.send({ method: 'GET', ...request });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toContain('text/csv');
      const lines = answer.body.trim().split('\r\n');
      expect(lines[0]).toBe('key,seconds,hours,revenue,currency,revenue_apart,effective_rate,class');
      expect(lines).toContain(`"'=SUM(A1:A9)",1800,0.5,0,EUR,,,unclassified`);
      expect(lines.at(-1)).toBe('Total,52200,14.5,2090,EUR,50 GBP,,');
    }
  });

  it('refuses a range that ends before it starts and other bad queries with 400, naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['from=2027-03-10&to=2027-03-01', 'to'],
      ['from=2027-03-10', 'to'],
      ['range=this-week&from=2027-03-01&to=2027-03-02', 'range'],
      ['range=someday', 'range'],
      ['by=mood', 'by'],
      ['from=2027-02-30&to=2027-03-01', 'from'],
      ['from=2027-03-01%00&to=2027-03-02', 'from'],
      ['format=xlsx', 'format'],
      ['colour=red', 'colour'],
    ];
    for (const [query, field] of cases) {
      const answer = await api.send({ method: 'GET', url: `/api/v1/reports/hours?${query}` });
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json<{ error: { field: string } }>().error.field, query).toContain(field);
    }
  });

  it('counts days in the workspace zone, and a new zone moves them', async () => {
    expect((await report('from=2027-03-01&to=2027-03-31&by=week')).totalSeconds).toBe(14 * 3600 + 1800);
    const moved = await api.send({
      method: 'PATCH',
      url: '/api/v1/workspace',
      payload: { timeZone: 'America/New_York' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // 06:00 UTC is 01:00 in New York: the breakfasts move in the heatmap, and the hour after
    // midnight of 1 March UTC falls in February.
    const heatmap = await report('from=2027-03-01&to=2027-03-31&by=heatmap');
    expect(heatmap.rows.find((row) => row.key === 'tue-01')?.seconds).toBe(2 * 3600);
    const february = await report('from=2027-02-28&to=2027-02-28');
    expect(february.totalSeconds).toBe(2 * 3600);
    await api.send({ method: 'PATCH', url: '/api/v1/workspace', payload: { timeZone: 'UTC' } });
  });
});
