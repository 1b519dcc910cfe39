import { describe, expect, test } from 'vitest';

import { focusedSeconds } from './focus.js';
import { focusStats, type FocusStatsInput } from './focus-stats.js';

const at = (iso: string) => Date.parse(iso);
const base: Omit<FocusStatsInput, 'from' | 'to' | 'zone'> = {
  nowMs: at('2027-01-01T00:00:00Z'),
  segments: [],
  sessions: [],
  interruptions: [],
};
const cell = (stats: ReturnType<typeof focusStats>, weekday: string, hour: number) =>
  stats.heatmap.find((item) => item.weekday === weekday && item.hour === hour);

describe('focus statistics', () => {
  test('count focus a day, sessions ended, and interruptions an hour of focus by kind', () => {
    const stats = focusStats({
      ...base,
      from: '2026-03-02',
      to: '2026-03-04',
      zone: 'UTC',
      segments: [
        // 50 minutes on Monday, with a pause: 30 then 20.
        { startMs: at('2026-03-02T09:00:00Z'), endMs: at('2026-03-02T09:30:00Z') },
        { startMs: at('2026-03-02T09:40:00Z'), endMs: at('2026-03-02T10:00:00Z') },
        // Tuesday across two hours.
        { startMs: at('2026-03-03T14:45:00Z'), endMs: at('2026-03-03T15:45:00Z') },
        // Outside the range: left out.
        { startMs: at('2026-03-06T09:00:00Z'), endMs: at('2026-03-06T10:00:00Z') },
      ],
      sessions: [
        { status: 'done', endedAtMs: at('2026-03-02T10:00:00Z') },
        { status: 'abandoned', endedAtMs: at('2026-03-03T15:45:00Z') },
        { status: 'done', endedAtMs: at('2026-03-06T10:00:00Z') },
        { status: 'running', endedAtMs: null },
      ],
      interruptions: [
        { kind: 'internal', atMs: at('2026-03-02T09:10:00Z') },
        { kind: 'external', atMs: at('2026-03-02T09:50:00Z') },
        { kind: 'external', atMs: at('2026-03-03T15:10:00Z') },
        { kind: 'internal', atMs: at('2026-03-06T09:10:00Z') },
      ],
    });
    expect(stats.days).toEqual([
      { date: '2026-03-02', focusedSeconds: 3000 },
      { date: '2026-03-03', focusedSeconds: 3600 },
      { date: '2026-03-04', focusedSeconds: 0 },
    ]);
    expect(stats.focusedSeconds).toBe(6600);
    expect(stats.sessions).toEqual({ finished: 1, abandoned: 1 });
    // 3 interruptions in 110 minutes of focus: 1 internal and 2 external.
    expect(stats.interruptions.internal).toBe(1);
    expect(stats.interruptions.external).toBe(2);
    expect(stats.interruptions.perFocusHour.internal).toBeCloseTo(60 / 110, 10);
    expect(stats.interruptions.perFocusHour.external).toBeCloseTo(120 / 110, 10);
    expect(stats.interruptions.perFocusHour.total).toBeCloseTo(180 / 110, 10);
    expect(stats.heatmap).toHaveLength(168);
    expect(cell(stats, 'mon', 9)).toEqual({
      weekday: 'mon',
      hour: 9,
      focusedSeconds: 3000,
      interruptions: 2,
      interruptionsPerHour: 2.4,
    });
    expect(cell(stats, 'tue', 14)).toMatchObject({ focusedSeconds: 900, interruptions: 0, interruptionsPerHour: 0 });
    expect(cell(stats, 'tue', 15)).toMatchObject({ focusedSeconds: 2700, interruptions: 1 });
    expect(cell(stats, 'fri', 9)).toMatchObject({ focusedSeconds: 0, interruptionsPerHour: null });
    // Hour 15 (45 min, 1 interruption: 1.33/h) holds better than 9 (50 min, 2: 2.4/h); 14 has too little focus.
    expect(stats.bestHours.map(({ hour }) => hour)).toEqual([15, 9]);
  });

  test('a running segment counts to now, and nothing divides by zero without focus', () => {
    const empty = focusStats({ ...base, from: '2026-03-02', to: '2026-03-02', zone: 'UTC' });
    expect(empty.interruptions.perFocusHour).toEqual({ internal: null, external: null, total: null });
    expect(empty.bestHours).toEqual([]);
    const running = focusStats({
      ...base,
      nowMs: at('2026-03-02T09:20:30Z'),
      from: '2026-03-02',
      to: '2026-03-02',
      zone: 'UTC',
      segments: [{ startMs: at('2026-03-02T09:00:00Z'), endMs: null }],
    });
    expect(running.focusedSeconds).toBe(1230);
  });

  test('the week the clocks go forward: a 23-hour Sunday, and time under the hours the clocks showed', () => {
    // Berlin, Sunday 2026-03-29: 02:00 becomes 03:00. 01:30 to 03:30 on the clocks is one hour.
    const stats = focusStats({
      ...base,
      from: '2026-03-23',
      to: '2026-03-29',
      zone: 'Europe/Berlin',
      segments: [
        { startMs: at('2026-03-29T00:30:00Z'), endMs: at('2026-03-29T01:30:00Z') },
        // 23:30 to 00:30 on Saturday night, counted half to each day.
        { startMs: at('2026-03-28T22:30:00Z'), endMs: at('2026-03-28T23:30:00Z') },
      ],
      interruptions: [{ kind: 'internal', atMs: at('2026-03-29T01:10:00Z') }],
    });
    expect(stats.days.map(({ date }) => date)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(stats.days.at(-2)?.focusedSeconds).toBe(1800);
    expect(stats.days.at(-1)?.focusedSeconds).toBe(1800 + 3600);
    expect(cell(stats, 'sun', 1)?.focusedSeconds).toBe(1800);
    expect(cell(stats, 'sun', 2)?.focusedSeconds).toBe(0);
    expect(cell(stats, 'sun', 3)).toMatchObject({ focusedSeconds: 1800, interruptions: 1, interruptionsPerHour: 2 });
    expect(cell(stats, 'sun', 0)?.focusedSeconds).toBe(1800);
    expect(cell(stats, 'sat', 23)?.focusedSeconds).toBe(1800);
    expect(stats.heatmap.reduce((sum, item) => sum + item.focusedSeconds, 0)).toBe(stats.focusedSeconds);
  });

  test('the week the clocks go back: 02:00 to 03:00 happens twice and counts under 2 both times', () => {
    // Berlin, Sunday 2026-10-25: 03:00 becomes 02:00 again. 02:30 (first) to 02:30 (second) is one hour.
    const stats = focusStats({
      ...base,
      from: '2026-10-19',
      to: '2026-10-25',
      zone: 'Europe/Berlin',
      segments: [{ startMs: at('2026-10-25T00:30:00Z'), endMs: at('2026-10-25T01:30:00Z') }],
      interruptions: [
        { kind: 'external', atMs: at('2026-10-25T00:45:00Z') },
        { kind: 'external', atMs: at('2026-10-25T01:15:00Z') },
      ],
    });
    expect(stats.days.at(-1)).toEqual({ date: '2026-10-25', focusedSeconds: 3600 });
    expect(cell(stats, 'sun', 2)).toMatchObject({ focusedSeconds: 3600, interruptions: 2, interruptionsPerHour: 2 });
    expect(cell(stats, 'sun', 3)?.focusedSeconds).toBe(0);
    // The range ends at the start of Monday in Berlin, 25 hours after Sunday began.
    const lateSunday = focusStats({
      ...base,
      from: '2026-10-25',
      to: '2026-10-25',
      zone: 'Europe/Berlin',
      segments: [{ startMs: at('2026-10-25T22:30:00Z'), endMs: at('2026-10-25T23:30:00Z') }],
    });
    expect(lateSunday.days).toEqual([{ date: '2026-10-25', focusedSeconds: 1800 }]);
  });

  test('a zone half an hour off UTC has its hours start at half past', () => {
    const stats = focusStats({
      ...base,
      from: '2026-03-02',
      to: '2026-03-02',
      zone: 'Asia/Kolkata',
      segments: [{ startMs: at('2026-03-02T03:00:00Z'), endMs: at('2026-03-02T04:00:00Z') }],
    });
    // 08:30 to 09:30 in Kolkata.
    expect(cell(stats, 'mon', 8)?.focusedSeconds).toBe(1800);
    expect(cell(stats, 'mon', 9)?.focusedSeconds).toBe(1800);
  });
});

describe('focused seconds', () => {
  test('add the segments, the running one to now, in whole seconds', () => {
    expect(
      focusedSeconds(
        [
          { start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:25:00Z' },
          { start: '2026-03-02T09:30:00Z', end: null },
        ],
        at('2026-03-02T09:40:00.900Z'),
      ),
    ).toBe(1500 + 600);
  });
});
