import { DEFAULT_WORKING_HOURS } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

const officeDay = { start: '09:00', end: '17:00' };

describe.each(dialects)('the workspace settings API on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp(dialect, { clock: fixedClock('2026-03-04T12:00:00Z') });
  });
  afterAll(() => api.close());

  const patch = (payload: Record<string, unknown>) => api.send({ method: 'PATCH', url: '/api/v1/workspace', payload });
  const workspace = async () => (await api.send({ method: 'GET', url: '/api/v1/workspace' })).json<unknown>();

  it('gives a new workspace Monday to Friday, 09:00 to 17:00', async () => {
    expect(await workspace()).toMatchObject({ timeZone: 'UTC', workingHours: DEFAULT_WORKING_HOURS });
  });

  it('sets the working hours as a whole, and keeps them apart from a rename', async () => {
    const saturday = { start: '10:00', end: '14:00' };
    const changed = await patch({
      workingHours: { sat: saturday, mon: officeDay, tue: { start: '08:30', end: '24:00' } },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      workingHours: { mon: officeDay, tue: { start: '08:30', end: '24:00' }, sat: saturday },
    });
    await patch({ name: 'Dana' });
    expect(await workspace()).toEqual(
      expect.objectContaining({
        name: 'Dana',
        workingHours: { mon: officeDay, tue: { start: '08:30', end: '24:00' }, sat: saturday },
      }),
    );
    expect((await patch({ workingHours: {} })).json()).toMatchObject({ workingHours: {} });
    await patch({ workingHours: DEFAULT_WORKING_HOURS });
  });

  it('refuses an end before the start, an unknown weekday or a bad time, naming the field, and changes nothing', async () => {
    const before = await workspace();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [
        { workingHours: { mon: { start: '17:00', end: '09:00' } } },
        'workingHours.mon.end',
        /must be after the start \(17:00\)/,
      ],
      [{ workingHours: { wed: officeDay, mnd: officeDay } }, 'workingHours.mnd', /is not a weekday: use mon, tue/],
      [{ workingHours: { fri: { start: '9am', end: '17:00' } } }, 'workingHours.fri.start', /HH:MM/],
      [{ workingHours: { fri: { start: '09:00', end: '24:30' } } }, 'workingHours.fri.end', /to 24:00/],
      [{ workingHours: { fri: { start: '09:00' } } }, 'workingHours.fri.end', /./],
      [{ workingHours: 'mon-fri 09:00-17:00' }, 'workingHours', /./],
    ];
    for (const [payload, field, message] of cases) {
      const refused = await patch(payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      const { error } = refused.json<{ error: { field: string; message: string } }>();
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(error.message.startsWith(`${field}: `)).toBe(true);
    }
    expect(await workspace()).toEqual(before);
  });

  it('gives the review inbox gaps inside the working hours only', async () => {
    const add = (activity: string, start: string, end: string) =>
      api.send({ method: 'POST', url: '/api/v1/entries', payload: { activity, start, end } });
    // Wednesday 4 March 2026: untracked from 07:00 to 08:00 and from 12:00 to 14:00.
    await add('Calls', '2026-03-04 06:00', '2026-03-04 07:00');
    await add('Email', '2026-03-04 08:00', '2026-03-04 12:00');
    await add('Calls', '2026-03-04 14:00', '2026-03-04 15:00');
    const review = async () =>
      (await api.send({ method: 'GET', url: '/api/v1/entries/review?from=2026-03-04&to=2026-03-04' })).json<
        Array<{ kind: string; start: string; seconds: number }>
      >();
    expect(await review()).toEqual([
      expect.objectContaining({ kind: 'gap', start: '2026-03-04T12:00:00.000Z', seconds: 7200 }),
    ]);
    await patch({ workingHours: { wed: { start: '06:00', end: '13:00' } } });
    expect((await review()).map(({ start, seconds }) => ({ start, seconds }))).toEqual([
      { start: '2026-03-04T07:00:00.000Z', seconds: 3600 },
      { start: '2026-03-04T12:00:00.000Z', seconds: 3600 },
    ]);
    await patch({ workingHours: DEFAULT_WORKING_HOURS });
  });
});
