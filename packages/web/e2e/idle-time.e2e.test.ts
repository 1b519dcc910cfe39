import type { TestServer } from '@bigrock/server/test-support';
import { shiftedClock } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

// The server's clock and the page's run together from 10:00 on a Wednesday, and the test closes
// the laptop lid on both: the server's clock jumps, and Playwright's fake clock fast-forwards,
// firing each due timer once, late, as a page woken from sleep sees it.
const clock = shiftedClock();
const session = useBrowserSession({ clock });

let server: TestServer;
let page: Page;

beforeEach(() => {
  ({ page, server } = session.current());
});

/** Starts a timer on the tracking page at 10:00, then lets the page tick for 20 s. */
async function startCalls() {
  clock.moveTo('2026-03-04T10:00:00Z');
  await page.clock.install({ time: clock.now() });
  await page.goto('/tracking');
  const timer = page.getByRole('region', { name: 'Timer' });
  await timer.getByLabel('Activity').fill('Calls');
  await timer.getByLabel('Note').fill('Warm list');
  await timer.getByRole('button', { name: 'Start timer' }).click();
  await timer.getByRole('status').getByText('Calls').waitFor();
  await page.clock.runFor(20_000);
  clock.advance(20_000);
}

/** Half an hour away: the machine sleeps, the page's timers wait, then fire once, late. */
async function awayFor30Minutes() {
  clock.advance(30 * 60_000);
  await page.clock.fastForward('30:00');
}

/** The rows of the day's entries, as the list shows them: time, activity, duration. */
async function rows() {
  const day = page.getByRole('region', { name: 'Wed, Mar 4' });
  return day
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
}

describe('time away from a running timer', () => {
  test('is asked about in a dialog, and Discard stops the timer when the time away began and starts it again', async () => {
    await startCalls();
    await awayFor30Minutes();

    const dialog = page.getByRole('dialog', { name: 'You were away' });
    await dialog.waitFor();
    await dialog.getByText('Calls was running while nothing happened here from 10:00 to 10:30 (30 min).').waitFor();
    // Focus is in the dialog, on the choice that changes nothing.
    expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Keep it');
    await dialog.getByText('Calls stops at 10:00 and starts again at 10:30.').waitFor();

    await dialog.getByRole('button', { name: 'Discard it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(rows).toEqual([
      ['10:00–10:00', 'CallsWarm list', expect.stringMatching(/^\d+ sec$/)],
      ['10:30–now', 'CallsWarm list', expect.stringMatching(/^\d+ sec$/)],
    ]);
    const [worked, again] = await server.bigrock.entries.list({ from: '2026-03-04', to: '2026-03-04' });
    expect(again).toMatchObject({ activity: 'Calls', note: 'Warm list', end: null });
    expect(Date.parse(again?.start ?? '') - Date.parse(worked?.end ?? '')).toBeGreaterThanOrEqual(30 * 60_000);
    await page.getByRole('region', { name: 'Timer' }).getByText('since 10:30').waitFor();
  });

  test('Split makes the time away an entry of its own, at 390 px wide too', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await startCalls();
    await awayFor30Minutes();

    const dialog = page.getByRole('dialog', { name: 'You were away' });
    await dialog.waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const box = await dialog.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 999) <= 390).toBe(true);
    await dialog.getByLabel('Activity for the time away').fill('Lunch');
    await dialog.getByRole('button', { name: 'Split it off' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(rows).toEqual([
      ['10:00–10:00', 'CallsWarm list', expect.stringMatching(/^\d+ sec$/)],
      ['10:00–10:30', 'Lunch', expect.stringMatching(/^30 min( \d\d sec)?$/)],
      ['10:30–now', 'CallsWarm list', expect.stringMatching(/^\d+ sec$/)],
    ]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  test('Keep (or Escape) changes nothing, and a short absence asks nothing', async () => {
    await startCalls();
    clock.advance(5 * 60_000);
    await page.clock.fastForward('05:00');
    await page.clock.runFor(20_000);
    clock.advance(20_000);
    expect(await page.getByRole('dialog').count()).toBe(0);

    await awayFor30Minutes();
    const dialog = page.getByRole('dialog', { name: 'You were away' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await server.bigrock.entries.list({ from: '2026-03-04', to: '2026-03-04' })).toMatchObject([
      { activity: 'Calls', end: null },
    ]);
    expect(await rows()).toEqual([['10:00–now', 'CallsWarm list', expect.stringMatching(/^35 min( \d\d sec)?$/)]]);
  });
});
