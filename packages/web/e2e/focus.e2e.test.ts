import { shiftedClock, type TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

// The server's clock and the page's run together from 10:00 on a Wednesday (UTC, both sides).
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

describe.each([
  { screen: 'desktop', width: 1280, height: 900 },
  { screen: '390 px', width: 390, height: 844 },
])('a focus session on $screen', ({ width, height }) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('focuses on the big rock, logs two interruptions, finishes, and shows its entry on Tracking', async () => {
    await server.bigrock.planner.setRock({ title: 'Write the Acme proposal' });
    await page.goto('/focus');
    await page.getByRole('heading', { name: 'Focus', level: 1 }).waitFor();
    await page.getByLabel('Planned minutes').fill('25');
    await page.getByRole('button', { name: 'Focus on the big rock: Write the Acme proposal' }).click();

    const sessionView = page.getByRole('region', { name: 'Write the Acme proposal' });
    const timer = sessionView.getByRole('timer', { name: 'Time left' });
    await expect.poll(() => timer.textContent()).toBe('25:00');
    await minutePasses();
    await expect.poll(() => timer.textContent()).toBe('24:00');
    await expect.poll(() => page.title()).toBe('0:01:00 · Focus: Write the Acme proposal · Bigrock');
    expect(await sessionView.getByLabel('Focused time').textContent()).toBe('0:01:00');
    // The shortcuts are on screen.
    const shortcuts = sessionView.getByRole('list', { name: 'Keyboard shortcuts' });
    expect(await shortcuts.getByRole('listitem').allTextContents()).toEqual([
      'i an internal interruption (your own mind)',
      'e an external interruption (someone or something else)',
      'p pause or resume',
      'f finish',
    ]);

    // One key logs an internal interruption; the button, with a note, an external one.
    await page.keyboard.press('i');
    await sessionView.getByText('Interruptions: 1 internal, 0 external').waitFor();
    await sessionView.getByLabel('Interruption note (optional)').fill('The courier');
    await sessionView.getByRole('button', { name: 'External interruption' }).click();
    await sessionView.getByText('Interruptions: 1 internal, 1 external').waitFor();
    const open = await server.bigrock.focus.current();
    expect(open.session?.interruptions.map(({ kind, note }) => [kind, note])).toEqual([
      ['internal', null],
      ['external', 'The courier'],
    ]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    await minutePasses();
    await sessionView.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'Start focus' }).waitFor();
    const statistics = page.getByRole('region', { name: /^Statistics/ });
    await statistics.getByText('2 min').first().waitFor();
    await statistics
      .getByRole('region', { name: "The heatmap's numbers" })
      .getByRole('cell', { name: 'Wed' })
      .waitFor();

    await page.goto('/tracking');
    const entries = await server.bigrock.entries.list();
    expect(
      entries.map(({ activity, source, note, durationSeconds }) => ({ activity, source, note, durationSeconds })),
    ).toEqual([
      { activity: 'Focus', source: 'focus', note: 'Write the Acme proposal', durationSeconds: expect.any(Number) },
    ]);
    // Two minutes on the clocks moved, and the few real seconds the server's clock ran meanwhile.
    expect(entries[0]?.durationSeconds).toBeGreaterThanOrEqual(120);
    expect(entries[0]?.durationSeconds).toBeLessThan(180);
    const row = page.getByRole('row').filter({ hasText: 'Write the Acme proposal' });
    await row.getByText('focus', { exact: true }).waitFor();
    expect(await row.textContent()).toMatch(/10:00–10:0[23]/);
  });

  test('pauses and resumes with the keyboard, and abandons with a reason', async () => {
    await page.goto('/focus');
    await page.getByLabel('Activity').fill('Writing');
    await page.getByRole('button', { name: 'Start focus' }).click();
    const sessionView = page.getByRole('region', { name: 'Writing' });
    await sessionView.getByRole('timer', { name: 'Time left' }).waitFor();
    await page.keyboard.press('p');
    await sessionView.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await server.bigrock.entries.timer()).toBeNull();
    await page.keyboard.press('p');
    await sessionView.getByRole('button', { name: 'Pause' }).waitFor();
    await sessionView.getByRole('button', { name: 'Abandon session' }).click();
    await sessionView.getByText('Say why you abandon the session').waitFor();
    await sessionView.getByLabel('Reason to abandon').fill('The client called');
    await sessionView.getByRole('button', { name: 'Abandon session' }).click();
    await page.getByRole('button', { name: 'Start focus' }).waitFor();
    expect((await server.bigrock.focus.stats({ from: '2026-03-04', to: '2026-03-04' })).sessions).toEqual({
      finished: 0,
      abandoned: 1,
    });
  });
});
