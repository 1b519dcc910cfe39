import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';

import { AppError } from '../errors/app-error.js';
import { hoursReport, hoursReportCsvRows, type HoursReportInput } from './hours-report.js';
import { reportSpan, resolveReportRange, startOfWeek } from './report-range.js';
import { createLocalHourSplitter, RollupDelta } from './rollup-cells.js';

const at = (iso: string) => Date.parse(iso);

describe('report ranges', () => {
  it('works out each named range from today, weeks from the settings’ week start', () => {
    // Wednesday 4 March 2026.
    expect(resolveReportRange('today', '2026-03-04', 'mon')).toEqual({ from: '2026-03-04', to: '2026-03-04' });
    expect(resolveReportRange('this-week', '2026-03-04', 'mon')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(resolveReportRange('this-week', '2026-03-04', 'sun')).toEqual({ from: '2026-03-01', to: '2026-03-07' });
    expect(resolveReportRange('last-week', '2026-03-04', 'sun')).toEqual({ from: '2026-02-22', to: '2026-02-28' });
    expect(resolveReportRange('this-week', '2026-03-01', 'sat')).toEqual({ from: '2026-02-28', to: '2026-03-06' });
    expect(resolveReportRange('this-month', '2026-02-17', 'mon')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(resolveReportRange('last-month', '2026-03-31', 'mon')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(resolveReportRange('last-month', '2026-01-15', 'mon')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(resolveReportRange('last-90-days', '2026-03-31', 'mon')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(resolveReportRange('this-year', '2028-02-29', 'mon')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
  });

  it('rolls forward: the same name covers other days tomorrow', () => {
    expect(resolveReportRange('this-week', '2026-03-08', 'mon').from).toBe('2026-03-02');
    expect(resolveReportRange('this-week', '2026-03-09', 'mon').from).toBe('2026-03-09');
  });

  it('starts a week on its own weekday whatever day it is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' as const),
        (days, weekStart) => {
          const date = DateTime.fromISO('2000-01-01', { zone: 'UTC' }).plus({ days }).toISODate() ?? '';
          const start = startOfWeek(date, weekStart);
          const startDay = DateTime.fromISO(start, { zone: 'UTC' });
          const gap = DateTime.fromISO(date, { zone: 'UTC' }).diff(startDay, 'days').days;
          return startDay.toFormat('ccc').toLowerCase() === weekStart && gap >= 0 && gap < 7;
        },
      ),
    );
  });

  it('refuses a range whose end comes before its start, naming to', () => {
    const refusal = () => reportSpan({ from: '2026-03-10', to: '2026-03-01' }, '2026-03-04', 'mon');
    expect(refusal).toThrow(AppError);
    expect(refusal).toThrow(/to: choose a day on or after 2026-03-10/);
    try {
      refusal();
    } catch (error) {
      expect((error as AppError).field).toBe('to');
    }
    expect(() => reportSpan({ range: 'today', from: '2026-03-01' }, '2026-03-04', 'mon')).toThrow(/range:/);
    expect(() => reportSpan({ to: '2026-03-01' }, '2026-03-04', 'mon')).toThrow(/from:/);
    expect(reportSpan({}, '2026-03-04', 'mon')).toEqual({ from: '2026-03-01', to: '2026-03-31', range: 'this-month' });
  });
});

describe('local hours', () => {
  it('gives a daylight-saving week in Paris 167 hours and the autumn one 169, each day its own', () => {
    const delta = new RollupDelta('Europe/Paris');
    // From Monday 23 March 2026 00:00 to Monday 30 March 00:00, Paris time; clocks go forward on the 29th.
    delta.add({
      activity: 'A',
      source: 'manual',
      tags: '',
      startMs: at('2026-03-22T23:00:00Z'),
      endMs: at('2026-03-29T22:00:00Z'),
    });
    const days = delta.changedDays();
    expect(days.map((cell) => cell.day)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(days.at(-1)?.seconds).toBe(23 * 3600);
    expect(days.reduce((sum, cell) => sum + cell.seconds, 0)).toBe(167 * 3600);
    expect(delta.changedHours().filter((cell) => cell.day === '2026-03-29' && cell.hour === 2)).toEqual([]);

    const autumn = new RollupDelta('Europe/Paris');
    autumn.add({
      activity: 'A',
      source: 'manual',
      tags: '',
      startMs: at('2026-10-24T22:00:00Z'),
      endMs: at('2026-10-25T23:00:00Z'),
    });
    expect(autumn.changedDays()[0]).toMatchObject({ day: '2026-10-25', seconds: 25 * 3600 });
    expect(autumn.changedHours().find((cell) => cell.hour === 2)).toMatchObject({ weekday: 7, seconds: 7200 });
  });

  it('clips an entry across midnight to each day, and a report to its edges', () => {
    const delta = new RollupDelta('America/New_York');
    const entry = {
      activity: 'A',
      source: 'timer',
      tags: 'x',
      startMs: at('2026-03-03T04:30:00Z'),
      endMs: at('2026-03-03T05:15:00Z'),
    };
    delta.add(entry);
    expect(delta.changedDays().map(({ day, seconds }) => [day, seconds])).toEqual([
      ['2026-03-02', 1800],
      ['2026-03-03', 900],
    ]);
    const clipped = new RollupDelta('America/New_York').add(entry, 1, at('2026-03-03T05:00:00Z'));
    expect(clipped.changedDays()).toEqual([
      { day: '2026-03-03', activity: 'A', source: 'timer', tags: 'x', seconds: 900 },
    ]);
    // Taking the entry away again leaves nothing.
    expect(delta.add(entry, -1).changedDays()).toEqual([]);
  });

  it('splits any span into pieces that match Luxon’s local hours and add up to its whole seconds', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        (zone, startMs, length) => {
          const endMs = startMs + length;
          const pieces: Array<[number, number, number]> = [];
          createLocalHourSplitter(zone)(startMs, endMs, (day, hour, seconds) => pieces.push([day, hour, seconds]));
          const total = pieces.reduce((sum, [, , seconds]) => sum + seconds, 0);
          if (total !== Math.floor(endMs / 1000) - Math.floor(startMs / 1000)) return false;
          // Each second's local hour, as Luxon reads it, at a few sampled seconds.
          let offset = 0;
          for (const [day, hour, seconds] of pieces) {
            const second = Math.floor(startMs / 1000) + offset;
            const local = DateTime.fromMillis(second * 1000, { zone });
            const dayNumber = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
            if (local.hour !== hour || dayNumber !== day) return false;
            offset += seconds;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

const base: Omit<HoursReportInput, 'by' | 'cells'> = {
  from: '2026-03-01',
  to: '2026-03-31',
  range: null,
  timeZone: 'Europe/Paris',
  settings: { currency: 'EUR', exchangeRates: { USD: 0.9 }, weekStart: 'mon' },
  activities: [
    { name: 'Networking', activityClass: 'supporting' },
    { name: 'Client work', activityClass: 'income' },
  ],
  revenue: [
    { activity: 'client work', amount: 1000, currency: 'EUR' },
    { activity: 'Client work', amount: 100, currency: 'USD' },
    { activity: 'Client work', amount: 50, currency: 'GBP' },
  ],
  runningSeconds: 0,
};
const cells = [
  { day: '2026-03-02', activity: 'Networking', source: 'manual', tags: 'events,breakfast', seconds: 3 * 3600 },
  { day: '2026-03-09', activity: 'networking', source: 'manual', tags: 'events', seconds: 3 * 3600 },
  { day: '2026-03-10', activity: 'Client work', source: 'toggl', tags: '', seconds: 10 * 3600 + 1 },
  { day: '2026-03-11', activity: 'Scrolling', source: 'timer', tags: '', seconds: 1799 },
];

describe('hours reports', () => {
  it('adds hours by activity with revenue attributed directly, a currency without a rate apart', () => {
    const report = hoursReport({ ...base, by: 'activity', cells });
    expect(report.rows.map(({ key, seconds, revenue, class: kind }) => [key, seconds, revenue, kind])).toEqual([
      ['Client work', 36_001, 1090, 'income'],
      ['Networking', 21_600, 0, 'supporting'],
      ['Scrolling', 1799, 0, 'unclassified'],
    ]);
    expect(report.rows[0]?.revenueApart).toEqual([{ amount: 50, currency: 'GBP' }]);
    expect(report.rows[0]?.effectiveRate).toBeCloseTo(1090 / (36_001 / 3600));
    expect(report.totalSeconds).toBe(36_001 + 21_600 + 1799);
    expect(report.revenue).toMatchObject({ total: 1090, apart: [{ currency: 'GBP', amount: 50 }] });
    expect(report.revenue?.warning).toMatch(/GBP/);
    expect(report.notes.join(' ')).toMatch(/unclassified/);
  });

  it('adds hours by class, tag, source and week, each total the sum of its rows', () => {
    const byClass = hoursReport({ ...base, by: 'class', cells });
    expect(byClass.rows.map(({ key, seconds }) => [key, seconds])).toEqual([
      ['income', 36_001],
      ['supporting', 21_600],
      ['unclassified', 1799],
    ]);
    const byTag = hoursReport({ ...base, by: 'tag', cells });
    expect(byTag.rows.map(({ key, seconds }) => [key, seconds])).toEqual([
      ['', 37_800],
      ['events', 21_600],
      ['breakfast', 10_800],
    ]);
    expect(byTag.totalSeconds).toBe(70_200);
    expect(byTag.trackedSeconds).toBe(59_400);
    expect(hoursReport({ ...base, by: 'source', cells }).rows.map(({ key }) => key)).toEqual([
      'toggl',
      'manual',
      'timer',
    ]);
    const byWeek = hoursReport({ ...base, by: 'week', cells, settings: { ...base.settings, weekStart: 'sun' } });
    expect(byWeek.rows.map(({ key, seconds }) => [key, seconds])).toEqual([
      ['2026-03-01', 10_800],
      ['2026-03-08', 10_800 + 36_001 + 1799],
      ['2026-03-15', 0],
      ['2026-03-22', 0],
      ['2026-03-29', 0],
    ]);
    for (const report of [byClass, byTag, byWeek]) {
      expect(report.totalSeconds).toBe(report.rows.reduce((sum, row) => sum + row.seconds, 0));
    }
  });

  it('lays the heatmap out from the week start, every weekday and hour', () => {
    const report = hoursReport({
      ...base,
      by: 'heatmap',
      cells: [],
      settings: { ...base.settings, weekStart: 'sun' },
      hourCells: [
        { weekday: 1, hour: 9, seconds: 1200 },
        { weekday: 1, hour: 9, seconds: 600 },
        { weekday: 7, hour: 23, seconds: 60 },
      ],
    });
    expect(report.rows).toHaveLength(168);
    expect(report.rows[0]).toMatchObject({ key: 'sun-00', weekday: 'sun', hour: 0 });
    expect(report.rows.find((row) => row.key === 'mon-09')?.seconds).toBe(1800);
    expect(report.rows.find((row) => row.key === 'sun-23')?.seconds).toBe(60);
    expect(report.totalSeconds).toBe(1860);
  });

  it('writes CSV rows with the total last', () => {
    const rows = hoursReportCsvRows(hoursReport({ ...base, by: 'activity', cells }));
    expect(rows.at(-1)).toEqual(['Total', 59_400, 16.5, 1090, 'EUR', '50 GBP', null, null]);
  });
});
