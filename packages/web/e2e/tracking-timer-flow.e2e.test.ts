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

// The test server and the browser run on UTC: `YYYY-MM-DD HH:mm` of an instant is its ISO text.
const wall = (instantMs: number) => new Date(instantMs).toISOString().slice(0, 16).replace('T', ' ');
const minutesAgo = (count: number) => Date.now() - count * 60_000;

/** The page fits the screen: nothing to scroll sideways. */
async function expectNoSidewaysScroll(width: number) {
  // A string, run in the page: the tests are compiled without the DOM's types.
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

describe.each([
  { screen: 'desktop', width: 1280, height: 900 },
  { screen: '390 px', width: 390, height: 844 },
])('the timer on $screen', ({ width, height }) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('offers the activities in use as one is typed, and starts the one picked', async () => {
    await server.bigrock.entries.add({
      activity: 'Client work',
      start: wall(minutesAgo(120)),
      end: wall(minutesAgo(90)),
    });
    await server.bigrock.entries.add({ activity: 'Calls', start: wall(minutesAgo(80)), end: wall(minutesAgo(60)) });
    await page.goto('/tracking');
    const timer = page.getByRole('region', { name: 'Timer' });
    const activity = timer.getByRole('combobox', { name: 'Activity' });

    await activity.pressSequentially('cli');
    const list = timer.getByRole('listbox', { name: 'Activities in use' });
    await list.getByRole('option', { name: 'Client work' }).waitFor();
    expect(await list.getByRole('option').allTextContents()).toEqual(['Client work']);
    await expectNoSidewaysScroll(width);
    await list.getByRole('option', { name: 'Client work' }).click();
    expect(await activity.inputValue()).toBe('Client work');
    expect(await list.isHidden()).toBe(true);
    await timer.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(async () => (await server.bigrock.entries.timer())?.activity).toBe('Client work');

    // By keyboard, in the entry form: arrow down to the suggestion, Enter to take it.
    const form = page.getByRole('region', { name: 'Add an entry' });
    const entryActivity = form.getByRole('combobox', { name: 'Activity' });
    await entryActivity.pressSequentially('ca');
    await entryActivity.press('ArrowDown');
    await entryActivity.press('Enter');
    expect(await entryActivity.inputValue()).toBe('Calls');

    // "calls" is the "Calls" in use unless kept apart.
    await entryActivity.fill('calls');
    await form.getByText('Tracked as “Calls”, the activity in use.').waitFor();
    await form.getByLabel('Keep “calls” as a separate activity').check();
    await form.getByText('Kept apart from “Calls”.').waitFor();
  });

  test('continues the last entry in one click: its activity, tags and note', async () => {
    await server.bigrock.entries.add({
      activity: 'Email',
      start: wall(minutesAgo(150)),
      end: wall(minutesAgo(140)),
    });
    await server.bigrock.entries.add({
      activity: 'Calls',
      start: wall(minutesAgo(60)),
      end: wall(minutesAgo(30)),
      tags: ['mga'],
      note: 'Warm list',
    });
    await page.goto('/tracking');
    const timer = page.getByRole('region', { name: 'Timer' });
    const recent = timer.getByRole('list', { name: 'Continue' });
    await recent.getByRole('button', { name: 'Continue Calls', exact: true }).waitFor();
    expect(await recent.getByRole('button').allTextContents()).toEqual(['▶ Calls', '▶ Email']);
    await expectNoSidewaysScroll(width);

    await recent.getByRole('button', { name: 'Continue Calls', exact: true }).click();
    await timer.getByRole('status').getByText('Calls', { exact: true }).waitFor();
    expect(await server.bigrock.entries.timer()).toMatchObject({
      activity: 'Calls',
      tags: ['mga'],
      note: 'Warm list',
      end: null,
    });
    // Continuing another stops this one, as starting does.
    await recent.getByRole('button', { name: 'Continue Email', exact: true }).click();
    await expect.poll(async () => (await server.bigrock.entries.timer())?.activity).toBe('Email');
    const calls = (await server.bigrock.entries.list()).filter(({ activity }) => activity === 'Calls');
    expect(calls.map(({ end }) => end === null)).toEqual([false, false]);
  });

  test("moves a running timer's start, its elapsed time with it, and shows that time in the tab's title", async () => {
    await server.bigrock.entries.startTimer({ activity: 'Calls', start: wall(minutesAgo(1)) });
    await page.goto('/tracking');
    const timer = page.getByRole('region', { name: 'Timer' });
    const elapsed = timer.getByLabel('Elapsed time');
    await expect.poll(() => elapsed.textContent()).toMatch(/^0:0[01]:\d\d$/);
    await expect.poll(() => page.title()).toMatch(/^0:0[01]:\d\d · Calls · Bigrock$/);

    // "I started 10 minutes ago" (or at midnight, should ten minutes ago be yesterday).
    const today = new Date().toISOString().slice(0, 10);
    const target = Math.max(minutesAgo(10), Date.parse(`${today}T00:00:00Z`));
    const minutes = Math.floor((Date.now() - Math.floor(target / 60_000) * 60_000) / 60_000);
    const shown = (count: number) => `0:${String(count).padStart(2, '0')}`;
    await timer.getByLabel('Started at').fill(wall(target).slice(11));
    await timer.getByRole('button', { name: 'Change start' }).click();
    await expect
      .poll(() => elapsed.textContent())
      .toMatch(new RegExp(`^(${shown(minutes)}|${shown(minutes + 1)}):\\d\\d$`));
    expect(await page.title()).toMatch(
      new RegExp(`^(${shown(minutes)}|${shown(minutes + 1)}):\\d\\d · Calls · Bigrock$`),
    );
    expect((await server.bigrock.entries.timer())?.start).toBe(
      new Date(Math.floor(target / 60_000) * 60_000).toISOString(),
    );
    await expectNoSidewaysScroll(width);

    // A start to come is refused beside the field, and changes nothing (in the last hours of a
    // day, a time two hours on reads as today's early hours: a start that has passed).
    const later = Date.now() + 2 * 3_600_000;
    if (new Date(later).toISOString().slice(0, 10) === today) {
      await timer.getByLabel('Started at').fill(wall(later).slice(11));
      await timer.getByRole('button', { name: 'Change start' }).click();
      await timer.getByText(/is in the future/).waitFor();
      expect(await timer.getByLabel('Started at').getAttribute('aria-invalid')).toBe('true');
      expect((await server.bigrock.entries.timer())?.start).toBe(
        new Date(Math.floor(target / 60_000) * 60_000).toISOString(),
      );
    }

    // Every other page shows it too, the dashboard for one.
    await page.goto('/');
    await expect.poll(() => page.title()).toMatch(/^0:\d\d:\d\d · Calls · Bigrock$/);
    await page.goto('/tracking');

    // Stopped, the title is the page's again.
    await timer.getByRole('button', { name: 'Stop timer' }).click();
    await expect.poll(() => page.title()).toBe('Tracking · Bigrock');
  });
});
