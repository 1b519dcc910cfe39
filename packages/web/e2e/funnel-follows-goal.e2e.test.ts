import { addDays, dateInZone, formatDate } from '@bigrock/core';
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

describe.each([
  { screen: 'desktop', width: 1280, height: 900 },
  { screen: '390 px', width: 390, height: 844 },
])('a funnel made for a goal, on $screen', ({ width, height }) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('takes a template’s stages but its goal’s target and deadline, and says so when it keeps its own', async () => {
    const deadline = addDays(today, 120);
    const goal = await server.bigrock.goals.create({
      title: 'Recruit 6 distributors',
      unit: 'recruits',
      target: 6,
      deadline,
    });
    await page.goto('/funnels/new');
    await page.getByLabel('Start from a template').selectOption('network-marketing');
    // The template's own target, until a goal is chosen: then the goal's.
    expect(await page.getByLabel('Target', { exact: true }).inputValue()).toBe('12');
    await page.getByLabel('Goal it serves').selectOption({ label: goal.title });
    expect(await page.getByLabel('Target', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Deadline', { exact: true }).inputValue()).toBe('');
    await page.getByRole('button', { name: /^(Create|Save)/ }).click();
    await page.waitForURL((url) => /^\/funnels\/[^/]+$/.test(url.pathname) && url.pathname !== '/funnels/new');

    const [funnel] = await server.bigrock.funnels.list();
    expect(funnel).toMatchObject({ goalId: goal.id, target: null, deadline: null, startDate: null });
    expect(funnel?.stages.map(({ activity }) => activity)).toEqual(['calls', 'appointments', 'recruits']);
    const notice = page.getByRole('region', { name: 'The funnel and its goal' });
    await page.getByRole('heading', { level: 1, name: funnel?.name ?? '' }).waitFor();
    expect(await notice.count()).toBe(0);

    // Set on purpose: the funnel keeps its own, and the page says how it differs.
    await server.bigrock.funnels.update(funnel?.id ?? '', { target: 12, deadline: addDays(today, 84) });
    await page.reload();
    await notice
      .getByText(
        `This funnel aims at 12 recruits by ${formatDate(addDays(today, 84), 'en-US')}; its goal says 6 recruits by ${formatDate(deadline, 'en-US')}.`,
      )
      .waitFor();
    // The notice fits the screen. (The funnel page's plan is wider than a phone already: left to the layout work.)
    const box = await notice.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
    await notice.getByRole('button', { name: 'Follow the goal' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect((await server.bigrock.funnels.list())[0]).toMatchObject({ target: null, deadline: null });
  });
});
