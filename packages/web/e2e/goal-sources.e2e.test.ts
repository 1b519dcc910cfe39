import { addDays, dateInZone } from '@bigrock/core';
import type { TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

// The test server's workspace and the browser both run on UTC (see useBrowserSession).
const today = dateInZone(new Date(), 'UTC');

const session = useBrowserSession();

beforeEach(() => {
  ({ page, server } = session.current());
});

/** What the pace summary shows as actual against target. */
const actualShown = () => page.locator('.pace-fact').filter({ hasText: 'Actual / target' }).locator('dd').innerText();

/** Whether the page scrolls sideways: it must not, on a phone as on a desktop. */
const scrollsSideways = () => page.locator('html').evaluate((html) => html.scrollWidth > html.clientWidth);

describe.each([
  { screen: 'desktop', width: 1280, height: 900 },
  { screen: '390 px', width: 390, height: 844 },
])('a goal fed by an activity, on $screen', ({ width, height }) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('is made in the goal form, and moves on its page and the dashboard when calls are logged on the activity', async () => {
    const calls = await server.bigrock.activities.create({ name: 'Calls', unit: 'calls' });
    await page.goto('/goals/new');
    await page.getByLabel('Title', { exact: true }).fill('Make 200 calls');
    await page.getByLabel('Target', { exact: true }).fill('200');
    await page.getByLabel('Unit', { exact: true }).fill('calls');
    await page.getByLabel('Start date').fill(addDays(today, -9));
    await page.getByLabel('Deadline', { exact: true }).fill(addDays(today, 11));
    await page.getByLabel('Where the numbers come from').selectOption({ label: 'The counts logged on an activity' });
    // Refused without an activity, beside the activity field.
    await page.getByRole('button', { name: 'Create goal' }).click();
    await page
      .getByRole('alert')
      .getByText('Where the numbers come from: choose the activity (its id or name).')
      .waitFor();
    await page.getByLabel('Activity', { exact: true }).selectOption({ label: 'Calls' });
    expect(await scrollsSideways()).toBe(false);
    await page.getByRole('button', { name: 'Create goal' }).click();
    // Not /goals/new, where the form is.
    await page.waitForURL((url) => /^\/goals\/[^/]+$/.test(url.pathname) && url.pathname !== '/goals/new');
    const goalUrl = page.url();

    const source = page.getByRole('region', { name: 'Where the numbers come from' });
    await source.getByText('This goal follows the counts logged on the activity "Calls"').waitFor();
    // No form to log progress on the goal itself: the numbers are logged on the activity.
    expect(await page.getByRole('button', { name: 'Log progress' }).count()).toBe(0);
    expect(await scrollsSideways()).toBe(false);
    const [standing] = await server.bigrock.goals.list();
    expect(standing?.goal.source).toEqual({ kind: 'activity', activityId: calls.id });

    await source.getByRole('link', { name: 'Log Calls' }).click();
    await page.waitForURL(`**/activities/${calls.id}`);
    await page.getByLabel('Count', { exact: true }).fill('8');
    await page.getByRole('button', { name: 'Log count' }).click();
    await expect.poll(async () => (await server.bigrock.activities.get(calls.id)).logs.length).toBe(1);

    await page.goto('/');
    await expect.poll(actualShown).toBe('8 / 200 calls');
    expect(await scrollsSideways()).toBe(false);
    await page.goto(goalUrl);
    await page.getByRole('region', { name: 'Where the numbers come from' }).waitFor();
    await expect.poll(actualShown).toBe('8 / 200 calls');
    expect((await server.bigrock.goals.list())[0]?.pace?.actual).toBe(8);
  });
});
