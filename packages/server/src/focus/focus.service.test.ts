import { isAppError } from '@bigrock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Clock } from '../clock.js';
import { dialects } from '../db/open-database.js';
import { openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

/** A clock that stays where the test puts it. */
function steppedClock(iso: string): Clock & { set(iso: string): void } {
  let current = Date.parse(iso);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = Date.parse(next);
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; field?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

// Paris; Monday 2 March 2026.
describe.each(dialects)('focus sessions on %s', (dialect) => {
  let test: TestBigrock;
  const clock = steppedClock('2026-03-02T08:00:00Z');
  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock, timeZone: 'Europe/Paris' });
  });
  afterAll(() => test.cleanup());

  it('runs the timer while focused: pauses stop it, a resume starts a new entry, and tracked time is focused time', async () => {
    const { focus, entries } = test.bigrock;
    expect(await focus.current()).toEqual({ session: null, defaultMinutes: 50, rock: null });
    clock.set('2026-03-02T07:50:00Z');
    await entries.startTimer({ activity: 'Email' });

    clock.set('2026-03-02T08:00:00Z');
    const { session, stopped } = await focus.start({ activity: 'Calls', minutes: 25 });
    expect(stopped).toMatchObject({ activity: 'Email', end: '2026-03-02T08:00:00.000Z' });
    expect(session).toMatchObject({
      target: 'activity',
      activity: 'Calls',
      title: 'Calls',
      plannedSeconds: 1500,
      status: 'running',
      focusedSeconds: 0,
      remainingSeconds: 1500,
    });
    expect(await entries.timer()).toMatchObject({
      activity: 'Calls',
      source: 'focus',
      start: '2026-03-02T08:00:00.000Z',
    });

    clock.set('2026-03-02T08:10:00Z');
    await focus.interrupt({ kind: 'external', note: 'The door' });
    clock.set('2026-03-02T08:12:00Z');
    const interrupted = await focus.interrupt({ kind: 'internal' });
    expect(interrupted.interruptions).toEqual([
      { id: expect.any(String), kind: 'external', note: 'The door', at: '2026-03-02T08:10:00.000Z' },
      { id: expect.any(String), kind: 'internal', note: null, at: '2026-03-02T08:12:00.000Z' },
    ]);
    expect(interrupted.status).toBe('running');

    clock.set('2026-03-02T08:15:00Z');
    const paused = await focus.pause();
    expect(paused).toMatchObject({ status: 'paused', focusedSeconds: 900, remainingSeconds: 600 });
    expect(await entries.timer()).toBeNull();
    expect((await refusal(focus.pause())).message).toMatch(/paused already/);
    expect(await refusal(focus.interrupt({ kind: 'internal' }))).toMatchObject({ code: 'conflict', field: 'session' });

    clock.set('2026-03-02T08:25:00Z');
    const resumed = await focus.resume();
    expect(resumed).toMatchObject({ status: 'running', focusedSeconds: 900 });
    expect((await refusal(focus.resume())).message).toMatch(/running already/);

    clock.set('2026-03-02T08:35:00Z');
    const done = await focus.done();
    expect(done).toMatchObject({ status: 'done', endedAt: '2026-03-02T08:35:00.000Z', focusedSeconds: 1500 });
    expect(done.segments).toHaveLength(2);

    const focusEntries = (await entries.list({ from: '2026-03-02', to: '2026-03-02' })).filter(
      (entry) => entry.source === 'focus',
    );
    expect(focusEntries.map(({ start, end, durationSeconds }) => [start, end, durationSeconds])).toEqual([
      ['2026-03-02T08:00:00.000Z', '2026-03-02T08:15:00.000Z', 900],
      ['2026-03-02T08:25:00.000Z', '2026-03-02T08:35:00.000Z', 600],
    ]);
    expect(focusEntries.reduce((sum, entry) => sum + entry.durationSeconds, 0)).toBe(done.focusedSeconds);
    // The planned length chosen is remembered.
    expect(await focus.current()).toEqual({ session: null, defaultMinutes: 25, rock: null });
  });

  it('refuses, naming the problem, what needs a session when none is open', async () => {
    const { focus } = test.bigrock;
    for (const attempt of [
      () => focus.interrupt({ kind: 'external' }),
      () => focus.pause(),
      () => focus.resume(),
      () => focus.done(),
      () => focus.abandon({ reason: 'x' }),
    ]) {
      const error = await refusal(attempt());
      expect(error).toMatchObject({ code: 'conflict', field: 'session' });
      expect(error.message).toMatch(/no focus session is running.*bigrock focus start/);
    }
    expect(await refusal(focus.abandon({ reason: ' ' }))).toMatchObject({ code: 'invalid-input', field: 'reason' });
    expect(await refusal(focus.interrupt({ kind: 'bored' }))).toMatchObject({ code: 'invalid-input', field: 'kind' });
    expect(await refusal(focus.start({}))).toMatchObject({ code: 'invalid-input', field: 'activity' });
    expect(await refusal(focus.start({ activity: 'Calls', minutes: 0 }))).toMatchObject({ field: 'minutes' });
    expect(await refusal(focus.start({ rock: true, blockId: 'b1' }))).toMatchObject({ field: 'blockId' });
  });

  it("focuses on today's big rock (its activity), one session at a time, and abandons it with a reason", async () => {
    const { focus, planner, activities, entries } = test.bigrock;
    clock.set('2026-03-03T08:00:00Z');
    expect(await refusal(focus.start({ rock: true }))).toMatchObject({ code: 'not-found', field: 'rock' });
    await activities.create({ name: 'Proposals', unit: 'proposals' });
    await planner.setRock({ title: 'Write the Acme proposal', activity: 'Proposals' });
    const { session } = await focus.start({ rock: true });
    expect(session).toMatchObject({
      target: 'rock',
      activity: 'Proposals',
      title: 'Write the Acme proposal',
      date: '2026-03-03',
      plannedSeconds: 1500,
    });
    expect(await entries.timer()).toMatchObject({ activity: 'Proposals', note: 'Write the Acme proposal' });
    expect(await refusal(focus.start({ activity: 'Calls' }))).toMatchObject({ code: 'conflict', field: 'session' });

    // Another timer started meanwhile stops the session's entry: the session reads as paused.
    clock.set('2026-03-03T08:20:00Z');
    await entries.startTimer({ activity: 'Phone' });
    expect((await focus.current()).session).toMatchObject({ status: 'paused', focusedSeconds: 1200 });
    clock.set('2026-03-03T08:30:00Z');
    const resumed = await focus.resume();
    expect(resumed.status).toBe('running');
    expect(await entries.timer()).toMatchObject({ activity: 'Proposals', source: 'focus' });

    clock.set('2026-03-03T08:40:00Z');
    const abandoned = await focus.abandon({ reason: 'The client called' });
    expect(abandoned).toMatchObject({ status: 'abandoned', abandonReason: 'The client called', focusedSeconds: 1800 });
    expect(await entries.timer()).toBeNull();
  });

  it('focuses on a block of the week, its activity or kind', async () => {
    const { focus, planner } = test.bigrock;
    clock.set('2026-03-04T08:00:00Z');
    const { block } = await planner.addBlock({ kind: 'deep-work', weekday: 'wed', start: '09:00', end: '11:00' });
    expect(await refusal(focus.start({ blockId: 'nope' }))).toMatchObject({ code: 'not-found', field: 'blockId' });
    const { session } = await focus.start({ blockId: block?.id, minutes: 90 });
    expect(session).toMatchObject({ target: 'block', activity: 'Deep work', title: 'Deep work', blockId: block?.id });
    clock.set('2026-03-04T09:30:00Z');
    expect(await focus.done()).toMatchObject({ focusedSeconds: 5400, remainingSeconds: 0 });
  });

  it('counts the statistics in the workspace zone', async () => {
    const stats = await test.bigrock.focus.stats({ from: '2026-03-02', to: '2026-03-04' });
    expect(stats.days).toEqual([
      { date: '2026-03-02', focusedSeconds: 1500 },
      { date: '2026-03-03', focusedSeconds: 1800 },
      { date: '2026-03-04', focusedSeconds: 5400 },
    ]);
    expect(stats.sessions).toEqual({ finished: 2, abandoned: 1 });
    expect(stats.interruptions).toMatchObject({ internal: 1, external: 1, total: 2 });
    // Monday 09:00 to 09:35 in Paris holds both interruptions.
    expect(stats.heatmap.find((cell) => cell.weekday === 'mon' && cell.hour === 9)).toMatchObject({
      focusedSeconds: 1500,
      interruptions: 2,
    });
    expect(await refusal(test.bigrock.focus.stats({ from: '2026-03-04', to: '2026-03-02' }))).toMatchObject({
      field: 'to',
    });
    expect((await test.bigrock.focus.stats()).days).toHaveLength(28);
  });
});
