import { describe, expect, it } from 'vitest';

import { resolveIdleSchema } from './idle-input.js';
import { findIdleGap } from './idle-time.js';

const minute = 60_000;
const thresholdMs = 10 * minute;

describe('idle time from the ticks of a page', () => {
  it('is the gap between two ticks that lie further apart than the threshold', () => {
    const ticks = [0, 15_000, 30_000, 30_000 + 30 * minute, 45_000 + 30 * minute];
    expect(findIdleGap(ticks, { thresholdMs })).toEqual({ startMs: 30_000, endMs: 30_000 + 30 * minute });
  });

  it('is nothing while the ticks come on time or a little late', () => {
    expect(findIdleGap([0, 15_000, 30_000, 45_000], { thresholdMs })).toBeNull();
    // A background tab ticks once a minute at most: that is no one away.
    expect(findIdleGap([0, minute, 2 * minute, 3 * minute], { thresholdMs })).toBeNull();
    expect(findIdleGap([0, thresholdMs - 1], { thresholdMs })).toBeNull();
    expect(findIdleGap([], { thresholdMs })).toBeNull();
    expect(findIdleGap([5], { thresholdMs })).toBeNull();
  });

  it('counts a gap of exactly the threshold, and gives the last of several', () => {
    expect(findIdleGap([0, thresholdMs], { thresholdMs })).toEqual({ startMs: 0, endMs: thresholdMs });
    expect(findIdleGap([0, 20 * minute, 21 * minute, 60 * minute], { thresholdMs })).toEqual({
      startMs: 21 * minute,
      endMs: 60 * minute,
    });
  });

  it('starts no earlier than the timer, and is no idle time when the timer ran less than the threshold of it', () => {
    expect(findIdleGap([0, 40 * minute], { thresholdMs, sinceMs: 5 * minute })).toEqual({
      startMs: 5 * minute,
      endMs: 40 * minute,
    });
    expect(findIdleGap([0, 40 * minute], { thresholdMs, sinceMs: 35 * minute })).toBeNull();
  });

  it('skips a clock set back, and instants that are not numbers', () => {
    expect(findIdleGap([60 * minute, 0, 61 * minute], { thresholdMs })).toBeNull();
    expect(findIdleGap([0, Number.NaN, 30 * minute], { thresholdMs })).toEqual({ startMs: 0, endMs: 30 * minute });
  });

  it('reads an idle detector the same way: when the user went idle, when they came back', () => {
    expect(findIdleGap([100 * minute, 130 * minute], { thresholdMs })).toEqual({
      startMs: 100 * minute,
      endMs: 130 * minute,
    });
  });
});

describe('what to do with idle time, as the API takes it', () => {
  it('names the field that is wrong', () => {
    const issue = (input: unknown) => {
      const result = resolveIdleSchema.safeParse(input);
      return result.success ? null : result.error.issues[0]?.path.join('.');
    };
    const ok = { entryId: 'a', from: '2026-03-02T09:00:00Z', to: '2026-03-02T09:30:00Z', action: 'split' };
    expect(issue(ok)).toBeNull();
    expect(issue({ ...ok, action: 'keep' })).toBe('action');
    expect(issue({ ...ok, from: 'soon' })).toBe('from');
    expect(issue({ ...ok, activity: ' ' })).toBe('activity');
  });
});
