import { shiftedClock, type TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

// Issue 11's whole day in one flow: the week from seed 000's template, the big rock, a focus session
// on it inside Wednesday's 09:00–11:00 conversations block, its entry on Tracking, the block's
// adherence on the week, and the calendar's subscribe address copied, read, then revoked. The
// server's clock and the page's run together from 10:00 on Wednesday 4 March 2026 (UTC).
const clock = shiftedClock();
const session = useBrowserSession({ clock });

let server: TestServer;
let page: Page;

beforeEach(async () => {
  ({ page, server } = session.current());
  clock.moveTo('2026-03-04T10:00:00Z');
  await page.clock.install({ time: clock.now() });
});

/** A minute passes on both clocks. */
async function minutePasses() {
  clock.advance(60_000);
  await page.clock.runFor(60_000);
}

/** Opens a page from the main navigation, behind the menu button on a phone. */
async function navigateTo(name: string) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

describe.each([
  ['desktop', 1280, 900],
  ['phone', 390, 844],
])('a planned day with focus (%s)', (_name, width, height) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test("builds the week, focuses on the big rock with two interruptions, and sees the entry, the block's adherence and the feed", async () => {
    const desktop = width > 400;
    if (desktop) await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });

    await page.goto('/week');
    await page.getByRole('heading', { name: 'Week 2026-W10' }).waitFor();
    await page.getByLabel('Template', { exact: true }).selectOption('social-selling');
    await page.getByRole('button', { name: 'Apply to this week' }).click();
    await page.getByRole('status').getByText('Week 2026-W10 made from social-selling.').waitFor();
    const rockForm = page.getByRole('form', { name: 'Set a big rock for a day' });
    await rockForm.getByLabel('Day').selectOption('2026-03-04');
    await rockForm.getByLabel('Big rock').fill('Call the ten warm leads');
    await rockForm.getByLabel('What it moves').selectOption({ label: 'conversations' });
    await rockForm.getByLabel('Estimate (minutes)').fill('90');
    await rockForm.getByRole('button', { name: 'Set big rock' }).click();
    const wednesday = page.getByRole('region', { name: /^Wednesday/ });
    await wednesday.getByText('Call the ten warm leads').waitFor();
    // Nothing tracked yet inside Wednesday's morning block, of which the first hour has passed.
    await wednesday.getByText('0% kept (0 sec of 1 hr)').waitFor();

    await navigateTo('Focus');
    await page.getByRole('heading', { name: 'Focus', level: 1 }).waitFor();
    await page.getByLabel('Planned minutes').fill('25');
    await page.getByRole('button', { name: 'Focus on the big rock: Call the ten warm leads' }).click();
    const sessionView = page.getByRole('region', { name: 'Call the ten warm leads' });
    const timer = sessionView.getByRole('timer', { name: 'Time left' });
    await expect.poll(() => timer.textContent()).toBe('25:00');
    await minutePasses();
    await expect.poll(() => timer.textContent()).toBe('24:00');
    await page.keyboard.press('i');
    await sessionView.getByText('Interruptions: 1 internal, 0 external').waitFor();
    await sessionView.getByLabel('Interruption note (optional)').fill('A lead called back');
    await sessionView.getByRole('button', { name: 'External interruption' }).click();
    await sessionView.getByText('Interruptions: 1 internal, 1 external').waitFor();
    await minutePasses();
    await sessionView.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'Start focus' }).waitFor();

    // The session is an entry of the rock's activity, from 10:00, on Tracking.
    const [entry, ...others] = await server.bigrock.entries.list();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ activity: 'conversations', source: 'focus', note: 'Call the ten warm leads' });
    const minutes = Math.floor((entry?.durationSeconds ?? 0) / 60);
    // Two minutes on the clocks moved, and the few real seconds the server's clock ran meanwhile.
    expect(minutes).toBeGreaterThanOrEqual(2);
    expect(minutes).toBeLessThan(3);
    await navigateTo('Tracking');
    const row = page.getByRole('row').filter({ hasText: 'Call the ten warm leads' });
    await row.getByText('focus', { exact: true }).waitFor();
    expect(await row.textContent()).toMatch(/10:00–10:0[23]/);

    // The week counts it inside the block it fell in, and only there.
    await navigateTo('Week');
    await wednesday.getByText(`tracked: conversations ${minutes} min`).waitFor();
    await wednesday.getByText(new RegExp(`[34](\\.\\d)?% kept \\(${minutes} min of 1 hr 0[23] min\\)`)).waitFor();
    const plan = await server.bigrock.planner.week({ week: '2026-W10' });
    const morning = plan.blocks.find((block) => block.date === '2026-03-04' && block.start === '09:00');
    expect(plan.actual.blocks.find((block) => block.blockId === morning?.id)).toMatchObject({
      keptSeconds: entry?.durationSeconds,
      byActivity: [{ activity: 'conversations', seconds: entry?.durationSeconds }],
    });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    // The calendar's subscribe address: copied, read by a calendar app, then revoked.
    await navigateTo('Settings');
    const feed = page.getByRole('region', { name: 'Calendar feed' });
    await feed.getByRole('button', { name: 'Make a subscribe address' }).click();
    const field = feed.getByLabel('Subscribe address');
    const url = await field.inputValue();
    await feed.getByRole('button', { name: 'Copy' }).click();
    await feed
      .getByRole('status')
      .getByText(desktop ? 'Copied.' : /Copied\.|Select the address/)
      .waitFor();
    if (desktop) expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
    const calendar = await fetch(url);
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain('SUMMARY:conversations');
    await feed.getByRole('button', { name: 'Revoke' }).click();
    await feed.getByRole('status').getByText('Revoked: the address no longer works.').waitFor();
    expect((await fetch(url)).status).toBe(404);
  });
});
