import { addDays, dateInZone, type Funnel } from '@bigrock/core';
import type { TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

// The test server's workspace and the browser both run on UTC (see useBrowserSession).
const today = dateInZone(new Date(), 'UTC');

const verdict = () => page.getByTestId('verdict').first().textContent();
const probability = async () => Number.parseFloat((await page.getByTestId('probability').textContent()) ?? 'NaN');

async function funnelsOnServer(): Promise<Funnel[]> {
  const response = await server.api(`/api/v1/funnels`);
  expect(response.status).toBe(200);
  return (await response.json()) as Funnel[];
}

const session = useBrowserSession();

beforeEach(() => {
  ({ page, server } = session.current());
});

describe('the funnels pages', () => {
  test("the seeds' funnel built from the template does not fit 8 h, and the hours slider makes it fit", async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Funnels' }).click();
    await page.getByRole('heading', { name: 'No funnels yet' }).waitFor();
    await page.getByRole('link', { name: 'Build a funnel' }).click();

    await page.getByLabel('Start from a template').selectOption('network-marketing');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Network marketing');
    expect(await page.getByLabel('Stage 1 activity').inputValue()).toBe('calls');
    expect(await page.getByLabel('Stage 2 conversion (%)').inputValue()).toBe('10');
    expect(await page.getByLabel('Stage 3 minutes per unit').inputValue()).toBe('60');
    // The live preview: the seeds' 9.75 h fit in 10.
    await expect.poll(verdict).toBe('Fits: it takes 9.75 h a week of your 10 h.');

    await page.getByLabel('Name', { exact: true }).fill('Warm market');
    await page.getByLabel('Hours per week').fill('8');
    await expect.poll(verdict).toBe('Does not fit: it takes 9.75 h a week, and you have 8 h.');
    await page.getByRole('button', { name: 'Create funnel' }).click();

    await page.waitForURL(/\/funnels\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Warm market' }).waitFor();
    expect(await verdict()).toBe('Does not fit: it takes 9.75 h a week, and you have 8 h.');
    const tradeoffs = page.getByRole('listitem').filter({ hasText: 'instead of' });
    await page.getByText('Give it 9.75 h a week instead of 8 h.').waitFor();
    expect(await tradeoffs.count()).toBe(5);
    expect(await page.getByRole('row', { name: /^calls 10 50 600 5$/ }).count()).toBe(1);
    await page.locator('.funnel-picture svg.recharts-surface').first().waitFor();

    const [stored] = await funnelsOnServer();
    expect(stored).toMatchObject({
      name: 'Warm market',
      hoursPerWeek: 8,
      target: 12,
      deadline: addDays(today, 84),
      stages: [
        { activity: 'calls', minutesPerUnit: 6 },
        { activity: 'appointments', conversionGuess: 0.1 },
        { activity: 'recruits', conversionGuess: 0.2 },
      ],
    });

    const required = await probability();
    expect(required).toBeGreaterThan(0);

    // Move the hours slider from 8 h to 10 h, half an hour a step, as a keyboard user would.
    const hours = page.getByLabel('Hours per week available');
    await hours.focus();
    for (let step = 0; step < 4; step += 1) await hours.press('ArrowRight');
    await expect.poll(verdict).toBe('Fits: it takes 9.75 h a week of your 10 h.');
    expect(await page.getByRole('listitem').filter({ hasText: 'instead of' }).count()).toBe(0);

    // More calls a day never lower the chance.
    const calls = page.getByLabel('calls per working day');
    await calls.focus();
    for (let step = 0; step < 10; step += 1) await calls.press('ArrowRight');
    await expect.poll(probability).toBeGreaterThan(required);

    await page.getByRole('button', { name: 'Back to the plan' }).click();
    await expect.poll(verdict).toBe('Does not fit: it takes 9.75 h a week, and you have 8 h.');
  });

  test('an activity added on the activities page takes a quick log and shows its pace', async () => {
    await page.goto('/activities');
    await page.getByText('No activities yet.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('calls');
    await page.getByLabel('Target rate').fill('10');
    await page.getByLabel('Minutes per unit').fill('6');
    // Every day a working day, so that today asks for 10 whatever day the test runs on.
    await page.getByLabel('Saturday').check();
    await page.getByLabel('Sunday').check();
    await page.getByRole('button', { name: 'Add activity' }).click();

    const row = page.getByRole('row').filter({ hasText: '10 calls a working day' });
    await row.waitFor();
    // 10 a day × 7 days × 6 minutes = 7 h a week.
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('7');

    await row.getByLabel('Log calls today').fill('8');
    await row.getByRole('button', { name: 'Log' }).click();
    await expect.poll(() => row.getByText('8 / 10').count()).toBe(1);

    await row.getByRole('link', { name: 'calls' }).click();
    await page.getByRole('heading', { level: 1, name: 'calls' }).waitFor();
    await page.getByRole('region', { name: 'Logged counts' }).getByRole('cell', { name: '8', exact: true }).waitFor();
  });
});
