import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addDays } from '../time/calendar-date.js';
import { bucketEntries, bucketSpan, entrySeconds } from './time-buckets.js';

const nowMs = Date.parse('2026-04-01T00:00:00Z');

describe('time buckets', () => {
  it('counts an entry past midnight in both days, each for its part', () => {
    const buckets = bucketEntries([{ activity: 'Admin', start: '2026-03-04T23:30:00Z', end: '2026-03-05T00:45:00Z' }], {
      zone: 'UTC',
      unit: 'day',
      from: '2026-03-04',
      to: '2026-03-05',
      nowMs,
    });
    expect(buckets.map(({ start, seconds }) => ({ start, seconds }))).toEqual([
      { start: '2026-03-04', seconds: 1800 },
      { start: '2026-03-05', seconds: 2700 },
    ]);
  });

  it('gives the day of the spring change 23 hours and adds up a week from Monday', () => {
    const zone = 'America/New_York';
    const allDay = [{ activity: 'Deep work', start: '2026-03-07T00:00:00-05:00', end: '2026-03-10T00:00:00-04:00' }];
    const days = bucketEntries(allDay, { zone, unit: 'day', from: '2026-03-07', to: '2026-03-09', nowMs });
    expect(days.map(({ start, seconds }) => [start, seconds / 3600])).toEqual([
      ['2026-03-07', 24],
      ['2026-03-08', 23],
      ['2026-03-09', 24],
    ]);
    const weeks = bucketEntries(allDay, { zone, unit: 'week', from: '2026-03-07', to: '2026-03-09', nowMs });
    expect(weeks.map(({ start, end, seconds }) => [start, end, seconds / 3600])).toEqual([
      ['2026-03-02', '2026-03-09', 47],
      ['2026-03-09', '2026-03-16', 24],
    ]);
  });

  it('sorts activities by time spent and counts a running timer up to now', () => {
    const [march] = bucketEntries(
      [
        { activity: 'Calls', start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z' },
        { activity: 'Email', start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:30:00Z' },
        { activity: 'Calls', start: '2026-03-31T23:00:00Z', end: null },
      ],
      { zone: 'UTC', unit: 'month', from: '2026-03-01', to: '2026-03-31', nowMs },
    );
    expect(march).toEqual({
      start: '2026-03-01',
      end: '2026-04-01',
      seconds: 9000,
      activities: [
        { activity: 'Calls', seconds: 7200 },
        { activity: 'Email', seconds: 1800 },
      ],
    });
  });
});

describe('a bucket whatever range holds it', () => {
  const zones = ['UTC', 'America/New_York', 'Europe/Paris', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
  const dayMs = 86_400_000;
  const windowStart = Date.parse('2026-01-01T00:00:00Z');
  const windowDays = 120;
  const activities = ['Calls', 'Email', 'Deep work'];
  // Entries of any length, some past midnight, some for weeks, one of them maybe still running, at any millisecond.
  const entries = fc
    .array(
      fc.record({
        activity: fc.constantFrom(...activities),
        startMs: fc.integer({ min: windowStart - 40 * dayMs, max: windowStart + windowDays * dayMs }),
        lengthMs: fc.oneof(fc.integer({ min: 1, max: 6 * 3_600_000 }), fc.integer({ min: 1, max: 60 * dayMs })),
      }),
      { maxLength: 25 },
    )
    .chain((spans) =>
      fc.record({
        spans: fc.constant(spans),
        running: spans.length === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: spans.length - 1 }),
      }),
    )
    .map(({ spans, running }) =>
      spans.map(({ activity, startMs, lengthMs }, index) => ({
        activity,
        start: new Date(startMs).toISOString(),
        end: index === running ? null : new Date(startMs + lengthMs).toISOString(),
      })),
    );
  const day = (offset: number) => new Date(windowStart + offset * dayMs).toISOString().slice(0, 10);
  const nowMs = windowStart + 100 * dayMs + 12_345;

  it('gives a day, a week and a month the same figures in a short range and in a long one', () => {
    fc.assert(
      fc.property(
        entries,
        fc.constantFrom(...zones),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const),
        fc.integer({ min: 30, max: 90 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 29 }),
        (list, zone, unit, target, before, after) => {
          const alone = bucketEntries(list, { zone, unit, from: day(target), to: day(target), nowMs });
          const wide = bucketEntries(list, { zone, unit, from: day(target - before), to: day(target + after), nowMs });
          const [bucket] = alone;
          expect(alone).toHaveLength(1);
          expect(wide.find(({ start }) => start === bucket?.start)).toEqual(bucket);
        },
      ),
    );
  });

  it('makes each total the sum of its rows, and a week the sum of its days', () => {
    fc.assert(
      fc.property(entries, fc.constantFrom(...zones), fc.integer({ min: 0, max: 100 }), (list, zone, target) => {
        const [week] = bucketEntries(list, { zone, unit: 'week', from: day(target), to: day(target), nowMs });
        if (week === undefined) throw new Error('one week expected');
        const days = bucketEntries(list, { zone, unit: 'day', from: week.start, to: addDays(week.end, -1), nowMs });
        expect(days).toHaveLength(7);
        for (const bucket of [week, ...days]) {
          expect(bucket.seconds).toBe(bucket.activities.reduce((sum, { seconds }) => sum + seconds, 0));
        }
        expect(week.seconds).toBe(days.reduce((sum, { seconds }) => sum + seconds, 0));
        for (const { activity, seconds } of week.activities) {
          const perDay = days.map((item) => item.activities.find((row) => row.activity === activity)?.seconds ?? 0);
          expect(seconds).toBe(perDay.reduce((sum, value) => sum + value, 0));
        }
      }),
    );
  });

  it('counts an entry inside the range for exactly its duration, a running one up to now', () => {
    fc.assert(
      fc.property(entries, fc.constantFrom(...zones), (list, zone) => {
        const buckets = bucketEntries(list, { zone, unit: 'month', from: day(-60), to: day(200), nowMs });
        const total = buckets.reduce((sum, { seconds }) => sum + seconds, 0);
        expect(total).toBe(list.reduce((sum, entry) => sum + entrySeconds(entry, nowMs), 0));
      }),
    );
  });

  it('counts a whole week from Monday when asked from a Wednesday', () => {
    const list = [{ activity: 'Calls', start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z' }];
    const [week] = bucketEntries(list, { zone: 'UTC', unit: 'week', from: '2026-03-04', to: '2026-03-04', nowMs });
    expect(week).toMatchObject({ start: '2026-03-02', end: '2026-03-09', seconds: 3600 });
    expect(bucketSpan({ zone: 'UTC', unit: 'week', from: '2026-03-04', to: '2026-03-04' })).toEqual({
      startMs: Date.parse('2026-03-02T00:00:00Z'),
      endMs: Date.parse('2026-03-09T00:00:00Z'),
    });
  });

  it('counts whole seconds, so that parts add up to the entry', () => {
    const entry = { activity: 'Calls', start: '2026-03-02T23:59:59.700Z', end: '2026-03-03T00:00:01.200Z' };
    expect(entrySeconds(entry, nowMs)).toBe(2);
    const days = bucketEntries([entry], { zone: 'UTC', unit: 'day', from: '2026-03-02', to: '2026-03-03', nowMs });
    expect(days.map(({ seconds }) => seconds)).toEqual([1, 1]);
  });
});
