import { fixedClock, type TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

// Wednesday 4 March 2026, 10:30 on both clocks (the workspace and the browser run on UTC).
const NOW = '2026-03-04T10:30:00Z';
const session = useBrowserSession({ clock: fixedClock(NOW) });

beforeEach(async () => {
  ({ page, server } = session.current());
  await page.clock.setFixedTime(new Date(NOW));
});

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await server.api(`/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

const pageWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');

describe.each([
  ['desktop', 1280, 900],
  ['phone', 390, 844],
])('the planner (%s)', (_name, width, height) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test("builds a week from seed 000's template, picks a big rock, shows a block's adherence, and shuts the day down", async () => {
    await page.goto('/week');
    await page.getByRole('heading', { name: 'Week 2026-W10' }).waitFor();
    await page.getByLabel('Template', { exact: true }).selectOption('social-selling');
    await page.getByRole('button', { name: 'Apply to this week' }).click();
    await page.getByRole('status').getByText('Week 2026-W10 made from social-selling.').waitFor();
    const monday = page.getByRole('region', { name: /^Monday/ });
    await monday.getByText('posts and invitations', { exact: true }).waitFor();
    await monday.getByText('Facebook', { exact: true }).waitFor();

    // One big rock for Wednesday, tied to an activity of the template.
    const rockForm = page.getByRole('form', { name: 'Set a big rock for a day' });
    await rockForm.getByLabel('Day').selectOption('2026-03-04');
    await rockForm.getByLabel('Big rock').fill('Call the ten warm leads');
    await rockForm.getByLabel('What it moves').selectOption({ label: 'conversations' });
    await rockForm.getByLabel('Estimate (minutes)').fill('90');
    await rockForm.getByRole('button', { name: 'Set big rock' }).click();
    const wednesday = page.getByRole('region', { name: /^Wednesday/ });
    await wednesday.getByText('Call the ten warm leads').waitFor();

    // An hour and a half of Monday's two-hour batch window was tracked, from a script.
    await api('POST', '/entries', {
      activity: 'posts and invitations',
      start: '2026-03-02 09:00',
      end: '2026-03-02 10:30',
    });
    await page.reload();
    await monday.getByText('75% kept (1 hr 30 min of 2 hr)').waitFor();
    await monday.getByText('tracked: posts and invitations 1 hr 30 min').waitFor();
    const adherence = page.getByRole('region', { name: 'Plan against actual' });
    await adherence.getByText('Mar 2, 2026: 25% of 6 hr kept').waitFor();

    // Capacity: the workspace's working hours, Monday to Friday, 9 to 5.
    await page
      .getByRole('region', { name: 'Capacity' })
      .getByText(/planned of 40 h available/)
      .waitFor();

    // Friday's Facebook hour is skipped from the keyboard: it leaves the plan's hours.
    const skip = page.getByRole('button', { name: 'Skip Friday 13:00–14:00 Facebook' });
    await skip.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('region', { name: /^Friday/ })
      .getByText('Skipped')
      .waitFor();
    const week = await api<{ blocks: Array<{ weekday: string; activity: string | null; skipped: boolean }> }>(
      'GET',
      '/planner/week?week=2026-W10',
    );
    expect(week.blocks.filter((block) => block.skipped)).toEqual([
      expect.objectContaining({ weekday: 'fri', activity: 'Facebook' }),
    ]);
    // Thursday's afternoon conversations are shortened by an hour, in this week only.
    await page.getByRole('button', { name: 'Move or shorten Thursday 14:00–16:00 conversations' }).click();
    const edit = page.getByRole('form', { name: 'Change Thursday 14:00–16:00 conversations' });
    await edit.getByLabel('To').fill('15:00');
    await edit.getByRole('button', { name: 'Save block' }).click();
    await page
      .getByRole('region', { name: /^Thursday/ })
      .getByText('14:00–15:00')
      .waitFor();
    // A block added to this week: an end before its start is refused beside To, then it is added.
    const add = page.getByRole('region', { name: 'Add a block to this week' });
    await add.getByLabel('Day').selectOption('sat');
    await add.getByLabel('From').fill('10:00');
    await add.getByLabel('To').fill('09:00');
    await add.getByLabel('Note').fill('Plan the next launch');
    await add.getByRole('button', { name: 'Add block' }).click();
    await expect.poll(() => add.getByLabel('To').getAttribute('aria-invalid')).toBe('true');
    await add.getByLabel('To').fill('11:30');
    await add.getByRole('button', { name: 'Add block' }).click();
    await page
      .getByRole('region', { name: /^Saturday/ })
      .getByText('10:00–11:30')
      .waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(width);

    // The day, then its shutdown: the rock carried over with a reason, tomorrow's rock chosen.
    // On a phone the link is behind the menu button.
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'Big rock' })
      .getByText('Call the ten warm leads (open, about 1 hr 30 min)')
      .waitFor();
    await page.getByRole('region', { name: 'Yesterday' }).waitFor();
    const shutdown = page.getByRole('region', { name: 'Shutdown' });
    await shutdown.getByLabel('Carry it over to Mar 5, 2026').check();
    await shutdown.getByRole('button', { name: 'Shut down the day' }).click();
    await shutdown.getByText('Must not be empty: say why the rock is carried over.').waitFor();
    await shutdown.getByLabel('Why it is carried over').fill('Two leads answer only tomorrow');
    expect(await shutdown.getByLabel("Tomorrow's big rock").inputValue()).toBe('Call the ten warm leads');
    await shutdown.getByRole('button', { name: 'Shut down the day' }).click();
    await shutdown
      .getByRole('status')
      .getByText("Day shut down. Tomorrow's big rock: Call the ten warm leads.")
      .waitFor();
    const today = await api<{
      rock: { status: string; carryReason: string };
      tomorrow: { rock: { title: string; status: string } };
    }>('GET', '/planner/today');
    expect(today.rock).toMatchObject({ status: 'carried', carryReason: 'Two leads answer only tomorrow' });
    expect(today.tomorrow.rock).toMatchObject({ title: 'Call the ten warm leads', status: 'open' });
    expect(await shutdown.getByLabel("Tomorrow's big rock").inputValue()).toBe('Call the ten warm leads');
    expect(await pageWidth()).toBeLessThanOrEqual(width);
  });

  test('shows the daily digest at its time only, never in quiet hours, and not again once dismissed', async () => {
    await api('POST', '/planner/templates/social-selling/apply', { week: '2026-W10' });
    await api('POST', '/planner/rocks', { title: 'Record the training video' });
    await page.goto('/settings');
    // Quiet by default: no digest anywhere.
    const section = page.getByRole('region', { name: 'Notifications' });
    expect(await section.getByLabel('Send a daily digest').isChecked()).toBe(false);
    expect(await page.getByRole('complementary', { name: "Today's digest" }).count()).toBe(0);

    await section.getByLabel('Send a daily digest').check();
    await section.getByLabel('Digest time').fill('11:00');
    await section.getByRole('button', { name: 'Save notifications' }).click();
    await section.getByRole('status').getByText('Saved.').waitFor();
    // 10:30: not yet.
    await page.reload();
    await section.getByLabel('Digest time').waitFor();
    expect(await page.getByRole('complementary', { name: "Today's digest" }).count()).toBe(0);

    await section.getByLabel('Digest time').fill('08:30');
    await section.getByLabel('Keep quiet hours').check();
    await section.getByLabel('Quiet from').fill('10:00');
    await section.getByLabel('Quiet until').fill('10:00');
    await section.getByRole('button', { name: 'Save notifications' }).click();
    await section.getByText('Must differ from the start (10:00); turn quiet hours off with null.').waitFor();
    await section.getByLabel('Quiet until').fill('11:00');
    await section.getByRole('button', { name: 'Save notifications' }).click();
    await section.getByRole('status').getByText('Saved.').waitFor();
    expect(await api('GET', '/notifications')).toMatchObject({
      digestTime: '08:30',
      quietHours: { start: '10:00', end: '11:00' },
      digest: { due: false, reason: 'quiet' },
    });
    await page.reload();
    await section.getByLabel('Digest time').waitFor();
    expect(await page.getByRole('complementary', { name: "Today's digest" }).count()).toBe(0);

    await section.getByLabel('Keep quiet hours').uncheck();
    await section.getByRole('button', { name: 'Save notifications' }).click();
    const digest = page.getByRole('complementary', { name: "Today's digest" });
    await digest.getByText('Record the training video').waitFor();
    await digest.getByText('13:00–14:00 Facebook').waitFor();
    await page.goto('/today');
    await digest.getByText('Record the training video').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(width);
    await digest.getByRole('button', { name: 'Dismiss the digest' }).click();
    expect(await digest.count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    expect(await page.getByRole('complementary', { name: "Today's digest" }).count()).toBe(0);
  });
});
