import type { TimeEntry } from '@bigrock/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Clock } from '../clock.js';
import { dialects } from '../db/open-database.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

/** A clock the test sets: "now" is wherever it was put last. */
function settableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

interface Resolution {
  stopped: TimeEntry;
  away: TimeEntry | null;
  started: TimeEntry | null;
}

describe.each(dialects)('idle time taken out of a running timer, through the API on %s', (dialect) => {
  const clock = settableClock('2026-03-04T09:00:00Z');
  let api: TestApp;
  let running: TimeEntry;

  beforeAll(async () => {
    api = await openTestApp(dialect, { clock, timeZone: 'Europe/Paris' });
  });
  afterAll(() => api.close());

  const idle = (payload: Record<string, unknown>) =>
    api.send({ method: 'POST', url: '/api/v1/timer/idle', payload: { entryId: running.id, ...payload } });
  const day = async () =>
    (await api.bigrock.entries.list({ from: '2026-03-04', to: '2026-03-04' })).map(
      ({ activity, start, end, tags, note, source }) => ({
        activity,
        start,
        end,
        tags,
        note,
        source,
      }),
    );

  beforeEach(async () => {
    // Each test starts from an empty day and a timer started at 09:00 UTC, now 09:45.
    for (const entry of await api.bigrock.entries.list({ from: '2026-03-04', to: '2026-03-04' })) {
      await api.bigrock.entries.remove(entry.id);
    }
    clock.set('2026-03-04T09:00:00Z');
    running = (await api.bigrock.entries.startTimer({ activity: 'Calls', tags: ['mga'], note: 'Warm list' })).started;
    clock.set('2026-03-04T09:45:00Z');
  });

  it('discard: stops the timer when the idle time began, and starts it again, the same, when the user came back', async () => {
    const answer = await idle({ from: '2026-03-04T09:10:00.000Z', to: '2026-03-04T09:40:00.000Z', action: 'discard' });
    expect(answer.statusCode).toBe(200);
    const { stopped, away, started } = answer.json<Resolution>();
    expect(stopped).toMatchObject({ id: running.id, end: '2026-03-04T09:10:00.000Z', durationSeconds: 600 });
    expect(away).toBeNull();
    expect(started).toMatchObject({ activity: 'Calls', start: '2026-03-04T09:40:00.000Z', end: null });
    expect(await day()).toEqual([
      {
        activity: 'Calls',
        start: '2026-03-04T09:00:00.000Z',
        end: '2026-03-04T09:10:00.000Z',
        tags: ['mga'],
        note: 'Warm list',
        source: 'timer',
      },
      {
        activity: 'Calls',
        start: '2026-03-04T09:40:00.000Z',
        end: null,
        tags: ['mga'],
        note: 'Warm list',
        source: 'timer',
      },
    ]);
  });

  it('split: makes the idle time an entry of its own, "Away" or the activity chosen, and starts the timer again', async () => {
    const answer = await idle({
      from: '2026-03-04T09:10:00Z',
      to: '2026-03-04T09:40:00Z',
      action: 'split',
      activity: 'Lunch',
    });
    expect(answer.statusCode).toBe(200);
    expect(await day()).toEqual([
      {
        activity: 'Calls',
        start: '2026-03-04T09:00:00.000Z',
        end: '2026-03-04T09:10:00.000Z',
        tags: ['mga'],
        note: 'Warm list',
        source: 'timer',
      },
      {
        activity: 'Lunch',
        start: '2026-03-04T09:10:00.000Z',
        end: '2026-03-04T09:40:00.000Z',
        tags: [],
        note: null,
        source: 'manual',
      },
      {
        activity: 'Calls',
        start: '2026-03-04T09:40:00.000Z',
        end: null,
        tags: ['mga'],
        note: 'Warm list',
        source: 'timer',
      },
    ]);
    const timer = await api.send({ method: 'GET', url: '/api/v1/timer' });
    running = timer.json<{ running: TimeEntry }>().running;
    clock.set('2026-03-04T10:30:00Z');
    // On the workspace's clocks, as the entry forms type them; "Away" by default.
    await idle({ from: '2026-03-04 11:00', to: '2026-03-04 11:20', action: 'split' });
    expect((await day()).map(({ activity, start, end }) => [activity, start, end])).toContainEqual([
      'Away',
      '2026-03-04T10:00:00.000Z',
      '2026-03-04T10:20:00.000Z',
    ]);
  });

  it('stop: leaves the timer stopped when the idle time began; a return later than now counts as now', async () => {
    const answer = await idle({ from: '2026-03-04T09:10:00Z', to: '2026-03-04T10:40:00Z', action: 'stop' });
    expect(answer.json<Resolution>()).toMatchObject({
      away: null,
      started: null,
      stopped: { end: '2026-03-04T09:10:00.000Z' },
    });
    expect(await api.bigrock.entries.timer()).toBeNull();
    clock.set('2026-03-04T09:50:00Z');
    running = (await api.bigrock.entries.startTimer({ activity: 'Email' })).started;
    clock.set('2026-03-04T10:30:00Z');
    const split = await idle({ from: '2026-03-04T09:55:00Z', to: '2026-03-04T11:00:00Z', action: 'split' });
    expect(split.json<Resolution>()).toMatchObject({
      away: { start: '2026-03-04T09:55:00.000Z', end: '2026-03-04T10:30:00.000Z' },
      started: { activity: 'Email', start: '2026-03-04T10:30:00.000Z' },
    });
  });

  it('takes a timer idle from its start out whole: it goes, and starts again when the user came back', async () => {
    // Idle since before the timer started: the laptop was closed right after the start.
    const discarded = await idle({ from: '2026-03-04T08:59:50Z', to: '2026-03-04T09:30:00Z', action: 'discard' });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json<Resolution>()).toMatchObject({
      stopped: null,
      away: null,
      started: { start: '2026-03-04T09:30:00.000Z' },
    });
    expect((await day()).map(({ activity, start, end }) => [activity, start, end])).toEqual([
      ['Calls', '2026-03-04T09:30:00.000Z', null],
    ]);
    running = (await api.bigrock.entries.timer()) ?? running;
    const split = await idle({ from: '2026-03-04T09:30:00Z', to: '2026-03-04T09:40:00Z', action: 'split' });
    expect(split.json<Resolution>()).toMatchObject({
      stopped: null,
      away: { activity: 'Away' },
      started: { activity: 'Calls' },
    });
    expect((await day()).map(({ activity, start, end }) => [activity, start, end])).toEqual([
      ['Away', '2026-03-04T09:30:00.000Z', '2026-03-04T09:40:00.000Z'],
      ['Calls', '2026-03-04T09:40:00.000Z', null],
    ]);
    running = (await api.bigrock.entries.timer()) ?? running;
    await idle({ from: '2026-03-04T09:00:00Z', to: '2026-03-04T09:45:00Z', action: 'stop' });
    expect(await api.bigrock.entries.timer()).toBeNull();
    expect(await day()).toHaveLength(1);
  });

  it('refuses, naming the field and changing nothing, idle time outside the timer or a timer that no longer runs', async () => {
    const before = await day();
    const cases: Array<[Record<string, unknown>, number, string, RegExp]> = [
      [
        { from: '2026-03-04T09:30:00Z', to: '2026-03-04T09:20:00Z', action: 'split' },
        400,
        'to',
        /^to: choose an instant after from/,
      ],
      [
        { from: '2026-03-04T09:50:00Z', to: '2026-03-04T09:55:00Z', action: 'split' },
        400,
        'to',
        /not after now \(2026-03-04 10:45/,
      ],
      [{ from: '2026-03-04T09:10:00Z', to: '2026-03-04T09:40:00Z', action: 'keep' }, 400, 'action', /^action: /],
      [{ from: 'a while ago', to: '2026-03-04T09:40:00Z', action: 'stop' }, 400, 'from', /^from: /],
      [
        { from: '2026-03-04T09:10:00Z', to: '2026-03-04T09:40:00Z', action: 'split', activity: '' },
        400,
        'activity',
        /^activity: /,
      ],
      [
        { entryId: 'someone-else', from: '2026-03-04T09:10:00Z', to: '2026-03-04T09:40:00Z', action: 'stop' },
        409,
        'entryId',
        /another timer runs now \(Calls\)/,
      ],
    ];
    for (const [payload, status, field, message] of cases) {
      const refused = await idle(payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(status);
      expect(refused.json<{ error: { field: string; message: string } }>().error).toMatchObject({
        field,
        message: expect.stringMatching(message),
      });
      expect(await day()).toEqual(before);
    }
    await api.bigrock.entries.stopTimer();
    const gone = await idle({ from: '2026-03-04T09:10:00Z', to: '2026-03-04T09:40:00Z', action: 'discard' });
    expect(gone.statusCode).toBe(409);
    expect(gone.json<{ error: { message: string } }>().error.message).toMatch(/no longer running/);
  });
});
