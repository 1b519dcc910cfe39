import { describe, expect, it } from 'vitest';

import {
  DEFAULT_WORKING_HOURS,
  formatWorkingHours,
  parseWorkingHours,
  workingHoursSchema,
  workingIntervals,
} from './working-hours.js';

const officeDay = { start: '09:00', end: '17:00' };

describe('working hours as typed', () => {
  it('read days and ranges of days followed by their hours', () => {
    expect(parseWorkingHours('mon-fri 09:00-17:00')).toEqual({ hours: DEFAULT_WORKING_HOURS });
    expect(parseWorkingHours('Mon-Thu 9:00–17:00, fri 09:00-13:00; sat,sun 10:00-12:00')).toEqual({
      hours: {
        mon: officeDay,
        tue: officeDay,
        wed: officeDay,
        thu: officeDay,
        fri: { start: '09:00', end: '13:00' },
        sat: { start: '10:00', end: '12:00' },
        sun: { start: '10:00', end: '12:00' },
      },
    });
    expect(parseWorkingHours('saturday-monday 08:00-24:00')).toEqual({
      hours: {
        mon: { start: '08:00', end: '24:00' },
        sat: { start: '08:00', end: '24:00' },
        sun: { start: '08:00', end: '24:00' },
      },
    });
    expect(parseWorkingHours('none')).toEqual({ hours: {} });
  });

  it('say what to fix', () => {
    expect(parseWorkingHours('mon 17:00-09:00')).toEqual({
      problem: 'mon: the end (09:00) must be after the start (17:00); a working day ends the day it begins',
    });
    expect(parseWorkingHours('mnd 09:00-17:00')).toEqual({
      problem:
        '"mnd" is not a weekday or a range of them: use mon, tue, wed, thu, fri, sat, sun, or a range such as mon-fri',
    });
    expect(parseWorkingHours('mon-fri')).toEqual({
      problem: 'give the hours of mon, tue, wed, thu, fri, e.g. "mon 09:00-17:00"',
    });
    expect(parseWorkingHours('mon 09:00-25:00')).toEqual({
      problem: '"25:00" is not a time of day: write HH:mm, from 00:00 to 24:00',
    });
    expect(parseWorkingHours('mon-fri 09:00-17:00, fri 10:00-12:00')).toEqual({
      problem: 'fri is given twice: give each day once',
    });
    expect(parseWorkingHours(' ')).toHaveProperty('problem');
    expect(parseWorkingHours('09:00-17:00')).toHaveProperty('problem');
  });

  it('are written back the way they are read', () => {
    expect(formatWorkingHours(DEFAULT_WORKING_HOURS)).toBe('mon-fri 09:00-17:00');
    expect(formatWorkingHours({})).toBe('none');
    const week = 'mon,tue 08:00-12:00, wed 09:00-17:00, fri-sun 10:00-11:00';
    const read = parseWorkingHours(week);
    expect('hours' in read && formatWorkingHours(read.hours)).toBe(week);
    expect(formatWorkingHours({ mon: officeDay, wed: officeDay })).toBe('mon 09:00-17:00, wed 09:00-17:00');
  });
});

describe('the working hours schema', () => {
  const issue = (input: unknown) => {
    const result = workingHoursSchema.safeParse(input);
    return result.success
      ? null
      : { path: result.error.issues[0]?.path.join('.'), message: result.error.issues[0]?.message };
  };

  it('takes a day per weekday, in week order, and no day for a day off', () => {
    expect(workingHoursSchema.parse({ fri: officeDay, mon: officeDay })).toEqual({ mon: officeDay, fri: officeDay });
    expect(Object.keys(workingHoursSchema.parse({ fri: officeDay, mon: officeDay }))).toEqual(['mon', 'fri']);
    expect(workingHoursSchema.parse({})).toEqual({});
  });

  it('names the day and the field that is wrong', () => {
    expect(issue({ mon: { start: '17:00', end: '09:00' } })).toEqual({
      path: 'mon.end',
      message: 'must be after the start (17:00): a working day ends the day it begins',
    });
    expect(issue({ mnd: officeDay })).toEqual({
      path: 'mnd',
      message: 'is not a weekday: use mon, tue, wed, thu, fri, sat, sun',
    });
    expect(issue({ mon: { start: '9am', end: '17:00' } })?.path).toBe('mon.start');
    expect(issue({ mon: { start: '09:00', end: '17:00', lunch: '12:00' } })?.path).toBe('mon');
  });
});

describe('working intervals', () => {
  it('place each working day on its date, clipped to the span asked', () => {
    expect(
      workingIntervals(DEFAULT_WORKING_HOURS, 'UTC', Date.parse('2026-03-06T12:00Z'), Date.parse('2026-03-09T10:00Z')),
    ).toEqual([
      { startMs: Date.parse('2026-03-06T12:00Z'), endMs: Date.parse('2026-03-06T17:00Z') },
      { startMs: Date.parse('2026-03-09T09:00Z'), endMs: Date.parse('2026-03-09T10:00Z') },
    ]);
  });

  it('end a day at 24:00 at midnight, and follow the zone across a daylight-saving change', () => {
    expect(
      workingIntervals(
        { sun: { start: '20:00', end: '24:00' } },
        'America/New_York',
        Date.parse('2026-03-08T00:00Z'),
        Date.parse('2026-03-10T00:00Z'),
      ),
    ).toEqual([{ startMs: Date.parse('2026-03-09T00:00Z'), endMs: Date.parse('2026-03-09T04:00Z') }]);
    // New York moves its clocks on Sunday 8 March 2026: nine o'clock is 14:00 UTC before, 13:00 after.
    expect(
      workingIntervals(
        DEFAULT_WORKING_HOURS,
        'America/New_York',
        Date.parse('2026-03-06T00:00Z'),
        Date.parse('2026-03-10T00:00Z'),
      ),
    ).toEqual([
      { startMs: Date.parse('2026-03-06T14:00Z'), endMs: Date.parse('2026-03-06T22:00Z') },
      { startMs: Date.parse('2026-03-09T13:00Z'), endMs: Date.parse('2026-03-09T21:00Z') },
    ]);
  });
});
