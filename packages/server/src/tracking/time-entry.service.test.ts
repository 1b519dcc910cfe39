import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TimeBucket } from '@bigrock/core';

import type { Clock } from '../clock.js';
import { dialects } from '../db/open-database.js';
import { openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

/** A clock the test moves by hand. */
function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

describe.each(dialects)('time entries on %s', (dialect) => {
  let test: TestBigrock;
  const clock = movableClock('2026-03-02T14:00:00Z');

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock, timeZone: 'America/New_York' });
  });
  afterAll(() => test.cleanup());

  it('runs one timer at a time: starting another stops the first at the same instant', async () => {
    const { entries } = test.bigrock;
    expect(await entries.timer()).toBeNull();
    const first = await entries.startTimer({ activity: 'Calls', note: 'Warm list', tags: ['mga', 'mga'] });
    expect(first.stopped).toBeNull();
    expect(first.started).toMatchObject({
      activity: 'Calls',
      end: null,
      tags: ['mga'],
      source: 'timer',
      note: 'Warm list',
    });

    clock.set('2026-03-02T14:45:00Z');
    const second = await entries.startTimer({ activity: 'Email' });
    expect(second.stopped).toMatchObject({
      id: first.started.id,
      end: '2026-03-02T14:45:00.000Z',
      durationSeconds: 2700,
    });
    expect(await entries.timer()).toMatchObject({ id: second.started.id, start: '2026-03-02T14:45:00.000Z' });

    clock.set('2026-03-02T15:00:00Z');
    const stopped = await entries.stopTimer();
    expect(stopped).toMatchObject({ id: second.started.id, durationSeconds: 900 });
    await expect(entries.stopTimer()).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('bigrock timer start'),
    });
  });

  it('keeps one running timer when two starts race', async () => {
    const { entries } = test.bigrock;
    clock.set('2026-03-02T16:00:00Z');
    await Promise.all([entries.startTimer({ activity: 'A' }), entries.startTimer({ activity: 'B' })]);
    const running = (await entries.list({ from: '2026-03-02', to: '2026-03-02' })).filter(({ end }) => end === null);
    expect(running).toHaveLength(1);
    clock.set('2026-03-02T16:10:00Z');
    await entries.stopTimer();
  });

  it('adds an entry by hand, reading local times in the workspace zone and ISO instants as given', async () => {
    const { entries } = test.bigrock;
    const local = await entries.add({
      activity: 'Networking',
      start: '2026-03-09 07:30',
      end: '2026-03-09 10:30',
      tags: ['breakfast'],
    });
    expect(local).toMatchObject({
      start: '2026-03-09T11:30:00.000Z',
      end: '2026-03-09T14:30:00.000Z',
      durationSeconds: 10_800,
      source: 'manual',
    });
    const iso = await entries.add({
      activity: 'Admin',
      start: '2026-03-09T18:00:00Z',
      end: '2026-03-09T20:00:00+01:00',
    });
    expect(iso).toMatchObject({ end: '2026-03-09T19:00:00.000Z' });
  });

  it('refuses an entry that ends before it starts, naming the field', async () => {
    await expect(
      test.bigrock.entries.add({ activity: 'Admin', start: '2026-03-09 10:00', end: '2026-03-09 09:00' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'end',
    });
    await expect(
      test.bigrock.entries.add({ activity: 'Admin', start: 'noon', end: '2026-03-09 09:00' }),
    ).rejects.toMatchObject({
      field: 'start',
      message: expect.stringContaining('2026-03-02 09:30'),
    });
    await expect(test.bigrock.entries.add({ activity: ' ', start: '09:00', end: '10:00' })).rejects.toMatchObject({
      field: 'activity',
    });
  });

  it('edits, splits and deletes entries', async () => {
    const { entries } = test.bigrock;
    const entry = await entries.add({ activity: 'Client work', start: '2026-03-10 09:00', end: '2026-03-10 12:00' });
    const edited = await entries.update(entry.id, { activity: 'Design', tags: ['northwind'], note: 'Landing page' });
    expect(edited).toMatchObject({
      activity: 'Design',
      tags: ['northwind'],
      note: 'Landing page',
      start: entry.start,
      end: entry.end,
    });
    const [first, second] = await entries.split(entry.id, { at: '2026-03-10 10:15' });
    expect(first).toMatchObject({ id: entry.id, end: '2026-03-10T14:15:00.000Z' });
    expect(second).toMatchObject({
      activity: 'Design',
      start: '2026-03-10T14:15:00.000Z',
      end: '2026-03-10T16:00:00.000Z',
      tags: ['northwind'],
    });
    expect(second.id).not.toBe(entry.id);
    await expect(entries.split(entry.id, { at: '2026-03-10 13:00' })).rejects.toMatchObject({ field: 'at' });
    await entries.remove(second.id);
    await expect(entries.get(second.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(entries.update(entry.id, { end: '2026-03-10 08:00' })).rejects.toMatchObject({ field: 'end' });
  });

  it('lists entries by day in the workspace zone, including one that started the evening before', async () => {
    const { entries } = test.bigrock;
    const late = await entries.add({ activity: 'Admin', start: '2026-03-11 23:30', end: '2026-03-12 00:45' });
    expect((await entries.list({ from: '2026-03-12', to: '2026-03-12' })).map(({ id }) => id)).toContain(late.id);
    expect((await entries.list({ from: '2026-03-11', to: '2026-03-11' })).map(({ id }) => id)).toContain(late.id);
    expect((await entries.list({ from: '2026-03-13', to: '2026-03-13' })).map(({ id }) => id)).not.toContain(late.id);
    await expect(entries.list({ from: '11/03/2026' })).rejects.toMatchObject({ field: 'from' });
  });

  it('adds time up by day and week, and lists gaps, overlaps and long entries to review', async () => {
    const { entries } = test.bigrock;
    await entries.add({ activity: 'Calls', start: '2026-03-16 09:00', end: '2026-03-16 10:00' });
    await entries.add({ activity: 'Email', start: '2026-03-16 11:00', end: '2026-03-16 11:30' });
    await entries.add({ activity: 'Calls', start: '2026-03-16 11:15', end: '2026-03-16 12:00' });
    await entries.add({ activity: 'Admin', start: '2026-03-17 08:00', end: '2026-03-17 19:00' });
    const days = await entries.summary({ from: '2026-03-16', to: '2026-03-17', unit: 'day' });
    expect(days.map(({ start, seconds }) => [start, seconds])).toEqual([
      ['2026-03-16', 8100],
      ['2026-03-17', 39_600],
    ]);
    const [week] = await entries.summary({ from: '2026-03-16', to: '2026-03-17', unit: 'week' });
    expect(week?.activities).toEqual([
      { activity: 'Admin', seconds: 39_600 },
      { activity: 'Calls', seconds: 6300 },
      { activity: 'Email', seconds: 1800 },
    ]);
    const review = await entries.review({ from: '2026-03-16', to: '2026-03-17' });
    expect(review.map(({ kind, date, seconds }) => ({ kind, date, seconds }))).toEqual([
      { kind: 'gap', date: '2026-03-16', seconds: 3600 },
      { kind: 'overlap', date: '2026-03-16', seconds: 900 },
      // Monday afternoon, untracked until the end of the working day (17:00); not the night after.
      { kind: 'gap', date: '2026-03-16', seconds: 5 * 3600 },
      { kind: 'long', date: '2026-03-17', seconds: 39_600 },
    ]);
  });
});

describe.each(dialects)("a day's total whatever range asks for it, on %s", (dialect) => {
  let test: TestBigrock;
  const clock = movableClock('2026-03-02T08:00:00Z');
  const secondsOf = (buckets: TimeBucket[], start: string) => buckets.find((bucket) => bucket.start === start)?.seconds;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock, timeZone: 'Europe/Paris' });
    const { entries } = test.bigrock;
    // A timer left running since March, a span of seven weeks, and an ordinary morning.
    await entries.startTimer({ activity: 'Forgotten' });
    await entries.add({ activity: 'Retreat', start: '2026-04-01 00:00', end: '2026-05-20 00:00' });
    await entries.add({ activity: 'Calls', start: '2026-06-03 09:00', end: '2026-06-03 10:30' });
    clock.set('2026-06-10T10:00:00Z');
  });
  afterAll(() => test.cleanup());

  it('gives each day of a week the same figure over the week and over the year, a running timer counted to now', async () => {
    const { entries } = test.bigrock;
    const week = await entries.summary({ from: '2026-06-01', to: '2026-06-07', unit: 'day' });
    const year = await entries.summary({ from: '2026-01-01', to: '2026-12-31', unit: 'day' });
    for (const day of week) expect(secondsOf(year, day.start)).toBe(day.seconds);
    expect(secondsOf(week, '2026-06-03')).toBe(24 * 3600 + 5400);
    expect(secondsOf(year, '2026-06-10')).toBe(12 * 3600);
    expect(secondsOf(year, '2026-06-11')).toBe(0);
    const may = await entries.summary({ from: '2026-05-10', to: '2026-05-10', unit: 'day' });
    expect(may[0]?.activities).toEqual([
      { activity: 'Forgotten', seconds: 24 * 3600 },
      { activity: 'Retreat', seconds: 24 * 3600 },
    ]);
    expect(secondsOf(year, '2026-05-10')).toBe(48 * 3600);
  });

  it('counts whole weeks and months whatever days are asked', async () => {
    const { entries } = test.bigrock;
    const [wednesday] = await entries.summary({ from: '2026-06-03', to: '2026-06-03', unit: 'week' });
    const weeks = await entries.summary({ from: '2026-01-01', to: '2026-12-31', unit: 'week' });
    expect(wednesday).toMatchObject({ start: '2026-06-01', end: '2026-06-08', seconds: 7 * 24 * 3600 + 5400 });
    expect(weeks.find(({ start }) => start === '2026-06-01')).toEqual(wednesday);
    const [april] = await entries.summary({ from: '2026-04-30', to: '2026-04-30', unit: 'month' });
    const months = await entries.summary({ from: '2026-01-01', to: '2026-12-31', unit: 'month' });
    expect(april).toMatchObject({ start: '2026-04-01', seconds: 2 * 30 * 24 * 3600 });
    expect(months.find(({ start }) => start === '2026-04-01')).toEqual(april);
  });

  it('lists the entries that started long before the days asked and still reach into them', async () => {
    const { entries } = test.bigrock;
    const may = await entries.list({ from: '2026-05-10', to: '2026-05-10' });
    expect(may.map(({ activity }) => activity)).toEqual(['Forgotten', 'Retreat']);
    const june = await entries.list({ from: '2026-06-03', to: '2026-06-03' });
    expect(june.map(({ activity }) => activity)).toEqual(['Forgotten', 'Calls']);
  });
});

describe.each(dialects)('outcomes on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, {
      clock: movableClock('2026-03-02T03:00:00Z'),
      timeZone: 'America/New_York',
    });
  });
  afterAll(() => test.cleanup());

  it('records revenue, clients and leads, dated today in the workspace zone, with the last currency by default', async () => {
    const { outcomes } = test.bigrock;
    const first = await outcomes.add({ kind: 'revenue', amount: 1200, activity: 'Calls' });
    expect(first).toMatchObject({
      kind: 'revenue',
      amount: 1200,
      currency: 'USD',
      date: '2026-03-01',
      activity: 'Calls',
      channel: null,
    });
    await outcomes.add({ kind: 'revenue', amount: 300, currency: 'eur', date: '2026-02-20', channel: 'Referral' });
    expect(await outcomes.add({ kind: 'revenue', amount: 50 })).toMatchObject({ currency: 'USD' });
    expect(await outcomes.add({ kind: 'client', amount: 1, channel: 'Networking' })).toMatchObject({ currency: null });
    expect(await outcomes.add({ kind: 'lead', amount: 8, activity: 'Facebook' })).toMatchObject({
      kind: 'lead',
      amount: 8,
    });
    expect((await outcomes.list({ from: '2026-03-01' })).map(({ kind }) => kind).sort()).toEqual([
      'client',
      'lead',
      'revenue',
      'revenue',
    ]);
    expect((await outcomes.list({ to: '2026-02-28' })).map(({ currency }) => currency)).toEqual(['EUR']);
    await outcomes.remove(first.id);
    await expect(outcomes.remove(first.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('says what is wrong with an outcome', async () => {
    const { outcomes } = test.bigrock;
    await expect(outcomes.add({ kind: 'sale', amount: 1 })).rejects.toMatchObject({ field: 'kind' });
    await expect(outcomes.add({ kind: 'lead', amount: 1.5 })).rejects.toMatchObject({
      field: 'amount',
      message: expect.stringContaining('whole number'),
    });
    await expect(outcomes.add({ kind: 'client', amount: 1, currency: 'USD' })).rejects.toMatchObject({
      field: 'currency',
    });
    await expect(outcomes.add({ kind: 'revenue', amount: 10, currency: 'dollars' })).rejects.toMatchObject({
      field: 'currency',
    });
    await expect(outcomes.add({ kind: 'revenue', amount: -10 })).rejects.toMatchObject({ field: 'amount' });
  });
});
