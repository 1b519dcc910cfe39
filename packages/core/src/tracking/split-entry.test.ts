import { describe, expect, it } from 'vitest';

import { splitSpan } from './split-entry.js';

describe('splitting an entry', () => {
  const entry = { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T11:00:00.000Z' };

  it('cuts it in two at an instant inside it', () => {
    expect(splitSpan(entry, Date.parse('2026-03-02T10:15:00Z'))).toEqual([
      { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:15:00.000Z' },
      { start: '2026-03-02T10:15:00.000Z', end: '2026-03-02T11:00:00.000Z' },
    ]);
  });

  it('refuses an instant at or outside its ends, and a running timer', () => {
    expect(() => splitSpan(entry, Date.parse(entry.start))).toThrow(/at: choose an instant between/);
    expect(() => splitSpan(entry, Date.parse('2026-03-02T12:00:00Z'), 'Asia/Tokyo')).toThrow(
      "at: choose an instant between the entry's start (2026-03-02 18:00) and end (2026-03-02 20:00), Asia/Tokyo time.",
    );
    expect(() => splitSpan({ ...entry, end: null }, Date.parse('2026-03-02T10:00:00Z'))).toThrow(
      'This timer is still running: stop it before splitting it.',
    );
  });
});
