import { describe, expect, it } from 'vitest';

import { DEFAULT_MONEY_SETTINGS, type MoneySettings } from '../money/money-settings.js';
import { activityRoi } from './activity-roi.js';
import { auditCsv } from './audit-csv.js';
import { splitUnits, type AttributedOutcome, type DayActivitySeconds } from './attribution.js';
import { auditQuerySchema } from './audit-input.js';
import { resolveReportRange as resolveRange, startOfWeek } from '../reports/report-range.js';
import { auditFetchSpan, buildAuditReport, type AuditInput } from './audit-report.js';

const hour = 3600;
const settings: MoneySettings = { ...DEFAULT_MONEY_SETTINGS, exchangeRates: { EUR: 1.1 }, targetHourlyRate: 100 };

// March 2027: 10 h of client work, one networking event every Wednesday (3 h with the drive), 2 h of admin.
const tracked: DayActivitySeconds[] = [
  { date: '2027-03-02', activity: 'Client work', seconds: 10 * hour },
  { date: '2027-03-03', activity: 'Networking', seconds: 3 * hour },
  { date: '2027-03-10', activity: 'networking', seconds: 3 * hour },
  { date: '2027-03-17', activity: 'Networking', seconds: 3 * hour },
  { date: '2027-03-24', activity: 'Networking', seconds: 3 * hour },
  { date: '2027-03-04', activity: 'Admin', seconds: 2 * hour },
];
const activities = [
  { name: 'Client work', activityClass: 'income' as const },
  { name: 'Networking', activityClass: 'income' as const },
  { name: 'Admin', activityClass: 'supporting' as const },
];
let ids = 0;
const outcome = (
  fields: Partial<AttributedOutcome> & Pick<AttributedOutcome, 'amount' | 'date'>,
): AttributedOutcome => ({
  id: `o${++ids}`,
  kind: 'revenue',
  currency: 'USD',
  activity: null,
  channel: null,
  ...fields,
});
const outcomes = [
  outcome({ amount: 1500, date: '2027-03-20', activity: 'Client work' }),
  outcome({ amount: 440, date: '2027-03-25', channel: 'Referral' }),
];
const input = (overrides: Partial<AuditInput> = {}): AuditInput => ({
  from: '2027-03-01',
  to: '2027-03-31',
  attribution: 'direct',
  lagWeeks: 2,
  tracked,
  outcomes,
  activities,
  channels: [{ channel: 'referral', activities: ['Networking', 'Client work'] }],
  settings,
  hourlyValue: 50,
  ...overrides,
});
const revenueBy = (report: ReturnType<typeof buildAuditReport>) =>
  Object.fromEntries(report.activities.map((row) => [row.activity, row.revenue.total]));

describe('relative ranges', () => {
  it('roll with today and start weeks on the workspace week start', () => {
    expect(resolveRange('this-week', '2027-03-10', 'mon')).toEqual({ from: '2027-03-08', to: '2027-03-14' });
    expect(resolveRange('last-week', '2027-03-10', 'sun')).toEqual({ from: '2027-02-28', to: '2027-03-06' });
    expect(resolveRange('this-month', '2027-02-10', 'mon')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(resolveRange('last-month', '2027-03-31', 'mon')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(resolveRange('last-90-days', '2027-03-31', 'mon')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(resolveRange('this-year', '2027-03-31', 'mon')).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(startOfWeek('2027-03-06', 'sat')).toBe('2027-03-06');
  });
});

describe('splitting revenue', () => {
  it('gives parts that add up to the whole, largest remainders first, evenly when nothing was tracked', () => {
    expect(splitUnits(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitUnits(44000, [12, 10])).toEqual([24000, 20000]);
    expect(splitUnits(7, [0, 0])).toEqual([4, 3]);
    expect(splitUnits(-10, [1, 3])).toEqual([-3, -7]);
  });
});

describe('attribution models, worked by hand', () => {
  it('direct: the outcome names the activity; the referral names none and stays unattributed', () => {
    const report = buildAuditReport(input());
    expect(report.attribution).toBe('direct');
    expect(report.attributionDescription).toMatch(/^Direct/);
    expect(revenueBy(report)).toEqual({ Networking: 0, 'Client work': 1500, Admin: 0 });
    expect(report.unattributed.total).toBe(440);
    expect(report.revenue.total).toBe(1940);
  });

  it('by channel: the referral maps to networking (12 h) and client work (10 h), split 240 and 200', () => {
    const report = buildAuditReport(input({ attribution: 'channel' }));
    expect(revenueBy(report)).toEqual({ Networking: 240, 'Client work': 1700, Admin: 0 });
    expect(report.unattributed.total).toBe(0);
    expect(report.attributed.total).toBe(1940);
  });

  it('pro rata: revenue naming no activity is split over income-producing hours only', () => {
    const report = buildAuditReport(input({ attribution: 'pro-rata', channels: [] }));
    // 440 over Networking 12 h and Client work 10 h; Admin (supporting) gets none.
    expect(revenueBy(report)).toEqual({ Networking: 240, 'Client work': 1700, Admin: 0 });
  });

  it('lagged: revenue goes to the hours of the weeks before it, part of it outside a shorter window', () => {
    // 440 on 25 March, 2 weeks back: the networking of 17 and 24 March, 220 each. The 1500 of 20 March
    // names client work, not tracked in the 2 weeks before: it lands on its own date.
    const whole = buildAuditReport(input({ attribution: 'lagged' }));
    expect(whole.lagWeeks).toBe(2);
    expect(revenueBy(whole)).toEqual({ Networking: 440, 'Client work': 1500, Admin: 0 });
    const late = buildAuditReport(input({ attribution: 'lagged', from: '2027-03-20' }));
    expect(revenueBy(late)).toEqual({ Networking: 220, 'Client work': 1500 });
    expect(late.creditedOutside.total).toBe(220);
    // A client of April, from February's breakfasts: April's revenue credits February's hours.
    const february = buildAuditReport(
      input({
        attribution: 'lagged',
        lagWeeks: 8,
        from: '2027-02-01',
        to: '2027-02-28',
        tracked: [{ date: '2027-02-10', activity: 'Networking', seconds: 2 * hour }],
        outcomes: [outcome({ amount: 3000, date: '2027-04-01', channel: 'referral' })],
        channels: [{ channel: 'Referral', activities: ['Networking'] }],
      }),
    );
    expect(revenueBy(february)).toEqual({ Networking: 3000 });
    expect(february.activities[0]?.effectiveRate).toBe(1500);
    expect(auditFetchSpan('2027-02-01', '2027-02-28', 'lagged', 8)).toEqual({
      tracked: { from: '2026-12-07', to: '2027-04-25' },
      outcomes: { from: '2027-02-01', to: '2027-04-25' },
    });
  });
});

describe('the disguised time wasters', () => {
  it('ranks by hours × hourly value − revenue and names income-producing work under the buyback rate', () => {
    const report = buildAuditReport(input());
    expect(report.buybackRate).toBe(12.5);
    expect(report.valueOfHour).toEqual({ rate: 50, basis: 'hourly-value' });
    // Networking 12 h × 50 − 0 = 600; Admin 2 h × 50 = 100; client work 10 × 50 − 1500 < 0 is no waster.
    expect(report.wasters.map((waster) => [waster.activity, waster.cost, waster.calledOut])).toEqual([
      ['Networking', 600, true],
      ['Admin', 100, false],
    ]);
    expect(report.wasters[0]?.message).toContain('Networking is classed income-producing');
    const clientWork = report.activities.find((row) => row.activity === 'Client work');
    expect(clientWork?.effectiveRate).toBe(150);
    expect(report.totalSeconds).toBe(24 * hour);
    expect(report.totalSeconds).toBe(report.activities.reduce((sum, row) => sum + row.seconds, 0));
  });

  it('no longer calls networking out when pro rata credits it 20 an hour, above the buyback rate', () => {
    const report = buildAuditReport(input({ attribution: 'pro-rata' }));
    expect(report.wasters.map((waster) => [waster.activity, waster.cost, waster.calledOut])).toEqual([
      ['Networking', 360, false],
      ['Admin', 100, false],
    ]);
  });

  it('values hours at the target rate when there is no hourly value, and says so', () => {
    const report = buildAuditReport(input({ hourlyValue: null }));
    expect(report.valueOfHour).toEqual({ rate: 100, basis: 'target-rate' });
    expect(report.wasters[0]).toMatchObject({ activity: 'Networking', cost: 1200, calledOut: false });
    expect(report.warnings.join(' ')).toContain('target hourly rate');
  });
});

describe('money in several currencies', () => {
  it('converts at the rates entered and keeps a currency with no rate apart, with a warning', () => {
    const report = buildAuditReport(
      input({
        outcomes: [
          outcome({ amount: 100, currency: 'EUR', date: '2027-03-05', activity: 'Client work' }),
          outcome({ amount: 5000, currency: 'SEK', date: '2027-03-06', activity: 'Client work' }),
        ],
      }),
    );
    const row = report.activities.find((item) => item.activity === 'Client work');
    expect(row?.revenue.total).toBeCloseTo(110, 10);
    expect(row?.revenue.unconverted).toEqual([{ currency: 'SEK', amount: 5000 }]);
    expect(report.revenue.unconverted).toEqual([{ currency: 'SEK', amount: 5000 }]);
    expect(report.warnings[0]).toContain('SEK');
  });
});

describe('hours by class per week and the channels', () => {
  it('adds each day into the week of the workspace week start, by class', () => {
    const report = buildAuditReport(input({ settings: { ...settings, weekStart: 'sun' } }));
    expect(
      report.classWeeks.map((week) => [week.week, week.seconds.income / hour, week.seconds.supporting / hour]),
    ).toEqual([
      ['2027-02-28', 13, 2],
      ['2027-03-07', 3, 0],
      ['2027-03-14', 3, 0],
      ['2027-03-21', 3, 0],
      ['2027-03-28', 0, 0],
    ]);
  });

  it('compares channels: hours of their activities, their cost, clients and revenue', () => {
    const report = buildAuditReport(
      input({
        outcomes: [
          ...outcomes,
          outcome({ kind: 'client', amount: 1, currency: null, date: '2027-03-25', channel: 'referral' }),
        ],
      }),
    );
    expect(report.channels).toEqual([
      expect.objectContaining({ channel: 'referral', hours: 22, cost: 1100, clients: 1, roi: (440 - 1100) / 1100 }),
    ]);
    expect(report.channels[0]?.revenue.total).toBe(440);
  });
});

describe("seed 004's networking exercise", () => {
  const march = (extra: AttributedOutcome[] = []) =>
    input({
      tracked: tracked.filter((day) => day.activity.toLowerCase() === 'networking'),
      outcomes: extra,
      hourlyValue: null,
    });

  it('one event a week, 3 hours with the drive: 12 hours a month, $1,200 at $100 an hour, and no client', () => {
    const roi = activityRoi(march(), 'networking');
    expect(roi).toMatchObject({
      activity: 'Networking',
      hours: 12,
      days: 4,
      hoursPerDay: 3,
      rate: { amount: 100, basis: 'target-rate' },
      costOfHours: 1200,
      clients: 0,
      net: -1200,
      paid: false,
    });
    expect(roi.summary).toContain('4 days');
    expect(roi.summary).toContain('$1,200.00');
    expect(roi.summary).toContain('cost $1,200.00 more than it earned');
  });

  it('pays once the clients it brought earn more than the 12 hours are worth', () => {
    const roi = activityRoi(
      march([
        outcome({ kind: 'client', amount: 1, currency: null, date: '2027-03-18', activity: 'Networking' }),
        outcome({ amount: 2000, date: '2027-03-30', activity: 'Networking' }),
      ]),
      'Networking',
    );
    expect(roi).toMatchObject({ clients: 1, net: 800, paid: true, effectiveRate: 2000 / 12 });
    expect(roi.summary).toContain('1 client');
  });
});

describe('the audit query', () => {
  it('names the field of a wrong model, a range with dates, and an end before its start', () => {
    const field = (query: Record<string, string>) => auditQuerySchema.safeParse(query).error?.issues[0]?.path.join('.');
    expect(field({ attribution: 'magic' })).toBe('attribution');
    expect(field({ range: 'this-month', from: '2027-03-01', to: '2027-03-02' })).toBe('range');
    expect(field({ from: '2027-03-02', to: '2027-03-01' })).toBe('to');
    expect(field({ from: '2027-03-02' })).toBe('to');
    expect(field({ lagWeeks: '0' })).toBe('lagWeeks');
    expect(field({ range: 'someday' })).toBe('range');
    expect(auditQuerySchema.parse({ attribution: 'lagged', lagWeeks: '6' })).toEqual({
      attribution: 'lagged',
      lagWeeks: 6,
    });
  });
});

describe('the audit as CSV', () => {
  it('writes one row per activity, whole seconds, formulas defused', () => {
    const report = buildAuditReport(
      input({ tracked: [...tracked, { date: '2027-03-05', activity: '=SUM(A1)', seconds: 60 }] }),
    );
    const lines = auditCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^activity,class,seconds,hours,revenue,currency/);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('Networking,income,43200,12,0,USD,,0,100,600,true,0,direct');
    expect(lines).toContain(`"'=SUM(A1)",unclassed,60,${60 / 3600},0,USD,,0,100,${(60 / 3600) * 50},false,0,direct`);
  });
});
