import { describe, expect, it } from 'vitest';

import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../workspaces/working-hours.js';
import { findReviewItems, type ReviewEntry } from './review-inbox.js';

const entry = (id: string, activity: string, start: string, end: string | null): ReviewEntry => ({
  id,
  activity,
  start,
  end,
});
const nowMs = Date.parse('2026-03-03T12:00:00Z');
const workingHours = DEFAULT_WORKING_HOURS;

describe('the review inbox', () => {
  it('lists an untracked hour between two entries of a day, but not the night between two days', () => {
    const items = findReviewItems(
      [
        entry('a', 'Calls', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'),
        entry('b', 'Email', '2026-03-02T11:00:00Z', '2026-03-02T11:20:00Z'),
        entry('c', 'Calls', '2026-03-02T11:30:00Z', '2026-03-02T17:00:00Z'),
        entry('d', 'Calls', '2026-03-03T08:00:00Z', '2026-03-03T09:00:00Z'),
      ],
      { zone: 'UTC', nowMs, workingHours },
    );
    expect(items).toEqual([
      {
        kind: 'gap',
        start: '2026-03-02T10:00:00.000Z',
        end: '2026-03-02T11:00:00.000Z',
        seconds: 3600,
        date: '2026-03-02',
        entryIds: ['a', 'b'],
        message: '1 hr untracked between Calls and Email: add an entry if you worked.',
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
      { zone: 'UTC', nowMs, workingHours },
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
      { zone: 'UTC', nowMs, workingHours: {} },
    );
    expect(items.map(({ kind, message }) => ({ kind, message }))).toEqual([
      { kind: 'long', message: 'Admin lasts 12 hr 30 min: split it or correct its end.' },
      { kind: 'long', message: 'The Calls timer has run for 18 hr: stop it, or correct its start.' },
    ]);
  });

  it('looks for gaps inside working hours only, on the clocks of the workspace zone', () => {
    // 13:00 to 16:00 UTC is 08:00 to 11:00 in New York: the hour before nine is no gap there.
    const entries = [
      entry('a', 'Calls', '2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z'),
      entry('b', 'Email', '2026-03-02T16:00:00Z', '2026-03-02T17:00:00Z'),
    ];
    const utc = findReviewItems(entries, { zone: 'UTC', nowMs, workingHours });
    expect(utc.map(({ start, seconds }) => ({ start, seconds }))).toEqual([
      { start: '2026-03-02T13:00:00.000Z', seconds: 3 * 3600 },
    ]);
    const newYork = findReviewItems(entries, { zone: 'America/New_York', nowMs, workingHours });
    expect(newYork.map(({ start, seconds }) => ({ start, seconds }))).toEqual([
      { start: '2026-03-02T14:00:00.000Z', seconds: 2 * 3600 },
    ]);
  });

  it('calls no night and no weekend a gap, and splits untracked working time by day', () => {
    const items = findReviewItems(
      [
        // Friday 6 March until 15:00, then Monday 9 March from 10:00, then Tuesday from 11:00.
        entry('fri', 'Calls', '2026-03-06T09:00:00Z', '2026-03-06T15:00:00Z'),
        entry('mon', 'Email', '2026-03-09T10:00:00Z', '2026-03-09T12:00:00Z'),
        entry('tue', 'Calls', '2026-03-10T11:00:00Z', '2026-03-10T12:00:00Z'),
      ],
      { zone: 'UTC', nowMs, workingHours },
    );
    expect(items.map(({ date, seconds, entryIds }) => ({ date, seconds, entryIds }))).toEqual([
      { date: '2026-03-06', seconds: 2 * 3600, entryIds: ['fri', 'mon'] },
      { date: '2026-03-09', seconds: 3600, entryIds: ['fri', 'mon'] },
      { date: '2026-03-09', seconds: 5 * 3600, entryIds: ['mon', 'tue'] },
      { date: '2026-03-10', seconds: 2 * 3600, entryIds: ['mon', 'tue'] },
    ]);
    expect(items[2]?.message).toBe('5 hr untracked between Email and Calls: add an entry if you worked.');
  });

  it('finds no gap at all without working hours, and a gap on a Saturday that has some', () => {
    const entries = [
      entry('a', 'Calls', '2026-03-07T09:00:00Z', '2026-03-07T10:00:00Z'),
      entry('b', 'Email', '2026-03-07T11:00:00Z', '2026-03-07T12:00:00Z'),
    ];
    expect(findReviewItems(entries, { zone: 'UTC', nowMs, workingHours })).toEqual([]);
    expect(findReviewItems(entries, { zone: 'UTC', nowMs, workingHours: {} })).toEqual([]);
    const saturday: WorkingHours = { sat: { start: '10:30', end: '14:00' } };
    expect(
      findReviewItems(entries, { zone: 'UTC', nowMs, workingHours: saturday }).map(({ seconds }) => seconds),
    ).toEqual([1800]);
  });

  it('keeps working hours on the wall clock across a daylight-saving change', () => {
    // Paris moves to summer time in the night of Sunday 29 March 2026: nine o'clock is 08:00 UTC
    // on the Friday before and 07:00 UTC on the Monday after.
    const items = findReviewItems(
      [
        entry('fri', 'Calls', '2026-03-27T08:00:00Z', '2026-03-27T14:00:00Z'),
        entry('mon', 'Email', '2026-03-30T08:00:00Z', '2026-03-30T09:00:00Z'),
      ],
      { zone: 'Europe/Paris', nowMs, workingHours },
    );
    expect(items.map(({ start, end }) => ({ start, end }))).toEqual([
      { start: '2026-03-27T14:00:00.000Z', end: '2026-03-27T16:00:00.000Z' },
      { start: '2026-03-30T07:00:00.000Z', end: '2026-03-30T08:00:00.000Z' },
    ]);
  });

  it('counts the real length of a working day that contains the change', () => {
    // Sunday 01:00 to 05:00 in Paris on 29 March 2026 lasts three hours: 02:00 does not happen.
    const items = findReviewItems(
      [
        entry('a', 'Night shift', '2026-03-28T23:00:00Z', '2026-03-29T00:00:00Z'),
        entry('b', 'Night shift', '2026-03-29T03:00:00Z', '2026-03-29T04:00:00Z'),
      ],
      { zone: 'Europe/Paris', nowMs, workingHours: { sun: { start: '00:00', end: '05:00' } } },
    );
    expect(items.map(({ start, seconds, date }) => ({ start, seconds, date }))).toEqual([
      { start: '2026-03-29T00:00:00.000Z', seconds: 3 * 3600, date: '2026-03-29' },
    ]);
  });
});
