import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

const seedsPlan = {
  hoursPerWeek: 8,
  workdaysPerWeek: 5,
  goal: { target: 12, unit: 'recruits', start: '2026-01-05', deadline: '2026-03-30' },
  stages: [
    { activity: 'calls', minutesPerUnit: 6 },
    { activity: 'appointments', minutesPerUnit: 45, conversionFromPrevious: 0.1 },
    { activity: 'recruits', minutesPerUnit: 60, conversionFromPrevious: 0.2 },
  ],
};

describe.each(dialects)('the funnels API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2026-01-05T12:00:00Z') });
  });
  afterAll(() => api.close());

  it('solves a plan given whole: 9.75 h does not fit in 8', async () => {
    const response = await api.send({ method: 'POST', url: '/api/v1/plans/solve', payload: seedsPlan });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      feasible: false,
      hoursPerWeek: 9.75,
      hoursAvailable: 8,
      stages: [{ perDay: 10 }, { perWeek: 5 }, { perWeek: 1 }],
      tradeoffs: [
        { kind: 'later-deadline', deadline: '2026-04-18' },
        { kind: 'better-conversion' },
        { kind: 'better-conversion' },
        { kind: 'more-hours' },
        { kind: 'lower-target', target: 9 },
      ],
    });
  });

  it('names the field of a plan that lacks a conversion', async () => {
    const stages = [seedsPlan.stages[0], { activity: 'appointments', minutesPerUnit: 45 }];
    const response = await api.send({ method: 'POST', url: '/api/v1/plans/solve', payload: { ...seedsPlan, stages } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'invalid-input', field: 'stages.1.conversionFromPrevious' },
    });
  });

  it('stores a funnel from a template, solves it with conversions, and applies it', async () => {
    const templates = await api.send({ method: 'GET', url: '/api/v1/funnel-templates?start=2026-01-05' });
    const [networkMarketing] = templates.json<Array<{ key: string; plan: typeof seedsPlan }>>();
    expect(networkMarketing?.key).toBe('network-marketing');
    const plan = networkMarketing?.plan ?? seedsPlan;

    const created = await api.send({
      method: 'POST',
      url: '/api/v1/funnels',
      payload: {
        name: 'Warm market',
        target: plan.goal.target,
        unit: plan.goal.unit,
        startDate: plan.goal.start,
        deadline: plan.goal.deadline,
        hoursPerWeek: plan.hoursPerWeek,
        workdaysPerWeek: plan.workdaysPerWeek,
        stages: plan.stages.map(({ activity, minutesPerUnit, conversionFromPrevious }) => ({
          activity,
          minutesPerUnit,
          conversion: conversionFromPrevious,
        })),
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();

    const solved = await api.send({ method: 'GET', url: `/api/v1/funnels/${id}/solve` });
    expect(solved.json()).toMatchObject({
      feasible: true,
      hoursPerWeek: 9.75,
      conversions: [
        { from: 'calls', to: 'appointments', guess: 0.1, learned: null },
        { from: 'appointments', to: 'recruits', guess: 0.2, learned: null },
      ],
    });
    const byName = await api.send({ method: 'GET', url: '/api/v1/funnels/warm%20market/solve?asOf=2026-01-05' });
    expect(byName.statusCode).toBe(200);

    const applied = await api.send({ method: 'POST', url: `/api/v1/funnels/${id}/apply` });
    expect(applied.json<{ activities: Array<{ rate: number }> }>().activities.map(({ rate }) => rate)).toEqual([
      10, 5, 1,
    ]);

    const patched = await api.send({ method: 'PATCH', url: `/api/v1/funnels/${id}`, payload: { hoursPerWeek: 8 } });
    expect(patched.json()).toMatchObject({ hoursPerWeek: 8, stages: [{ activity: 'calls' }, {}, {}] });
    expect((await api.send({ method: 'GET', url: '/api/v1/funnels' })).json()).toHaveLength(1);
    expect((await api.send({ method: 'DELETE', url: `/api/v1/funnels/${id}` })).statusCode).toBe(204);
  });

  it('describes the activities and funnels in the OpenAPI document', async () => {
    const document = (await api.send({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/activities',
        '/api/v1/activities/{id}/logs',
        '/api/v1/funnels',
        '/api/v1/funnels/{id}/solve',
        '/api/v1/plans/solve',
      ]),
    );
  });
});
