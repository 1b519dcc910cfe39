import { describe, expect, it } from 'vitest';

import {
  addDays,
  addMonths,
  assertCalendarDate,
  dateInZone,
  daysBetween,
  isCalendarDate,
  isTimeZone,
  startOfIsoWeek,
  startOfMonth,
} from './calendar-date.js';

describe('calendar dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
    expect(isCalendarDate('05/01/2026')).toBe(false);
  });

  it('names the field and the format in its error', () => {
    expect(() => assertCalendarDate('tomorrow', 'deadline')).toThrow(
      'deadline must be a date written YYYY-MM-DD, got "tomorrow".',
    );
  });

  it('counts whole days across daylight-saving changes and leap days', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-10-20', '2026-10-30')).toBe(10);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });

  it('finds the calendar date of an instant in a time zone', () => {
    const instant = new Date('2026-03-08T04:30:00Z');
    expect(dateInZone(instant, 'America/New_York')).toBe('2026-03-07');
    expect(dateInZone(instant, 'Asia/Tokyo')).toBe('2026-03-08');
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('weeks and months', () => {
  it('finds the Monday of the ISO week and the first of the month', () => {
    expect(startOfIsoWeek('2026-01-08')).toBe('2026-01-05');
    expect(startOfIsoWeek('2026-01-05')).toBe('2026-01-05');
    expect(startOfIsoWeek('2026-01-04')).toBe('2025-12-29');
    expect(startOfMonth('2026-02-17')).toBe('2026-02-01');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});
