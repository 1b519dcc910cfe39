import { describe, expect, it } from 'vitest';

import { blockInstants, expandTemplate, occurrenceDates, recurrenceRule } from './block-recurrence.js';
import { datesOfIsoWeek, isoWeekOf, isoWeekProblem, mondayOfIsoWeek } from './iso-week.js';
import type { TemplateBlock } from './planner.js';

const block = (fields: Partial<TemplateBlock> = {}): TemplateBlock => ({
  id: 'b1',
  weekday: 'mon',
  start: '09:00',
  end: '11:00',
  activityId: null,
  activity: null,
  kind: 'batch-window',
  note: null,
  recurrence: { every: 1, from: '2026-01-05', until: null, except: [] },
  ...fields,
});

const utc = (instant: number) => new Date(instant).toISOString();

describe('a weekly block across daylight-saving changes', () => {
  it('stays 09:00 on the clocks of Paris on both sides of the March and October changes', () => {
    const before = expandTemplate([block()], '2026-W13', 'Europe/Paris')[0];
    const after = expandTemplate([block()], '2026-W14', 'Europe/Paris')[0];
    expect([before?.date, utc(before?.startMs ?? 0), utc(before?.endMs ?? 0)]).toEqual([
      '2026-03-23',
      '2026-03-23T08:00:00.000Z',
      '2026-03-23T10:00:00.000Z',
    ]);
    expect([after?.date, utc(after?.startMs ?? 0)]).toEqual(['2026-03-30', '2026-03-30T07:00:00.000Z']);
    const october = expandTemplate([block()], '2026-W44', 'Europe/Paris')[0];
    expect([october?.date, utc(october?.startMs ?? 0)]).toEqual(['2026-10-26', '2026-10-26T08:00:00.000Z']);
    expect(october?.start).toBe('09:00');
  });

  it('stays 09:00 on the clocks of New York on both sides of the March and November changes', () => {
    const weeks = ['2026-W10', '2026-W11', '2026-W44', '2026-W45'];
    expect(weeks.map((week) => utc(expandTemplate([block()], week, 'America/New_York')[0]?.startMs ?? 0))).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-10-26T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('keeps a block on the very day of the change at its local time, and its length in real hours', () => {
    const sunday = block({ weekday: 'sun', start: '09:00', end: '10:00' });
    const paris = expandTemplate([sunday], '2026-W13', 'Europe/Paris')[0];
    expect([paris?.date, utc(paris?.startMs ?? 0)]).toEqual(['2026-03-29', '2026-03-29T07:00:00.000Z']);
    const newYork = expandTemplate([sunday], '2026-W44', 'America/New_York')[0];
    expect([newYork?.date, utc(newYork?.startMs ?? 0)]).toEqual(['2026-11-01', '2026-11-01T14:00:00.000Z']);
    // 01:00 to 04:00 on the night the clocks go forward lasts two hours.
    const night = blockInstants('2026-03-29', '01:00', '04:00', 'Europe/Paris');
    expect((night.endMs - night.startMs) / 3_600_000).toBe(2);
    const endOfDay = blockInstants('2026-03-02', '22:00', '24:00', 'UTC');
    expect(utc(endOfDay.endMs)).toBe('2026-03-03T00:00:00.000Z');
  });
});

describe('recurrence', () => {
  it('repeats every N weeks counted from its first day, up to until, without the exceptions', () => {
    const recurrence = { every: 2, from: '2026-03-02', until: '2026-04-27', except: ['2026-03-30'] };
    expect(occurrenceDates('mon', recurrence, '2026-01-01', '2026-12-31')).toEqual([
      '2026-03-02',
      '2026-03-16',
      '2026-04-13',
      '2026-04-27',
    ]);
    expect(expandTemplate([block({ recurrence })], '2026-W13', 'UTC')).toEqual([]);
    expect(expandTemplate([block({ recurrence })], '2026-W16', 'UTC')).toHaveLength(1);
    expect(expandTemplate([block({ recurrence })], '2026-W09', 'UTC')).toEqual([]);
  });

  it('writes the rule as iCalendar writes it', () => {
    expect(recurrenceRule('mon', { every: 2, from: '2026-03-02', until: '2026-06-29', except: [] })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO;UNTIL=20260629T000000Z',
    );
  });

  it('orders a week by start', () => {
    const blocks = [block({ id: 'late', weekday: 'tue' }), block({ id: 'early', weekday: 'mon' })];
    expect(expandTemplate(blocks, '2026-W10', 'UTC').map(({ templateBlockId }) => templateBlockId)).toEqual([
      'early',
      'late',
    ]);
  });
});

describe('ISO weeks', () => {
  it('finds the days of a week and the week of a day', () => {
    expect(mondayOfIsoWeek('2027-W03')).toBe('2027-01-18');
    expect(datesOfIsoWeek('2026-W53')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
  });

  it('refuses weeks that are not in the calendar, saying why', () => {
    expect(isoWeekProblem('2027-W53')).toBe('must be a week of 2027, which has 52 weeks, got "2027-W53"');
    expect(isoWeekProblem('2027-W00')).toContain('52 weeks');
    expect(isoWeekProblem('2027-3')).toBe('must be an ISO week written 2027-W03, got "2027-3"');
    expect(isoWeekProblem('3000-W01')).toContain('from 1900 to 2999');
    expect(() => mondayOfIsoWeek('1899-W52')).toThrow('week must be a week from 1900 to 2999');
  });
});
