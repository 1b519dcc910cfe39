import { describe, expect, it } from 'vitest';

import { findReviewItems, formatDuration, type ReviewEntry } from './review-inbox.js';

const entry = (id: string, activity: string, start: string, end: string | null): ReviewEntry => ({
  id,
  activity,
  start,
  end,
});
const nowMs = Date.parse('2026-03-03T12:00:00Z');

describe('the review inbox', () => {
  it('lists an untracked hour between two entries of a day, but not the night between two days', () => {
    const items = findReviewItems(
      [
        entry('a', 'Calls', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'),
        entry('b', 'Email', '2026-03-02T11:00:00Z', '2026-03-02T11:20:00Z'),
        entry('c', 'Calls', '2026-03-02T11:30:00Z', '2026-03-02T17:00:00Z'),
        entry('d', 'Calls', '2026-03-03T08:00:00Z', '2026-03-03T09:00:00Z'),
      ],
      { zone: 'UTC', nowMs },
    );
    expect(items).toEqual([
      {
        kind: 'gap',
        start: '2026-03-02T10:00:00.000Z',
        end: '2026-03-02T11:00:00.000Z',
        seconds: 3600,
        date: '2026-03-02',
        entryIds: ['a', 'b'],
        message: '1 h untracked between Calls and Email: add an entry if you worked.',
      },
    ]);
  });

  it('finds an overlap even when the entry overlapped started long before', () => {
    const items = findReviewItems(
      [
        entry('long', 'Client work', '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z'),
        entry('short', 'Email', '2026-03-02T09:30:00Z', '2026-03-02T09:45:00Z'),
        entry('late', 'Calls', '2026-03-02T11:50:00Z', '2026-03-02T12:30:00Z'),
      ],
      { zone: 'UTC', nowMs },
    );
    expect(items.map(({ kind, entryIds, seconds }) => ({ kind, entryIds, seconds }))).toEqual([
      { kind: 'overlap', entryIds: ['long', 'short'], seconds: 900 },
      { kind: 'overlap', entryIds: ['long', 'late'], seconds: 600 },
    ]);
    expect(items[0]?.message).toBe('Client work and Email overlap by 15 min: correct one of them.');
  });

  it('flags an entry of ten hours or more, and a timer left running overnight', () => {
    const items = findReviewItems(
      [
        entry('day', 'Admin', '2026-03-01T08:00:00Z', '2026-03-01T20:30:00Z'),
        entry('timer', 'Calls', '2026-03-02T18:00:00Z', null),
      ],
      { zone: 'UTC', nowMs },
    );
    expect(items.map(({ kind, message }) => ({ kind, message }))).toEqual([
      { kind: 'long', message: 'Admin lasts 12 h 30 min: split it or correct its end.' },
      { kind: 'long', message: 'The Calls timer has run for 18 h: stop it, or correct its start.' },
    ]);
  });

  it('judges "the same day" in the workspace zone', () => {
    // 22:00 to 02:00 UTC is one evening in New York.
    const entries = [
      entry('a', 'Calls', '2026-03-02T21:00:00Z', '2026-03-02T22:00:00Z'),
      entry('b', 'Calls', '2026-03-03T02:00:00Z', '2026-03-03T03:00:00Z'),
    ];
    expect(findReviewItems(entries, { zone: 'UTC', nowMs })).toEqual([]);
    expect(findReviewItems(entries, { zone: 'America/New_York', nowMs }).map(({ kind }) => kind)).toEqual(['gap']);
  });

  it('writes durations as hours and minutes', () => {
    expect(formatDuration(5400)).toBe('1 h 30 min');
    expect(formatDuration(3900)).toBe('1 h 05 min');
    expect(formatDuration(2700)).toBe('45 min');
  });
});
