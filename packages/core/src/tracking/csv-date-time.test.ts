import { describe, expect, it } from 'vitest';

import {
  DateOrderDetector,
  dateOrderCandidates,
  parseClockTime,
  parseDateParts,
  parseDateTime,
  parseDurationSeconds,
} from './csv-date-time.js';

describe('dates and times in CSV exports', () => {
  it('reads the date formats of Toggl and Clockify workspaces', () => {
    expect(parseDateParts('2026-03-02', 'YMD')).toEqual({ year: 2026, month: 3, day: 2 });
    expect(parseDateParts('03/02/2026', 'MDY')).toEqual({ year: 2026, month: 3, day: 2 });
    expect(parseDateParts('03/02/2026', 'DMY')).toEqual({ year: 2026, month: 2, day: 3 });
    expect(parseDateParts('02.03.2026', 'DMY')).toEqual({ year: 2026, month: 3, day: 2 });
    expect(parseDateParts('2/3/26', 'DMY')).toEqual({ year: 2026, month: 3, day: 2 });
    // A year-first date reads the same whatever the file's order.
    expect(parseDateParts('2026-03-02', 'MDY')).toEqual({ year: 2026, month: 3, day: 2 });
  });

  it('refuses dates that do not exist', () => {
    expect(parseDateParts('02/30/2026', 'MDY')).toBeNull();
    expect(parseDateParts('13/02/2026', 'MDY')).toBeNull();
    expect(parseDateParts('2026-13-01', 'YMD')).toBeNull();
    expect(parseDateParts('tomorrow', 'YMD')).toBeNull();
  });

  it('learns from the file whether 03/02 is March or February', () => {
    expect(dateOrderCandidates('03/02/2026')).toEqual(['MDY', 'DMY']);
    expect(dateOrderCandidates('02.03.2026')).toEqual(['DMY']);
    expect(dateOrderCandidates('2026-03-02')).toEqual(['YMD']);
    const detector = new DateOrderDetector();
    detector.observe('03/02/2026');
    expect(detector.decided).toBeNull();
    expect(detector.fallback).toBe('MDY');
    detector.observe('03/13/2026');
    expect(detector.decided).toBe('MDY');
    const dayFirst = new DateOrderDetector();
    dayFirst.observe('03/02/2026');
    dayFirst.observe('25/02/2026');
    expect(dayFirst.decided).toBe('DMY');
  });

  it('reads 12- and 24-hour times', () => {
    expect(parseClockTime('09:00:00 AM')).toEqual({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    expect(parseClockTime('12:30 AM')).toMatchObject({ hour: 0, minute: 30 });
    expect(parseClockTime('12:00:00 PM')).toMatchObject({ hour: 12 });
    expect(parseClockTime('1:05 p.m.')).toMatchObject({ hour: 13, minute: 5 });
    expect(parseClockTime('17:45:30')).toMatchObject({ hour: 17, minute: 45, second: 30 });
    expect(parseClockTime('13:00 PM')).toBeNull();
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('9h')).toBeNull();
  });

  it('reads durations as clock time or decimal hours', () => {
    expect(parseDurationSeconds('01:30:00')).toBe(5400);
    expect(parseDurationSeconds('125:00:00')).toBe(450_000);
    expect(parseDurationSeconds('0:45')).toBe(2700);
    expect(parseDurationSeconds('0.75')).toBe(2700);
    expect(parseDurationSeconds('1,5')).toBe(5400);
    expect(parseDurationSeconds('-1')).toBeNull();
  });

  it('reads a date and time in one cell, with or without an offset', () => {
    expect(parseDateTime('2026-03-02T09:00:00Z', 'YMD')).toEqual({
      kind: 'instant',
      ms: Date.parse('2026-03-02T09:00:00Z'),
    });
    expect(parseDateTime('2026-03-02 09:00:00+0100', 'YMD')).toEqual({
      kind: 'instant',
      ms: Date.parse('2026-03-02T08:00:00Z'),
    });
    expect(parseDateTime('02.03.2026 1:15 PM', 'DMY')).toEqual({
      kind: 'wall',
      wall: { year: 2026, month: 3, day: 2, hour: 13, minute: 15, second: 0, millisecond: 0 },
    });
    expect(parseDateTime('2026-03-02T09:00', 'MDY')).toMatchObject({ kind: 'wall', wall: { day: 2, hour: 9 } });
    expect(parseDateTime('soon', 'YMD')).toBeNull();
  });
});
