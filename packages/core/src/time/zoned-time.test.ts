import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';

import {
  createLocalDateTimeFormatter,
  createWallClockConverter,
  dateRangeInZone,
  localDateTime,
  parseInstantInput,
  startOfDayInZone,
  wallClockToInstant,
} from './zoned-time.js';

const zones = ['America/New_York', 'Europe/Paris', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'America/Santiago'];

describe('zoned time', () => {
  it('reads a wall-clock time on either side of a daylight-saving change with the right offset', () => {
    const wall = { year: 2026, month: 3, day: 6, hour: 9, minute: 0, second: 0 };
    expect(new Date(wallClockToInstant(wall, 'America/New_York')).toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(new Date(wallClockToInstant({ ...wall, day: 9 }, 'America/New_York')).toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('converts wall-clock readings fast and exactly as Luxon does, daylight-saving hours included', () => {
    const wallClock = fc.record({
      year: fc.integer({ min: 2019, max: 2031 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
    });
    for (const zone of zones) {
      const convert = createWallClockConverter(zone);
      fc.assert(
        fc.property(wallClock, (wall) => {
          expect(convert(wall)).toBe(wallClockToInstant(wall, zone));
        }),
        { numRuns: 300 },
      );
      // Every quarter hour of the days around the changes of 2026.
      for (const day of ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01']) {
        for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
          const local = DateTime.fromISO(day, { zone: 'UTC' }).plus({ minutes });
          const wall = {
            year: local.year,
            month: local.month,
            day: local.day,
            hour: local.hour,
            minute: local.minute,
            second: 0,
          };
          expect(convert(wall), `${zone} ${local.toISO()}`).toBe(wallClockToInstant(wall, zone));
        }
      }
    }
  });

  it("writes instants on a zone's clocks fast and exactly as Luxon does, around the changes too", () => {
    for (const zone of [...zones, 'Pacific/Apia', 'Asia/Kathmandu']) {
      const format = createLocalDateTimeFormatter(zone);
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (instantMs) => {
          expect(format(instantMs)).toBe(localDateTime(instantMs, zone));
        }),
        { numRuns: 300 },
      );
      // Every five minutes of the UTC days around the changes of 2026, and the days either side.
      for (const day of ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01']) {
        const from = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let instantMs = from; instantMs < from + 3 * 86_400_000; instantMs += 300_000) {
          expect(format(instantMs), `${zone} ${new Date(instantMs).toISOString()}`).toBe(
            localDateTime(instantMs, zone),
          );
        }
      }
    }
    // The last moment before Paris springs forward, and the first after.
    const paris = createLocalDateTimeFormatter('Europe/Paris');
    expect(paris(Date.parse('2026-03-29T00:59:59.999Z'))).toBe('2026-03-29 01:59:59');
    expect(paris(Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29 03:00:00');
  });

  it('reads a day a zone skipped whole (Samoa moved across the date line in 2011) as Luxon does', () => {
    const convert = createWallClockConverter('Pacific/Apia');
    for (const day of [29, 30, 31]) {
      for (let hour = 0; hour < 24; hour++) {
        const wall = { year: 2011, month: 12, day, hour, minute: 30, second: 0 };
        expect(convert(wall), `${day} ${hour}:30`).toBe(wallClockToInstant(wall, 'Pacific/Apia'));
      }
    }
  });

  it('makes the day of the spring change 23 hours long and the autumn one 25', () => {
    const spring = dateRangeInZone('2026-03-08', '2026-03-08', 'America/New_York');
    expect(((spring.endMs ?? 0) - (spring.startMs ?? 0)) / 3_600_000).toBe(23);
    const autumn = dateRangeInZone('2026-11-01', '2026-11-01', 'America/New_York');
    expect(((autumn.endMs ?? 0) - (autumn.startMs ?? 0)) / 3_600_000).toBe(25);
    expect(new Date(startOfDayInZone('2026-03-08', 'America/New_York')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(() => dateRangeInZone('2026-03-08', '2026-03-01', 'UTC')).toThrow(
      'to: choose a day on or after 2026-03-08.',
    );
  });

  it('reads instants as people type them', () => {
    const now = new Date('2026-03-09T15:00:00Z');
    const zone = 'America/New_York';
    const read = (text: string) => {
      const ms = parseInstantInput(text, zone, now);
      return ms === null ? null : new Date(ms).toISOString();
    };
    expect(read('2026-03-09T09:00:00Z')).toBe('2026-03-09T09:00:00.000Z');
    expect(read('2026-03-09T09:00:00+01:00')).toBe('2026-03-09T08:00:00.000Z');
    expect(read('2026-03-09 09:00')).toBe('2026-03-09T13:00:00.000Z');
    expect(read('2026-03-06T09:00')).toBe('2026-03-06T14:00:00.000Z');
    expect(read('2026-03-09')).toBe('2026-03-09T04:00:00.000Z');
    expect(read('9:30')).toBe('2026-03-09T13:30:00.000Z');
    expect(read('yesterday')).toBeNull();
    expect(read('2026-02-30 09:00')).toBeNull();
    expect(read('25:00')).toBeNull();
  });

  it('writes the local date and time of an instant for spreadsheets', () => {
    expect(localDateTime(Date.parse('2026-03-09T13:00:00Z'), 'America/New_York')).toBe('2026-03-09 09:00:00');
  });
});
