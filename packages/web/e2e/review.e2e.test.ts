import { readFile } from 'node:fs/promises';

import { formatMoney } from '@bigrock/core';
import { fixedClock, pdfText, seedReviewWeek, type TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

// Wednesday of 2027-W04: the review opens on last week, 2027-W03, which has the seeded data.
const session = useBrowserSession({ clock: fixedClock('2027-01-27T12:00:00Z') });

beforeEach(async () => {
  ({ page, server } = session.current());
  await seedReviewWeek(server.bigrock);
});

describe.each([
  ['desktop', 1280, 900],
  ['phone', 390, 844],
])('the weekly review (%s)', (_name, width, height) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('shows every section of last week with its charts and tables, and downloads the PDF in one click', async () => {
    await page.goto('/review');
    await page.getByRole('heading', { name: 'Weekly review 2027-W03' }).waitFor();
    for (const section of [
      'What to change next week',
      'Hours',
      'Money',
      'Goals',
      'Funnel conversions',
      'Biggest time wasters',
      'Triage suggestions',
    ])
      await page.getByRole('region', { name: section, exact: true }).waitFor();
    await page.getByText('Calls is furthest behind its target').waitFor();
    const wasters = page.getByRole('region', { name: 'Biggest time wasters' });
    await wasters.getByRole('rowheader', { name: 'Networking' }).waitFor();
    // The table's figures are the API's, each cell under its column's label.
    const response = await server.api('/api/v1/review?week=2027-W03');
    const review = (await response.json()) as { wasters: Array<{ activity: string; revenue: number; cost: number }> };
    const networking = review.wasters.find((waster) => waster.activity === 'Networking');
    const row = wasters.getByRole('row', { name: /^Networking/ });
    expect(await row.locator('td[data-label="Revenue"]').textContent()).toBe(
      formatMoney(networking?.revenue ?? NaN, 'EUR', 'en-US'),
    );
    expect(await row.locator('td[data-label="Cost"]').textContent()).toBe(
      formatMoney(networking?.cost ?? NaN, 'EUR', 'en-US'),
    );
    // The charts (recharts, loaded after the page) are drawn beside their tables.
    const hours = page.getByRole('region', { name: 'Hours', exact: true });
    await hours.locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByRole('region', { name: 'Money' }).locator('.recharts-line').first().waitFor();
    expect(await page.getByRole('region', { name: 'Money' }).getByRole('row').count()).toBe(9);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bigrock-review-2027-W03.pdf');
    const path = await download.path();
    const text = pdfText(await readFile(path)).replace(/\s+/g, ' ');
    expect(text).toContain('Weekly review 2027-W03');
    expect(text).toContain('Calls is furthest behind its target');
    expect(text).toContain(`Revenue: ${formatMoney(690, 'EUR', 'en-US')}`);
    expect(text).toContain('Networking');
  });

  test('picks another week, and says beside the picker when a week does not exist', async () => {
    await page.goto('/review?week=2027-W60');
    await page.getByRole('alert').getByText('which has 52 weeks').waitFor();
    await page.getByRole('heading', { name: 'Weekly review 2027-W03' }).waitFor();
    await page.getByLabel('Week', { exact: true }).fill('2027-W02');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { name: 'Weekly review 2027-W02' }).waitFor();
    expect(new URL(page.url()).searchParams.get('week')).toBe('2027-W02');
    expect(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe(
      '/api/v1/review.pdf?week=2027-W02',
    );
  });
});
