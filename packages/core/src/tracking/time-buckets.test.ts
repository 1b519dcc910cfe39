import { describe, expect, it } from 'vitest';

import { bucketEntries } from './time-buckets.js';

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
