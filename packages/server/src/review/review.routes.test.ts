import { formatDuration, formatMoney, type WeeklyReview } from '@bigrock/core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { pdfText } from '../test-support/pdf-text.js';
import { seedReviewWeek } from '../test-support/review-week.js';
import { drawableText } from './review-pdf.js';

describe.each(dialects)('the weekly review on %s', (dialect) => {
  let api: TestApp;
  beforeAll(async () => {
    // Wednesday of 2027-W04: "last week" is 2027-W03.
    api = await openTestApp(dialect, { clock: fixedClock('2027-01-27T12:00:00Z'), timeZone: 'Europe/Paris' });
    await seedReviewWeek(api.bigrock);
  });
  afterAll(() => api.close());

  const review = async (query = '') => {
    const response = await api.send({ method: 'GET', url: `/api/v1/review${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<WeeklyReview>();
  };

  it('reviews last week by default, in the workspace zone', async () => {
    const weekly = await review();
    expect(weekly).toMatchObject({ week: '2027-W03', from: '2027-01-18', to: '2027-01-24', timeZone: 'Europe/Paris' });
    expect(await review('?week=2027-W03')).toEqual(weekly);
  });

  it('gives hours by class and by activity against the targets, revenue, the trend and the goals', async () => {
    const weekly = await review('?week=2027-W03');
    expect(weekly.hours.totalSeconds).toBe(6 * 3600);
    expect(weekly.hours.byClass).toEqual([
      { activityClass: 'income', seconds: 5 * 3600, targetSeconds: 5 * 3600 },
      { activityClass: 'supporting', seconds: 0, targetSeconds: 0 },
      { activityClass: 'waste', seconds: 3600, targetSeconds: 0 },
      { activityClass: 'unclassified', seconds: 0, targetSeconds: 0 },
    ]);
    // Two entries named "calls" and "Calls" are one activity; 20 calls logged of the 50 a week.
    expect(weekly.hours.byActivity.find((row) => row.activity === 'Calls')).toMatchObject({
      seconds: 2 * 3600,
      targetSeconds: 5 * 3600,
      differenceSeconds: -3 * 3600,
      unitsLogged: 20,
      targetUnits: 50,
    });
    expect(weekly.money.revenue.total).toBe(690);
    expect(weekly.money.clients).toBe(1);
    expect(weekly.money.hourlyValue).toBeCloseTo(690 / 6, 10);
    expect(weekly.money.trend.map((week) => [week.week, week.seconds, week.revenue])).toEqual([
      ['2026-W49', 0, 0],
      ['2026-W50', 0, 0],
      ['2026-W51', 0, 0],
      ['2026-W52', 0, 0],
      ['2026-W53', 0, 0],
      ['2027-W01', 0, 0],
      ['2027-W02', 36_000, 1000],
      ['2027-W03', 21_600, 690],
    ]);
    // The window's hourly value: 1,690 EUR over 16 h in the 90 days to Sunday.
    expect(weekly.money.window).toMatchObject({ to: '2027-01-24', seconds: 16 * 3600 });
    expect(weekly.money.window.hourlyValue).toBeCloseTo(1690 / 16, 10);
    expect(weekly.goals).toMatchObject([{ title: 'Recruits', status: 'behind', actual: 0 }]);
  });

  it('names the biggest waster and drafts next week from the numbers', async () => {
    const weekly = await review('?week=2027-W03');
    const hourlyValue = 1690 / 16;
    // The audit's wasters, ranked by cost: networking, 3 h that brought nothing, comes first.
    expect(weekly.wasters.every((waster) => waster.cost > 0)).toBe(true);
    expect(weekly.wasters[0]).toMatchObject({
      activity: 'Networking',
      seconds: 3 * 3600,
      revenue: 0,
      belowBuyback: true,
    });
    expect(weekly.wasters[0]?.cost).toBeCloseTo(3 * hourlyValue, 10);
    expect(weekly.suggestions).toEqual([]);
    expect(weekly.nextWeek[0]).toBe(
      `Calls is furthest behind its target: ${formatDuration(7200)} of ${formatDuration(18_000)} (${formatDuration(10_800)} short). Block ${formatDuration(10_800)} for it next week.`,
    );
    expect(weekly.nextWeek[1]).toContain(`a cost of ${formatMoney(3 * hourlyValue, 'EUR')}`);
    expect(weekly.nextWeek.some((sentence) => sentence.startsWith('The goal "Recruits" is behind'))).toBe(true);
  });

  it('serves the same review as a PDF download whose text reads back', async () => {
    const response = await api.send({ method: 'GET', url: '/api/v1/review.pdf?week=2027-W03' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="bigrock-review-2027-W03.pdf"');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Weekly review 2027-W03');
    expect(text).toContain('What to change next week');
    expect(text).toContain('Calls is furthest behind its target');
    expect(text).toContain('Networking');
    expect(text).toContain(`Revenue: ${formatMoney(690, 'EUR')}`);
    expect(text).toContain('2027-W02');
    expect(text).toContain('Recruits');
    // Charts are drawn as vector shapes: filled rectangles and lines in the page's content.
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it("shows each funnel's conversions as learned from the logs up to the week's end", async () => {
    const created = await api.send({
      method: 'POST',
      url: '/api/v1/funnels',
      payload: {
        name: 'Warm market',
        target: 5,
        unit: 'appointments',
        startDate: '2027-01-04',
        deadline: '2027-06-30',
        hoursPerWeek: 10,
        workdaysPerWeek: 5,
        stages: [
          { activity: 'Calls', minutesPerUnit: 6 },
          { activity: 'Appointments', minutesPerUnit: 45, conversion: 0.1 },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const logged = await api.send({
      method: 'POST',
      url: '/api/v1/activities/Appointments/logs',
      payload: { count: 1, date: '2027-01-20' },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const weekly = await review('?week=2027-W03');
    expect(weekly.funnels).toHaveLength(1);
    const [conversion] = weekly.funnels[0]?.conversions ?? [];
    expect(conversion).toMatchObject({ from: 'Calls', to: 'Appointments', guess: 0.1, trials: 20, successes: 1 });
    // The guess as a prior worth 10 trials: (0.1 × 10 + 1) ÷ (10 + 20).
    expect(conversion?.learned).toBeCloseTo(2 / 30, 4);
  });

  it('refuses a week that does not exist, NUL and unknown parameters, naming the field', async () => {
    for (const [query, field] of [
      ['week=2027-W60', 'week'],
      ['week=2027-W00', 'week'],
      ['week=2027-W03%00', 'week'],
      ['week=' + 'x'.repeat(5000), 'week'],
      ['week=', 'week'],
      ['weeks=2027-W03', 'weeks'],
    ] as const) {
      for (const path of ['/api/v1/review', '/api/v1/review.pdf']) {
        const refused = await api.send({ method: 'GET', url: `${path}?${query}` });
        expect(refused.statusCode, `${path}?${query.slice(0, 40)}`).toBe(400);
        expect(refused.json<{ error: { field: string } }>().error.field).toBe(field);
      }
    }
  });
});

describe('text in the review PDF', () => {
  it('replaces what the standard fonts cannot draw, and keeps the euro sign and accents', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    expect(drawableText('1\u202f234,50\u00a0€ − café → Łódź 東京', font)).toBe('1 234,50\u00a0€ - café -> Lódz ??');
  });
});
