import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

interface Task {
  id: string;
  name: string;
  override: { action: string; reason: string } | null;
}

describe.each(dialects)('the triage API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2027-03-31T20:00:00Z') });
  });
  afterAll(() => api.close());

  const post = (url: string, payload: unknown) => api.send({ method: 'POST', url, payload: payload as object });
  const addTask = (payload: Record<string, unknown>) => post('/api/v1/triage/tasks', payload);
  const plan = async () => {
    const answer = await api.send({ method: 'GET', url: '/api/v1/triage/plan' });
    expect(answer.statusCode).toBe(200);
    return answer.json<{
      basis: { source: string; hourlyValue: number | null; buybackRate: number | null; currency: string };
      measuredFrom: string;
      measuredTo: string;
      tasks: Array<{
        task: Task;
        hoursPerWeek: number;
        hoursSource: string;
        measuredHoursPerWeek: number | null;
        verdict: { recommended: string; action: string; reason: string; hoursFreedPerMonth: number };
      }>;
      totals: {
        hoursFreedPerMonth: number;
        valueFreedPerMonth: number | null;
        costPerMonth: number;
        oneOffCost: number;
      };
      rules: Array<{ action: string; text: string }>;
    }>();
  };

  it('adds, lists, changes and removes tasks', async () => {
    const added = await addTask({ name: ' Filing ', energy: 'draining', hoursPerWeek: 1 });
    expect(added.statusCode).toBe(201);
    const filing = added.json<Task>();
    expect(filing).toMatchObject({
      name: 'Filing',
      activity: null,
      hoursPerWeek: 1,
      producesIncome: false,
      needed: true,
      onlyMe: false,
      reviewHoursPerWeek: 0,
      override: null,
    });
    const changed = await api.send({
      method: 'PATCH',
      url: `/api/v1/triage/tasks/${filing.id}`,
      payload: { needed: false, outsourceRate: 20, activity: 'Admin' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ needed: false, outsourceRate: 20, activity: 'Admin', hoursPerWeek: 1 });
    const listed = await api.send({ method: 'GET', url: '/api/v1/triage/tasks' });
    expect(listed.json<Task[]>().map(({ name }) => name)).toEqual(['Filing']);
    expect((await api.send({ method: 'DELETE', url: `/api/v1/triage/tasks/${filing.id}` })).statusCode).toBe(204);
    const gone = await api.send({ method: 'GET', url: `/api/v1/triage/tasks/${filing.id}` });
    expect(gone.statusCode).toBe(404);
    expect((await api.send({ method: 'DELETE', url: `/api/v1/triage/tasks/${filing.id}` })).statusCode).toBe(404);
  });

  it('refuses bad input with a 4xx naming the field, and stores nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'Email', energy: 'draining', hoursPerWeek: 1, outsourceRate: -1 }, 'outsourceRate'],
      [{ name: 'Email', energy: 'bored', hoursPerWeek: 1 }, 'energy'],
      [{ name: 'E\u0000mail', energy: 'draining', hoursPerWeek: 1 }, 'name'],
      [{ name: 'Email', energy: 'draining', hoursPerWeek: 1e300 }, 'hoursPerWeek'],
      [{ name: 'Email', energy: 'draining', hoursPerWeek: 1, automationOnce: 1e15 }, 'automationOnce'],
      [{ name: 'Email', energy: 'draining', hoursPerWeek: 1, automationMonthly: -5 }, 'automationMonthly'],
      [{ name: 'Email', energy: 'draining', hoursPerWeek: 1, reviewHoursPerWeek: 200 }, 'reviewHoursPerWeek'],
      [{ name: 'Email', energy: 'draining' }, 'hoursPerWeek'],
      [{ name: 'x'.repeat(10_000), energy: 'draining', hoursPerWeek: 1 }, 'name'],
      [{ name: 'Email', energy: 'draining', activity: 'a,b' }, 'activity'],
      [{ name: 'Email', energy: 'draining', hoursPerWeek: 1, colour: 'red' }, 'colour'],
      [{ name: 'Email', energy: 'draining', hoursPerWeek: '3' }, 'hoursPerWeek'],
    ];
    for (const [payload, field] of cases) {
      const refused = await addTask(payload);
      expect(refused.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(refused.json<{ error: { field: string } }>().error.field).toBe(field);
    }
    const task = (await addTask({ name: 'Email', energy: 'draining', hoursPerWeek: 1 })).json<Task>();
    const unlinked = await api.send({
      method: 'PATCH',
      url: `/api/v1/triage/tasks/${task.id}`,
      payload: { hoursPerWeek: null },
    });
    expect(unlinked.statusCode).toBe(400);
    expect(unlinked.json<{ error: { field: string } }>().error.field).toBe('hoursPerWeek');
    const override = await api.send({
      method: 'PUT',
      url: `/api/v1/triage/tasks/${task.id}/override`,
      payload: { action: 'ignore', reason: 'x' },
    });
    expect(override.statusCode).toBe(400);
    expect(override.json<{ error: { field: string } }>().error.field).toBe('action');
    const noReason = await api.send({
      method: 'PUT',
      url: `/api/v1/triage/tasks/${task.id}/override`,
      payload: { action: 'drop', reason: '' },
    });
    expect(noReason.json<{ error: { field: string } }>().error.field).toBe('reason');
    expect((await api.send({ method: 'DELETE', url: `/api/v1/triage/tasks/${task.id}` })).statusCode).toBe(204);
    expect((await api.send({ method: 'GET', url: '/api/v1/triage/tasks' })).json()).toEqual([]);
  });

  it('plans at the target rate until there is an hourly value, measuring linked tasks from tracking', async () => {
    expect(
      (await api.send({ method: 'PATCH', url: '/api/v1/settings', payload: { targetHourlyRate: 80 } })).statusCode,
    ).toBe(200);
    const entry = (activity: string, start: string, end: string) =>
      post('/api/v1/entries', { activity, start, end }).then((answer) => expect(answer.statusCode).toBe(201));
    // The last four weeks are 2027-03-04 to 2027-03-31: four events of 3 h, and 1 h of one that starts the evening before.
    await entry('Networking', '2027-03-05T17:00:00Z', '2027-03-05T20:00:00Z');
    await entry('networking', '2027-03-12T17:00:00Z', '2027-03-12T20:00:00Z');
    await entry('Networking', '2027-03-19T17:00:00Z', '2027-03-19T20:00:00Z');
    await entry('Networking', '2027-03-26T17:00:00Z', '2027-03-26T20:00:00Z');
    await entry('Networking', '2027-03-03T22:00:00Z', '2027-03-04T01:00:00Z');
    await entry('Networking', '2027-03-01T17:00:00Z', '2027-03-01T20:00:00Z');

    const networking = (
      await addTask({
        name: 'Networking breakfasts',
        activity: 'NETWORKING',
        hoursPerWeek: 2,
        energy: 'draining',
        producesIncome: true,
        onlyMe: true,
      })
    ).json<Task>();
    const bookkeeping = (
      await addTask({
        name: 'Bookkeeping',
        hoursPerWeek: 3,
        energy: 'draining',
        outsourceRate: 25,
        reviewHoursPerWeek: 0.5,
      })
    ).json<Task>();
    await addTask({
      name: 'Invoicing',
      hoursPerWeek: 2,
      energy: 'draining',
      automationOnce: 300,
      automationMonthly: 20,
    });

    const atTarget = await plan();
    expect(atTarget.basis).toEqual({ source: 'target-rate', hourlyValue: 80, buybackRate: 20, currency: 'USD' });
    expect(atTarget.measuredFrom).toBe('2027-03-04');
    expect(atTarget.measuredTo).toBe('2027-03-31');
    expect(atTarget.rules.map(({ action }) => action)).toContain('delegate');
    const named = (result: typeof atTarget, name: string) => result.tasks.find(({ task }) => task.name === name);
    const [first, second, third] = ['Networking breakfasts', 'Bookkeeping', 'Invoicing'].map((name) =>
      named(atTarget, name),
    );
    expect(first).toMatchObject({ hoursSource: 'measured', measuredHoursPerWeek: 13 / 4, hoursPerWeek: 13 / 4 });
    expect(first?.verdict.recommended).toBe('produce');
    expect(second).toMatchObject({ hoursSource: 'estimated', measuredHoursPerWeek: null, hoursPerWeek: 3 });
    expect(second?.verdict.recommended).toBe('delegate');
    expect(third?.verdict.recommended).toBe('automate');

    // 18 h tracked in the 90 days and 1,800 earned: 100 an hour, which now weighs the hours.
    expect(
      (await post('/api/v1/outcomes', { kind: 'revenue', amount: 1800, currency: 'USD', date: '2027-03-20' }))
        .statusCode,
    ).toBe(201);
    const measured = await plan();
    expect(measured.basis).toEqual({ source: 'hourly-value', hourlyValue: 100, buybackRate: 25, currency: 'USD' });
    // Bookkeeping frees 2.5 h × 52/12 and invoicing 2 h × 52/12: 19.5 h a month, worth 1,950, for 325 + 20 and 300 once.
    expect(measured.totals.hoursFreedPerMonth).toBeCloseTo(19.5, 10);
    expect(measured.totals.valueFreedPerMonth).toBeCloseTo(1950, 8);
    expect(measured.totals.costPerMonth).toBeCloseTo(345, 10);
    expect(measured.totals.oneOffCost).toBe(300);

    // The user keeps bookkeeping, and says why: the plan counts the override.
    const overridden = await api.send({
      method: 'PUT',
      url: `/api/v1/triage/tasks/${bookkeeping.id}/override`,
      payload: { action: 'batch', reason: 'I want to know my numbers' },
    });
    expect(overridden.json<Task>().override).toEqual({ action: 'batch', reason: 'I want to know my numbers' });
    const kept = await plan();
    expect(named(kept, 'Bookkeeping')?.verdict).toMatchObject({
      recommended: 'delegate',
      action: 'batch',
      hoursFreedPerMonth: 0,
    });
    expect(kept.totals.hoursFreedPerMonth).toBeCloseTo(2 * (52 / 12), 10);
    const cleared = await api.send({ method: 'DELETE', url: `/api/v1/triage/tasks/${bookkeeping.id}/override` });
    expect(cleared.json<Task>().override).toBeNull();
    expect((await plan()).totals.hoursFreedPerMonth).toBeCloseTo(19.5, 10);

    // Unlinked, the networking task goes back to its estimate.
    await api.send({ method: 'PATCH', url: `/api/v1/triage/tasks/${networking.id}`, payload: { activity: null } });
    expect(named(await plan(), 'Networking breakfasts')).toMatchObject({ hoursSource: 'estimated', hoursPerWeek: 2 });
  });
});
