import { describe, expect, it } from 'vitest';

import { formatDuration } from './format-duration.js';

const en = (seconds: number, precise = false) => formatDuration(seconds, { precise, locale: 'en-US' });

describe('durations', () => {
  it('under a minute are seconds, never "0 min"', () => {
    expect(en(0)).toBe('0 sec');
    expect(en(23)).toBe('23 sec');
    expect(en(59)).toBe('59 sec');
    expect(en(0.4)).toBe('0 sec');
  });

  it('from a minute to an hour are minutes, rounded', () => {
    expect(en(60)).toBe('1 min');
    expect(en(89)).toBe('1 min');
    expect(en(90)).toBe('2 min');
    expect(en(2700)).toBe('45 min');
    expect(en(3599)).toBe('1 hr');
  });

  it('below an hour keep their seconds where precision matters', () => {
    expect(en(23, true)).toBe('23 sec');
    expect(en(60, true)).toBe('1 min');
    expect(en(89, true)).toBe('1 min 29 sec');
    expect(en(725, true)).toBe('12 min 05 sec');
    expect(en(3599, true)).toBe('59 min 59 sec');
    expect(en(5430, true)).toBe('1 hr 31 min');
  });

  it('from an hour on are hours and minutes', () => {
    expect(en(3600)).toBe('1 hr');
    expect(en(3900)).toBe('1 hr 05 min');
    expect(en(5400)).toBe('1 hr 30 min');
    expect(en(168 * 3600)).toBe('168 hr');
    expect(en(1234 * 3600 + 1800)).toBe('1,234 hr 30 min');
  });

  it('are written by Intl for the locale', () => {
    // French puts a no-break space between the figure and its unit.
    expect(formatDuration(23, { locale: 'fr' }).replace(/[\u202f\u00a0]/g, ' ')).toBe('23 s');
    expect(formatDuration(5400, { locale: 'de' })).toBe('1 Std. 30 Min.');
    expect(formatDuration(23, { locale: 'en-GB' })).toBe('23 secs');
  });

  it('read a negative or missing duration as none', () => {
    expect(en(-5)).toBe('0 sec');
    expect(en(Number.NaN)).toBe('0 sec');
  });
});
