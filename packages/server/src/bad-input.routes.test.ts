import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from './db/open-database.js';
import { fixedClock } from './test-support/test-bigrock.js';
import { openTestApp, type TestApp } from './test-support/test-app.js';

interface Operation {
  parameters?: Array<{ in: 'path' | 'query'; name: string; schema?: { type?: string; enum?: unknown[] } }>;
  requestBody?: { content?: Record<string, unknown> };
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** A valid body for every route that takes JSON; the walk below fails for a route that has none here. */
const validBodies: Record<string, unknown> = {
  'POST /api/v1/goals': { title: 'Recruit 12', unit: 'recruits', why: 'A team', parentId: 'g1', owner: 'Dana' },
  'PATCH /api/v1/goals/{id}': { title: 'Recruit 12', systems: 'Script', partner: 'Maria', startDate: '2026-01-05' },
  'POST /api/v1/goals/{id}/points': { value: 1, date: '2026-01-07', note: 'signed up' },
  'PATCH /api/v1/points/{id}': { value: 2, date: '2026-01-08', note: 'recounted' },
  'POST /api/v1/activities': { name: 'calls', unit: 'calls', goalIds: ['g1'], startDate: '2026-01-05' },
  'PATCH /api/v1/activities/{id}': { name: 'calls', unit: 'calls' },
  'POST /api/v1/activities/{id}/logs': { count: 8, date: '2026-01-07', note: 'good day' },
  'POST /api/v1/activities/{id}/breaks': { start: '2026-01-06', end: '2026-01-08', note: 'away' },
  'POST /api/v1/funnels': {
    name: 'warm market',
    goalId: 'g1',
    unit: 'recruits',
    stages: [{ activity: 'calls' }, { activity: 'recruits', conversion: 0.1 }],
  },
  'PATCH /api/v1/funnels/{id}': { name: 'warm market', unit: 'recruits', stages: [{ activity: 'calls' }] },
  'POST /api/v1/plans/solve': {
    hoursPerWeek: 10,
    workdaysPerWeek: 5,
    goal: { target: 12, unit: 'recruits', start: '2026-01-05', deadline: '2026-03-30' },
    stages: [
      { activity: 'calls', minutesPerUnit: 6 },
      { activity: 'recruits', minutesPerUnit: 60, conversionFromPrevious: 0.1 },
    ],
  },
  'POST /api/v1/timer/start': { activity: 'Calls', note: 'warm list', tags: ['mga'], start: '09:50' },
  'POST /api/v1/timer/continue': { entryId: 'e1', start: '09:50' },
  'PATCH /api/v1/timer': { start: '09:50' },
  'POST /api/v1/entries': {
    activity: 'Calls',
    start: '2026-03-02 09:00',
    end: '2026-03-02 10:00',
    tags: ['mga'],
    note: 'x',
  },
  'PATCH /api/v1/entries/{id}': { activity: 'Calls', start: '2026-03-02 09:00', note: 'x', tags: ['mga'] },
  'POST /api/v1/entries/{id}/split': { at: '2026-03-02 09:30' },
  'POST /api/v1/outcomes': {
    kind: 'revenue',
    amount: 100,
    currency: 'EUR',
    activity: 'Calls',
    channel: 'Referral',
    note: 'x',
  },
  'PATCH /api/v1/workspace': {
    name: 'Dana',
    timeZone: 'Europe/Paris',
    workingHours: { mon: { start: '09:00', end: '17:00' } },
  },
  'POST /api/v1/focus/start': { activity: 'Calls', blockId: 'b1', minutes: 25 },
  'POST /api/v1/focus/interrupt': { kind: 'external', note: 'a knock on the door' },
  'POST /api/v1/focus/abandon': { reason: 'The client called' },
  'POST /api/v1/timer/idle': {
    entryId: 'e1',
    from: '2026-03-02 09:00',
    to: '2026-03-02 09:30',
    action: 'split',
    activity: 'Away',
  },
  'POST /api/v1/planner/blocks': {
    kind: 'batch-window',
    weekday: 'mon',
    start: '09:00',
    end: '11:00',
    note: 'posts',
    week: '2026-W10',
    until: '2026-06-01',
    except: ['2026-03-09'],
  },
  'PATCH /api/v1/planner/blocks/{id}': { weekday: 'tue', start: '09:00', end: '10:00', note: 'moved' },
  'POST /api/v1/planner/templates/{name}/apply': { week: '2026-W10' },
  'POST /api/v1/planner/rocks': { title: 'Call the warm list', date: '2026-03-02', activity: 'calls' },
  'POST /api/v1/planner/rocks/done': { date: '2026-03-02' },
  'POST /api/v1/planner/rocks/carry': { date: '2026-03-02', to: '2026-03-03', reason: 'sick' },
  'PATCH /api/v1/settings': { currency: 'EUR', exchangeRates: { USD: 0.92 }, weekStart: 'mon' },
  'PATCH /api/v1/notifications': { digestTime: '08:30', quietHours: { start: '20:00', end: '08:00' } },
  'POST /api/v1/triage/tasks': { name: 'Bookkeeping', activity: 'admin', hoursPerWeek: 3, energy: 'draining' },
  'PATCH /api/v1/triage/tasks/{id}': { name: 'Bookkeeping', activity: 'admin' },
  'PUT /api/v1/triage/tasks/{id}/override': { action: 'batch', reason: 'I like it' },
  'PUT /api/v1/audit/channels/{channel}': { activities: ['Networking', 'Client work'] },
  'POST /api/v1/accounts': {
    network: 'webhook',
    url: 'https://hooks.example.org/bigrock',
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  },
  'POST /api/v1/posts': {
    text: 'New post on the blog',
    overrides: { mastodon: 'New post, Mastodon', bluesky: 'New post, Bluesky' },
    contentWarning: 'long read',
    accountIds: ['acc1'],
    media: [{ data: 'iVBORw0KGgoAAAANSUhEUg==', mimeType: 'image/png', altText: 'A rock at dawn' }],
    when: { kind: 'at', at: '2026-03-02 09:00' },
  },
  'PATCH /api/v1/posts/{id}': {
    text: 'Edited',
    overrides: { bluesky: 'Edited for Bluesky' },
    contentWarning: 'cw',
    media: [{ id: 'm1', altText: 'A rock at dusk' }],
    when: { kind: 'at', at: '2026-03-02 13:00' },
  },
  'PUT /api/v1/queue/slots': { slots: [{ weekday: 'mon', time: '09:00' }], graceMinutes: 60 },
  'PUT /api/v1/queue/alt-text': { required: true },
  'POST /api/v1/rules': {
    name: 'Blog to social',
    trigger: { kind: 'schedule', at: [{ day: 'mon', time: '09:00' }] },
    filters: [
      { kind: 'contains', field: 'title', value: 'launch' },
      { kind: 'matches', field: 'title', pattern: '^new' },
      { kind: 'category', value: 'news' },
      { kind: 'tag', value: 'release' },
    ],
    actions: [
      {
        kind: 'post',
        template: 'New: {date}',
        overrides: { mastodon: '{date}', bluesky: '{time}' },
        accountIds: ['a1'],
      },
      { kind: 'webhook', accountId: 'a1' },
      { kind: 'log', activity: 'calls' },
    ],
  },
  'PATCH /api/v1/rules/{id}': {
    name: 'Blog to social',
    trigger: { kind: 'feed', url: 'https://blog.example.org/feed.xml' },
    actions: [{ kind: 'post', template: '{title} {link}' }],
  },
};

/** Every string in a body, as a path and a copy of the body with a NUL put into that string. */
function withNulInEachString(body: unknown, path: Array<string | number> = []): Array<[string, unknown]> {
  if (typeof body === 'string') return [[path.join('.'), `${body.slice(0, 2)}\u0000${body.slice(2)}`]];
  if (Array.isArray(body))
    return body.flatMap((item, index) =>
      withNulInEachString(item, [...path, index]).map(([at, value]): [string, unknown] => [
        at,
        body.map((other, position) => (position === index ? value : other)),
      ]),
    );
  if (typeof body === 'object' && body !== null)
    return Object.entries(body).flatMap(([key, item]) =>
      withNulInEachString(item, [...path, key]).map(([at, value]): [string, unknown] => [
        at,
        { ...body, [key]: value },
      ]),
    );
  return [];
}

describe.each(dialects)('bad input on %s', (dialect) => {
  let api: TestApp;
  let document: OpenApi;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2026-03-04T12:00:00Z') });
    document = (await api.send({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
  });
  afterAll(() => api.close());

  const routes = () =>
    Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
  const expectRefused = async (
    request: { method: string; url: string; payload?: unknown },
    field: string,
    message: RegExp | string,
  ) => {
    const response = await api.send(request as Parameters<TestApp['send']>[0]);
    const where = `${request.method} ${request.url} (${field})`;
    expect(response.statusCode, where).toBe(400);
    const { error } = response.json<{ error: { code: string; field?: string; message: string } }>();
    expect(error.code, where).toBe('invalid-input');
    expect(error.field, where).toBe(field);
    expect(error.message, where).toMatch(message);
  };

  it('refuses a NUL in every path parameter of every route, naming it', async () => {
    let checked = 0;
    for (const { method, path, operation } of routes()) {
      const params = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      for (const param of params) {
        const url = path.replace(/\{(\w+)\}/g, (_all, name: string) => (name === param.name ? 'a%00b' : 'x'));
        await expectRefused({ method, url, payload: validBodies[`${method} ${path}`] }, param.name, /NUL/);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('refuses a NUL in every query parameter of every route, naming it', async () => {
    let checked = 0;
    for (const { method, path, operation } of routes()) {
      const base = path.replace(/\{(\w+)\}/g, 'x');
      for (const param of (operation.parameters ?? []).filter((parameter) => parameter.in === 'query')) {
        await expectRefused(
          { method, url: `${base}?${param.name}=a%00b`, payload: validBodies[`${method} ${path}`] },
          param.name,
          /NUL|YYYY-MM-DD|Invalid option/,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('refuses a NUL in every string of every JSON body, naming the field', async () => {
    const withBody = routes().filter(({ operation }) => operation.requestBody?.content?.['application/json']);
    expect(withBody.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(Object.keys(validBodies).sort());
    for (const { method, path } of withBody) {
      const url = path.replace(/\{(\w+)\}/g, 'x');
      const body = validBodies[`${method} ${path}`];
      for (const [field, payload] of withNulInEachString(body))
        await expectRefused(
          { method, url, payload },
          field,
          // A NUL, or the value's own form refused first (a date, a time, a week, one of a list).
          /NUL|must be a (date|time|week) written|Invalid option|must be one of/,
        );
    }
  });

  it('answers the NUL a 400 where it reaches the services too: a stored row is never tried', async () => {
    const created = await api.send({ method: 'POST', url: '/api/v1/activities', payload: { name: 'calls' } });
    expect(created.statusCode).toBe(201);
    await expectRefused({ method: 'GET', url: '/api/v1/activities/ca%00lls' }, 'id', /NUL/);
    await expectRefused(
      { method: 'POST', url: '/api/v1/activities/calls/logs', payload: { count: 1, note: 'a\u0000' } },
      'note',
      /NUL/,
    );
  });

  it('refuses numbers beyond what the maths can carry, saying the range', async () => {
    const stages = [{ activity: 'calls' }, { activity: 'recruits', conversion: 0.1 }];
    const plan = validBodies['POST /api/v1/plans/solve'] as { stages: Array<Record<string, unknown>> };
    const cases: Array<[string, string, unknown, string, RegExp]> = [
      ['POST', '/api/v1/goals', { title: 'x', target: 1e300 }, 'target', /from -1,000,000,000,000/],
      [
        'POST',
        '/api/v1/funnels',
        { name: 'f', stages, hoursPerWeek: 5e-324 },
        'hoursPerWeek',
        /0, or a number from 0\.1 to 168/,
      ],
      [
        'POST',
        '/api/v1/funnels',
        { name: 'f', stages: [stages[0], { activity: 'recruits', conversion: 5e-324 }] },
        'stages.1.conversion',
        /from 0\.001 to 1/,
      ],
      [
        'POST',
        '/api/v1/plans/solve',
        { ...plan, stages: [plan.stages[0], { ...plan.stages[1], conversionFromPrevious: 5e-324 }] },
        'stages.1.conversionFromPrevious',
        /from 0\.001 to 1/,
      ],
      ['POST', '/api/v1/plans/solve', { ...plan, hoursPerWeek: 5e-324 }, 'hoursPerWeek', /0\.1 to 168/],
      ['POST', '/api/v1/activities', { name: 'mail', rate: 5e-324, ratePeriod: 'day' }, 'rate', /0\.01 to 100,000/],
      ['POST', '/api/v1/outcomes', { kind: 'revenue', amount: 1e300 }, 'amount', /0 to 1,000,000,000,000/],
    ];
    for (const [method, url, payload, field, message] of cases)
      await expectRefused({ method, url, payload }, field, message);
  });

  it('refuses half a recruit, a currency ISO 4217 does not list, and impossible dates and offsets', async () => {
    await api.send({ method: 'POST', url: '/api/v1/activities', payload: { name: 'recruits' } });
    const cases: Array<[string, string, unknown, string, RegExp]> = [
      ['POST', '/api/v1/activities/recruits/logs', { count: 0.5 }, 'count', /whole number from 1 to 100,000/],
      ['POST', '/api/v1/outcomes', { kind: 'client', amount: 0.5 }, 'amount', /whole number of clients/],
      ['POST', '/api/v1/outcomes', { kind: 'revenue', amount: 5, currency: 'NaN' }, 'currency', /ISO 4217/],
      [
        'POST',
        '/api/v1/entries',
        { activity: 'Calls', start: '2026-03-02T09:00+25:00', end: '2026-03-02T10:00Z' },
        'start',
        /-12:00 to \+14:00/,
      ],
      [
        'POST',
        '/api/v1/entries',
        { activity: 'Calls', start: '0000-01-01T09:00Z', end: '2026-03-02T10:00Z' },
        'start',
        /1900-01-01 to 2999-12-31/,
      ],
      [
        'POST',
        '/api/v1/entries',
        { activity: 'Calls', start: '2026-03-02 09:00', end: '9999-12-31 10:00' },
        'end',
        /1900-01-01 to 2999-12-31/,
      ],
      [
        'POST',
        '/api/v1/entries',
        { activity: 'Calls', start: '2026-02-30 09:00', end: '2026-03-02 10:00' },
        'start',
        /not a day of the calendar/,
      ],
      ['POST', '/api/v1/goals', { title: 'x', deadline: '9999-12-31' }, 'deadline', /1900-01-01 to 2999-12-31/],
      ['POST', '/api/v1/goals/x/points', { value: 1, date: '2026-02-30' }, 'date', /YYYY-MM-DD/],
      ['POST', '/api/v1/activities', { name: 'gym', startDate: '0000-01-01' }, 'startDate', /1900-01-01/],
      ['POST', '/api/v1/activities/recruits/breaks', { start: '2026-02-30', end: '2026-03-02' }, 'start', /YYYY-MM-DD/],
      ['POST', '/api/v1/outcomes', { kind: 'lead', amount: 1, date: '9999-01-01' }, 'date', /1900-01-01/],
      ['GET', '/api/v1/entries?from=2026-02-30', undefined, 'from', /YYYY-MM-DD/],
      ['GET', '/api/v1/entries/summary?to=9999-12-31', undefined, 'to', /2999-12-31/],
      ['GET', '/api/v1/goals?asOf=0000-01-01', undefined, 'asOf', /1900-01-01/],
    ];
    for (const [method, url, payload, field, message] of cases)
      await expectRefused({ method, url, payload }, field, message);
  });

  it('says which stored value to change when a funnel saved with an out-of-range one is solved, instead of a 500', async () => {
    const created = await api.send({
      method: 'POST',
      url: '/api/v1/funnels',
      payload: {
        name: 'old funnel',
        target: 12,
        startDate: '2026-01-05',
        deadline: '2026-03-30',
        hoursPerWeek: 10,
        stages: [
          { activity: 'calls', minutesPerUnit: 6 },
          { activity: 'recruits', conversion: 0.1 },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    // What an older Bigrock let through, put straight into the database.
    await api.bigrock.db.updateTable('funnels').set({ hours_per_week: 5e-324 }).where('id', '=', id).execute();
    await expectRefused(
      { method: 'GET', url: `/api/v1/funnels/${id}/solve?asOf=2026-01-05` },
      'hoursPerWeek',
      /The funnel "old funnel" cannot be solved: its hours a week \(5e-324\) must be 0, or a number from 0\.1 to 168/,
    );
    await api.bigrock.db.updateTable('funnels').set({ hours_per_week: 10 }).where('id', '=', id).execute();
    await api.bigrock.db
      .updateTable('funnel_stages')
      .set({ conversion_guess: 5e-324 })
      .where('funnel_id', '=', id)
      .where('position', '=', 1)
      .execute();
    await expectRefused(
      { method: 'POST', url: `/api/v1/funnels/${id}/apply?asOf=2026-01-05` },
      'stages.1.conversion',
      /the conversion into "recruits" \(5e-324\) must be a number from 0\.001 to 1/,
    );
  });
});
