import { describe, expect, it } from 'vitest';

import { DEFAULT_MONEY_SETTINGS, type MoneySettings } from '../money/money-settings.js';
import { computeHourlyValue } from '../money/hourly-value.js';
import { draftNextWeek } from './next-week.js';
import { computeWeeklyReview, weeklyReviewSpan, type WeeklyReviewInput } from './weekly-review.js';
import type { ReviewWaster } from './review.js';

const settings: MoneySettings = {
  ...DEFAULT_MONEY_SETTINGS,
  currency: 'EUR',
  exchangeRates: { USD: 0.9 },
  targetHourlyRate: 120,
};

const entry = (activity: string, start: string, end: string | null) => ({ activity, start, end });
const calls = {
  name: 'Calls',
  unit: 'calls',
  activityClass: 'income' as const,
  rate: 10,
  ratePeriod: 'day' as const,
  workdays: ['mon', 'tue', 'wed', 'thu', 'fri'] as WeeklyReviewInput['activities'][number]['workdays'],
  minutesPerUnit: 6,
  unitsLogged: 20,
};
const networking = { ...calls, name: 'Networking', unit: 'events', rate: null, ratePeriod: null, unitsLogged: 0 };
const email = {
  ...calls,
  name: 'Email',
  unit: 'emails',
  activityClass: 'waste' as const,
  rate: null,
  ratePeriod: null,
};

function input(overrides: Partial<WeeklyReviewInput> = {}): WeeklyReviewInput {
  return {
    week: '2027-W03',
    timeZone: 'UTC',
    nowMs: Date.parse('2027-02-01T00:00:00Z'),
    settings,
    entries: [
      // 2027-W03 runs from Monday 18 to Sunday 24 January 2027.
      entry('calls', '2027-01-18T09:00:00Z', '2027-01-18T10:00:00Z'),
      entry('Calls', '2027-01-19T09:00:00Z', '2027-01-19T10:00:00Z'),
      entry('Networking', '2027-01-20T18:00:00Z', '2027-01-20T21:00:00Z'),
      entry('Email', '2027-01-21T08:00:00Z', '2027-01-21T09:00:00Z'),
      entry('Reading', '2027-01-22T08:00:00Z', '2027-01-22T08:30:00Z'),
      // The week before: 10 hours.
      entry('Calls', '2027-01-11T08:00:00Z', '2027-01-11T18:00:00Z'),
    ],
    activities: [calls, networking, email],
    goals: [],
    funnels: [],
    outcomes: [
      { kind: 'revenue', amount: 600, currency: 'EUR', date: '2027-01-19' },
      { kind: 'revenue', amount: 100, currency: 'USD', date: '2027-01-24' },
      { kind: 'revenue', amount: 1000, currency: 'EUR', date: '2027-01-15' },
      { kind: 'client', amount: 1, currency: null, date: '2027-01-20' },
    ],
    window: computeHourlyValue({
      from: '2026-10-27',
      to: '2027-01-24',
      revenue: [{ amount: 12_000, currency: 'EUR' }],
      seconds: 100 * 3600,
      settings,
    }),
    wasters: [],
    suggestions: [],
    locale: 'en-GB',
    ...overrides,
  };
}

describe('the weekly review', () => {
  it('reads the 8 weeks ending with the review week, in the workspace zone', () => {
    const span = weeklyReviewSpan('2027-W03', 'Europe/Paris');
    expect(span).toMatchObject({ from: '2026-11-30', weekFrom: '2027-01-18', to: '2027-01-24' });
    expect(span.startMs).toBe(Date.parse('2026-11-29T23:00:00Z'));
    expect(span.endMs).toBe(Date.parse('2027-01-24T23:00:00Z'));
  });

  it('adds hours by activity (names folded by case) and by class against the targets', () => {
    const review = computeWeeklyReview(input());
    expect(review.hours.totalSeconds).toBe(6.5 * 3600);
    // Calls: 10 a day × 5 days × 6 minutes = 5 h a week; 2 h tracked.
    expect(review.hours.byActivity[0]).toMatchObject({
      activity: 'Networking',
      seconds: 3 * 3600,
      targetSeconds: null,
    });
    expect(review.hours.byActivity.find((row) => row.activity === 'Calls')).toEqual({
      activity: 'Calls',
      activityClass: 'income',
      seconds: 2 * 3600,
      targetSeconds: 5 * 3600,
      differenceSeconds: -3 * 3600,
      unit: 'calls',
      unitsLogged: 20,
      targetUnits: 50,
    });
    expect(review.hours.byClass).toEqual([
      { activityClass: 'income', seconds: 5 * 3600, targetSeconds: 5 * 3600 },
      { activityClass: 'supporting', seconds: 0, targetSeconds: 0 },
      { activityClass: 'waste', seconds: 3600, targetSeconds: 0 },
      { activityClass: 'unclassified', seconds: 1800, targetSeconds: 0 },
    ]);
    const classes = review.hours.byClass.reduce((sum, row) => sum + row.seconds, 0);
    expect(classes).toBe(review.hours.totalSeconds);
  });

  it('gives the revenue in the workspace currency, the hourly value and its 8-week trend', () => {
    const review = computeWeeklyReview(input());
    // 600 EUR + 100 USD × 0.9 = 690 EUR over 6.5 h.
    expect(review.money.revenue.total).toBe(690);
    expect(review.money.hourlyValue).toBeCloseTo(690 / 6.5, 10);
    expect(review.money.clients).toBe(1);
    expect(review.money.trend).toHaveLength(8);
    expect(review.money.trend.map((week) => week.week)).toEqual([
      '2026-W49',
      '2026-W50',
      '2026-W51',
      '2026-W52',
      '2026-W53',
      '2027-W01',
      '2027-W02',
      '2027-W03',
    ]);
    expect(review.money.trend[6]).toEqual({
      week: '2027-W02',
      from: '2027-01-11',
      to: '2027-01-17',
      seconds: 36_000,
      revenue: 1000,
      hourlyValue: 100,
    });
    expect(review.money.trend[0]?.hourlyValue).toBeNull();
  });

  it('keeps revenue in a currency without a rate apart, with a note', () => {
    const review = computeWeeklyReview(
      input({ outcomes: [{ kind: 'revenue', amount: 5000, currency: 'SEK', date: '2027-01-20' }] }),
    );
    expect(review.money.revenue.total).toBe(0);
    expect(review.money.revenue.unconverted).toEqual([{ amount: 5000, currency: 'SEK' }]);
    expect(review.notes.join(' ')).toContain('SEK');
  });

  it('drafts what to change next week, each sentence citing its figure', () => {
    // A waster as the audit gives it: networking, 3 h at 120 €/h that brought nothing.
    const wasters: ReviewWaster[] = [
      {
        activity: 'Networking',
        activityClass: 'income',
        seconds: 10_800,
        revenue: 0,
        effectiveRate: 0,
        hourlyValue: 120,
        cost: 360,
        belowBuyback: true,
        attribution: 'direct',
      },
    ];
    const review = computeWeeklyReview(input({ wasters }));
    expect(review.nextWeek).toEqual([
      'Calls is furthest behind its target: 2 hrs of 5 hrs (3 hrs short). Block 3 hrs for it next week.',
      'Cut, delegate or batch Networking: 3 hrs worth €360.00 at your hourly value brought €0.00, a cost of €360.00.',
      '1 hr (15.4% of the week) went to activities classed waste: drop them first.',
      'Your hours earned €106.15 an hour this week against a target of €120.00: move time from supporting work to income-producing work.',
      'Your best hour of focus was 09:00–10:00, with 2 hrs of income-producing work over the week: keep it for that work.',
    ]);
  });

  it('says so when nothing was tracked, and names a goal behind and a conversion below its guess', () => {
    const empty = computeWeeklyReview(input({ entries: [] }));
    expect(empty.nextWeek).toEqual([
      "No time was tracked from 2027-01-18 to 2027-01-24: track the week's work, or import it, to get a review worth reading.",
    ]);
    const review = computeWeeklyReview(input());
    const drafted = draftNextWeek(
      {
        ...review,
        hours: { ...review.hours, byActivity: [], byClass: [] },
        money: { ...review.money, hourlyValue: null },
        bestHour: null,
        goals: [
          {
            id: 'g',
            title: 'Recruits',
            unit: 'recruits',
            status: 'behind',
            expected: 4,
            actual: 1,
            delta: -3,
            bufferDays: -20,
            projectedDate: null,
            deadline: '2027-06-30',
          },
        ],
        funnels: [
          {
            id: 'f',
            name: 'Warm market',
            probability: 0.4,
            conversions: [
              {
                from: 'calls',
                to: 'appointments',
                guess: 0.1,
                learned: 0.0636,
                used: 0.0636,
                trials: 100,
                successes: 6,
                low: 0.03,
                high: 0.1,
              },
            ],
          },
        ],
      },
      'en-GB',
    );
    expect(drafted).toEqual([
      'The goal "Recruits" is behind: 1 recruit where the line expects 4 recruits (3 recruits short). Put its activities first.',
      'In "Warm market", calls turn into appointments at 6.4%, not the 10% guessed (100 calls so far): work on that step, or plan more calls.',
    ]);
  });

  it('counts a daylight-saving week by the zone calendar, the hour that is skipped never counted', () => {
    // 2027-W12 in Paris ends on Sunday 28 March, when 02:00 becomes 03:00.
    const review = computeWeeklyReview(
      input({
        week: '2027-W12',
        timeZone: 'Europe/Paris',
        nowMs: Date.parse('2027-04-01T00:00:00Z'),
        entries: [
          // 01:30 CET to 03:30 CEST: one hour lived.
          entry('Calls', '2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z'),
          // Sunday 23:30 CEST to Monday 00:30: half in this week, half in the next.
          entry('Calls', '2027-03-28T21:30:00Z', '2027-03-28T22:30:00Z'),
        ],
        outcomes: [],
      }),
    );
    expect(review.from).toBe('2027-03-22');
    expect(review.to).toBe('2027-03-28');
    expect(review.hours.totalSeconds).toBe(5400);
    // Local hours: 01:30–02:00 CET, then 03:00–03:30 CEST and 23:30–00:00: 30 min each.
    expect(review.bestHour).toEqual({ hour: 1, seconds: 1800 });
  });
});
