import { readFileSync } from 'node:fs';

import { auditCsv } from '@bigrock/core';
import type { TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

const session = useBrowserSession();

beforeEach(() => {
  ({ page, server } = session.current());
});

/** A day `days` before today, UTC (the test server's and the browser's zone). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

// Seed 004: a networking event a week, 3 hours with the drive; and a day of client work.
const csv = [
  'Activity,Start date,Start time,End date,End time',
  ...[7, 14, 21, 28].map((days) => `Networking,${daysAgo(days)},17:00:00,${daysAgo(days)},20:00:00`),
  `Client work,${daysAgo(10)},08:00:00,${daysAgo(10)},18:00:00`,
].join('\n');

describe.each([
  ['desktop', 1280, 900],
  ['phone', 390, 844],
])('the time audit (%s)', (_name, width, height) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('sets a target rate and a currency, imports a file, names the waster, downloads the CSV and maps a channel', async () => {
    await server.bigrock.activities.create({ name: 'Networking', unit: 'events', activityClass: 'income' });

    // Nothing tracked yet: the page says so instead of an empty chart and table.
    await page.goto('/audit?range=last-90-days');
    await page
      .getByRole('region', { name: 'Activities: effective rate against the target' })
      .getByText(/^No time tracked from .+: track or import some, or pick another range\.$/)
      .waitFor();
    expect(await page.getByRole('table', { name: 'Hours, revenue and effective rate per activity' }).count()).toBe(0);

    await page.goto('/settings');
    const money = page.getByRole('region', { name: 'Money' });
    await money.getByLabel('Currency').fill('eur');
    await money.getByLabel('Target hourly rate').fill('100');
    await money.getByRole('button', { name: 'Save money settings' }).click();
    await money.getByRole('status').getByText('Saved.').waitFor();
    expect(await server.bigrock.money.get()).toMatchObject({ currency: 'EUR', targetHourlyRate: 100 });
    await money.getByLabel('Target hourly rate').fill('-1');
    await money.getByRole('button', { name: 'Save money settings' }).click();
    await money.getByText(/Must be a number from 0/).waitFor();
    expect((await server.bigrock.money.get()).targetHourlyRate).toBe(100);

    await page.goto('/tracking/import');
    await page.getByLabel('File to import').setInputFiles({
      name: 'month.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('region', { name: 'Preview' }).getByRole('button', { name: 'Import 5 entries' }).click();
    await page.getByRole('region', { name: 'Imported' }).waitFor();
    await server.bigrock.outcomes.add({
      kind: 'revenue',
      amount: 1500,
      currency: 'EUR',
      date: daysAgo(3),
      activity: 'Client work',
    });

    // The navigation names the audit once the app has drawn it (the page loads before the app).
    await page.goto('/');
    await page.locator('nav a[href="/audit"]').waitFor({ state: 'attached' });
    expect(await page.locator('nav a[href="/audit"]').count()).toBe(1);
    await page.goto('/audit?range=last-90-days&attribution=direct');
    await page.getByRole('heading', { level: 1, name: 'Time audit' }).waitFor();
    await page.getByText('attribution: Direct').waitFor();
    const wasters = page.getByRole('region', { name: 'Time wasters' });
    await wasters.getByText('Networking is classed income-producing').waitFor();
    expect(await wasters.getByRole('listitem').first().textContent()).toContain('Networking');

    const activities = page.getByRole('region', { name: 'Activities: effective rate against the target' });
    await activities.getByRole('button', { name: 'What did Networking earn?' }).click();
    await activities.getByRole('status').getByText('What Networking earned').waitFor();
    expect(await activities.getByRole('status').textContent()).toMatch(/12 hr? over 4 days/);
    // The charts come once recharts has loaded, beside their tables.
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    // The activity table as a file: the same CSV as `bigrock audit --csv`.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bigrock-audit-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvText = readFileSync(await download.path(), 'utf8');
    expect(csvText).toBe(auditCsv(await server.bigrock.audit.report({ range: 'last-90-days', attribution: 'direct' })));
    expect(csvText.split('\r\n').find((line) => line.startsWith('Networking,'))).toMatch(
      /^Networking,income,43200,12,/,
    );

    // A channel mapped from the page: an empty name is refused before anything is sent.
    const channels = page.getByRole('form', { name: 'Map a channel to activities' });
    await channels.getByRole('button', { name: 'Save channel' }).click();
    await channels.getByText('Must not be empty: name the channel.').waitFor();
    await channels.getByLabel('Channel').fill('Referral');
    await channels.getByLabel('Networking').check();
    await channels.getByRole('button', { name: 'Save channel' }).click();
    const mappings = page.getByRole('list', { name: 'Channel mappings' });
    await mappings.getByText('Networking').waitFor();
    expect(await server.bigrock.audit.listChannels()).toEqual([{ channel: 'Referral', activities: ['Networking'] }]);
    await mappings.getByRole('button', { name: 'Remove the channel Referral' }).click();
    await mappings.waitFor({ state: 'detached' });
    expect(await server.bigrock.audit.listChannels()).toEqual([]);
  });
});
