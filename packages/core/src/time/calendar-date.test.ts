import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';

import {
  addDays,
  addMonths,
  assertCalendarDate,
  dateInZone,
  daysBetween,
  isCalendarDate,
  isTimeZone,
  isoWeekday,
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

describe('the arithmetic of calendar dates', () => {
  // What these functions gave when each went through Luxon: the fast path must give the same.
  const luxon = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });
  const byLuxon = {
    daysBetween: (from: string, to: string) => Math.round(luxon(to).diff(luxon(from), 'days').days),
    addDays: (date: string, days: number) => luxon(date).plus({ days }).toISODate() ?? date,
    // Luxon's one slip from year 0 to 400: it calls 0000-02-29 (1 BC's leap day) a Wednesday,
    // between Monday the 28th and Wednesday 1 March; it was a Tuesday, as Date says too.
    isoWeekday: (date: string) => (date === '0000-02-29' ? 2 : luxon(date).weekday),
    startOfIsoWeek: (date: string) => luxon(date).startOf('week').toISODate() ?? date,
    startOfMonth: (date: string) => luxon(date).startOf('month').toISODate() ?? date,
  };
  const pad = (value: number, length: number) => String(value).padStart(length, '0');
  // Real dates of every year, the edges of months, and strings that only look like dates.
  const dates = fc.oneof(
    fc
      .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(-24, -14)),
    fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([year, month, day]) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`),
    fc.constantFrom(
      '0000-01-01',
      '9999-12-31',
      '0099-12-31',
      '1900-02-29',
      '2000-02-29',
      '2026-02-29',
      '+010000-01-01',
    ),
    fc.constantFrom('2026-W05-1', '2026-035', '20260105', '2026-01', 'tomorrow', ''),
  );
  const days = fc.oneof(
    fc.integer({ min: -4000, max: 4000 }),
    fc.integer(),
    fc.double({ min: -100, max: 100, noNaN: true }),
  );

  it("counts 1 BC's leap day a Tuesday, as Date does", () => {
    expect(isoWeekday('0000-02-28')).toBe(1);
    expect(isoWeekday('0000-02-29')).toBe(2);
    expect(isoWeekday('0000-03-01')).toBe(3);
    expect(isoWeekday('0000-02-29')).toBe(((new Date('0000-02-29T00:00:00Z').getUTCDay() + 6) % 7) + 1);
  });

  it('gives the answers Luxon gives, for any input', () => {
    fc.assert(
      fc.property(dates, dates, days, (a, b, n) => {
        expect(daysBetween(a, b)).toBe(byLuxon.daysBetween(a, b));
        expect(addDays(a, n)).toBe(byLuxon.addDays(a, n));
        expect(isoWeekday(a)).toBe(byLuxon.isoWeekday(a));
        expect(startOfIsoWeek(a)).toBe(byLuxon.startOfIsoWeek(a));
        expect(startOfMonth(a)).toBe(byLuxon.startOfMonth(a));
      }),
      { numRuns: 3000, examples: [['0000-02-29', '0000-01-01', 0]] },
    );
  });
});
