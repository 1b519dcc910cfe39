import { shiftedClock, type TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

// The server's clock and the page's run together from 10:00 on a Wednesday: on the real clock, a
// run in the half hour before midnight saw the timer's half hour split between two days.
const clock = shiftedClock();
const session = useBrowserSession({ clock });

beforeEach(() => {
  ({ page, server } = session.current());
});

/** The sentence under the page's heading: "Wed, Feb 18: 24 hr tracked." */
const header = () => page.getByRole('heading', { level: 1, name: 'Tracking' }).locator('xpath=following-sibling::p');

describe("the tracking page's totals", () => {
  test('count a running timer up to now, in the header, the day and the entry', async () => {
    clock.moveTo('2026-03-04T10:00:00Z');
    await page.clock.install({ time: clock.now() });
    await server.bigrock.entries.startTimer({ activity: 'Calls' });
    await page.goto('/tracking');
    await expect.poll(() => header().textContent()).toMatch(/: \d+ sec tracked/);

    clock.advance(30 * 60_000);
    await page.clock.fastForward('30:00');
    await expect.poll(() => header().textContent()).toMatch(/: 30 min tracked/);
    const day = page.locator('.entry-day').first();
    expect(await day.getByRole('heading').textContent()).toMatch(/· 30 min$/);
    expect(await day.getByRole('row', { name: /Calls/ }).getByRole('cell').nth(2).textContent()).toMatch(
      /^30 min( \d\d sec)?$/,
    );
  });

  test('give a day the same total in the day view and in the week view, an entry of weeks included', async () => {
    await server.bigrock.entries.add({ activity: 'Retreat', start: '2026-01-10 00:00', end: '2026-02-25 00:00' });
    await server.bigrock.entries.add({ activity: 'Calls', start: '2026-02-18 09:00', end: '2026-02-18 10:30' });

    await page.goto('/tracking?view=day&date=2026-02-18');
    await expect.poll(() => header().textContent()).toMatch(/: 25 hr 30 min tracked/);
    const alone = page.getByRole('region', { name: 'Wed, Feb 18' });
    // The entry that began weeks before is listed in the day it counts in.
    await alone.getByRole('row', { name: /Retreat/ }).waitFor();
    const dayHeading = await alone.getByRole('heading').textContent();

    await page.goto('/tracking?view=week&date=2026-02-18');
    await expect.poll(() => header().textContent()).toMatch(/: 169 hr 30 min tracked/);
    expect(await page.getByRole('region', { name: 'Wed, Feb 18' }).getByRole('heading').textContent()).toBe(dayHeading);
    const week = page.getByRole('table', { name: 'Time by activity and day' });
    expect(
      await week
        .getByRole('row', { name: /^Retreat/ })
        .getByRole('cell')
        .last()
        .textContent(),
    ).toBe('168 hr');
    expect(
      await week
        .getByRole('row', { name: /^Total/ })
        .getByRole('cell')
        .last()
        .textContent(),
    ).toBe('169 hr 30 min');
  });
});
