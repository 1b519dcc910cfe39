import { describe, expect, it } from 'vitest';

import { formatDate, formatDay, formatShortDate } from './format-date.js';
import { formatNumber, formatPercent, formatSigned } from './format-number.js';
import { formatCount, formatDelta, formatQuantity, singularUnit } from './format-quantity.js';

// French puts a narrow no-break space before % and between thousands.
const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('numbers', () => {
  it('are written as the locale writes them, rounded', () => {
    expect(formatNumber(1500.256, 2, 'en')).toBe('1,500.26');
    expect(formatNumber(1500.256, 2, 'de')).toBe('1.500,26');
    expect(formatNumber(16.76190476, 1, 'en')).toBe('16.8');
    expect(formatNumber(3, 2, 'en')).toBe('3');
  });

  it('carry their sign when they are a change, and none at zero', () => {
    expect(formatSigned(2, 2, 'en')).toBe('+2');
    expect(formatSigned(-1.5, 2, 'en')).toBe('-1.5');
    expect(formatSigned(0, 2, 'en')).toBe('0');
    expect(formatSigned(-1.25, 1, 'de')).toBe('-1,3');
  });

  it('write shares as percentages, to a tenth', () => {
    expect(formatPercent(0.0636, 'en')).toBe('6.4%');
    expect(spaces(formatPercent(0.0636, 'fr'))).toBe('6,4 %');
    expect(formatPercent(0.421, 'en')).toBe('42.1%');
  });
});

describe('quantities', () => {
  it('put a unit typed in the plural in the singular for one', () => {
    expect(formatQuantity(1, 'recruits', 2, 'en')).toBe('1 recruit');
    expect(formatQuantity(1, 'clients', 2, 'en')).toBe('1 client');
    expect(formatQuantity(12, 'recruits', 2, 'en')).toBe('12 recruits');
    expect(formatQuantity(0, 'recruits', 2, 'en')).toBe('0 recruits');
    expect(formatQuantity(1.5, 'calls', 2, 'en')).toBe('1.5 calls');
    expect(formatQuantity(1, 'people', 2, 'en')).toBe('1 person');
    expect(formatQuantity(1, 'outreach messages', 2, 'en')).toBe('1 outreach message');
  });

  it('leave codes and symbols as typed, and write the figure alone without a unit', () => {
    expect(formatQuantity(1, 'USD', 2, 'en')).toBe('1 USD');
    expect(formatQuantity(1500, 'EUR', 2, 'en')).toBe('1,500 EUR');
    expect(formatQuantity(1, 'kg', 2, 'en')).toBe('1 kg');
    expect(formatQuantity(1, 'h', 2, 'en')).toBe('1 h');
    expect(formatQuantity(7, null, 2, 'en')).toBe('7');
    expect(singularUnit('recruits')).toBe('recruit');
  });

  it('choose the singular by English rules, since the words are English, and the digits by the locale', () => {
    // French would say "0 appel" (0 is "one" in French), but the sentence around it is English.
    expect(formatQuantity(0, 'calls', 2, 'fr')).toBe('0 calls');
    expect(formatQuantity(1.5, 'calls', 2, 'de')).toBe('1,5 calls');
    // 0.999 written to two decimals reads 1.
    expect(formatQuantity(0.999, 'calls', 2, 'en')).toBe('1 call');
  });

  it('write a change with its sign, its unit and its rounding', () => {
    expect(formatDelta(2, 'calls', 2, 'en')).toBe('+2 calls');
    expect(formatDelta(1, 'calls', 2, 'en')).toBe('+1 call');
    expect(formatDelta(-1.54, 'h', 1, 'en')).toBe('-1.5 h');
    expect(formatDelta(-1, 'recruits', 2, 'en')).toBe('-1 recruit');
    expect(formatDelta(0, 'calls', 2, 'en')).toBe('0 calls');
  });

  it('count our own nouns by their two forms', () => {
    expect(formatCount(1, 'day', 'days', 'en')).toBe('1 day');
    expect(formatCount(3, 'day', 'days', 'en')).toBe('3 days');
    expect(formatCount(1200, 'entry', 'entries', 'de')).toBe('1.200 entries');
  });
});

describe('dates', () => {
  it('have one format per locale', () => {
    expect(formatDate('2026-03-02', 'en-US')).toBe('Mar 2, 2026');
    expect(formatDate('2026-03-02', 'en-GB')).toBe('2 Mar 2026');
    expect(formatDate('2026-03-02', 'de')).toBe('2. März 2026');
  });

  it('never shift by a day, whatever the zone of the machine', () => {
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(formatDate('2026-12-31', 'en-GB')).toBe('31 Dec 2026');
  });

  it('name the weekday in headings and leave the year off chart axes', () => {
    expect(formatDay('2026-03-02', 'en-US')).toBe('Mon, Mar 2');
    expect(formatDay('2026-03-02', 'en-GB')).toBe('Mon 2 Mar');
    expect(formatShortDate('2026-03-02', 'en-US')).toBe('Mar 2');
    expect(formatShortDate('2026-03-02', 'de')).toBe('2. März');
  });
});
