import { describe, expect, it } from 'vitest';

import { busySlot } from './busy-time.js';

describe('busySlot', () => {
  it('places a meeting on the workspace clocks, on both sides of a daylight-saving change', () => {
    expect(
      busySlot(Date.parse('2027-03-12T14:00:00Z'), Date.parse('2027-03-12T14:45:00Z'), 'America/New_York'),
    ).toEqual({ date: '2027-03-12', start: '09:00', end: '09:45' });
    expect(
      busySlot(Date.parse('2027-03-15T13:00:00Z'), Date.parse('2027-03-15T14:00:00Z'), 'America/New_York'),
    ).toEqual({ date: '2027-03-15', start: '09:00', end: '10:00' });
  });

  it('rounds to whole minutes outwards and cuts a meeting at midnight', () => {
    expect(busySlot(Date.parse('2027-03-12T10:00:30Z'), Date.parse('2027-03-12T10:20:10Z'), 'UTC')).toEqual({
      date: '2027-03-12',
      start: '10:00',
      end: '10:21',
    });
    expect(busySlot(Date.parse('2027-03-12T23:00:00Z'), Date.parse('2027-03-13T01:00:00Z'), 'UTC')).toEqual({
      date: '2027-03-12',
      start: '23:00',
      end: '24:00',
    });
    expect(busySlot(Date.parse('2027-03-12T10:00:00Z'), Date.parse('2027-03-12T10:00:00Z'), 'UTC')).toBeNull();
  });
});
