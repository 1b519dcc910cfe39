import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../server/src/tracking/import/fixtures/${name}`, import.meta.url));

let server: TestServer;
let page: Page;
let scratch: string;

const session = useBrowserSession();

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'bigrock-e2e-tracking-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  ({ page, server } = session.current());
});

describe('the tracking pages', () => {
  test('a timer starts, switches to another activity, stops, and its entries show for today', async () => {
    await page.goto('/tracking');
    await page.getByRole('heading', { level: 1, name: 'Tracking' }).waitFor();
    const timer = page.getByRole('region', { name: 'Timer' });
    await timer.getByLabel('Activity', { exact: true }).fill('Calls');
    await timer.getByLabel('Note', { exact: true }).fill('Warm list');
    await timer.getByRole('button', { name: 'Start timer' }).click();

    const running = timer.getByRole('status');
    await running.getByText('Calls', { exact: true }).waitFor();
    await expect.poll(async () => (await server.bigrock.entries.timer())?.activity).toBe('Calls');
    await expect.poll(() => page.getByLabel('Elapsed time').textContent()).toMatch(/^0:00:0\d$/);

    await timer.getByLabel('Switch to activity').fill('Email');
    await timer.getByRole('button', { name: 'Switch', exact: true }).click();
    await running.getByText('Email', { exact: true }).waitFor();

    await timer.getByRole('button', { name: 'Stop timer' }).click();
    await timer.getByRole('button', { name: 'Start timer' }).waitFor();
    expect(await server.bigrock.entries.timer()).toBeNull();
    const entries = await server.bigrock.entries.list();
    expect(entries.map(({ activity, note, source }) => ({ activity, note, source }))).toEqual([
      { activity: 'Calls', note: 'Warm list', source: 'timer' },
      { activity: 'Email', note: null, source: 'timer' },
    ]);
    const table = page.getByRole('region', { name: 'Entries' });
    await table.getByRole('cell', { name: /^Calls/ }).waitFor();
    await table.getByRole('cell', { name: /^Email/ }).waitFor();
  });

  test('entries show by day and by week, with the week added up per activity and what to review', async () => {
    const { entries } = server.bigrock;
    await entries.add({ activity: 'Calls', start: '2026-03-02 09:00', end: '2026-03-02 10:30', tags: ['mga'] });
    await entries.add({ activity: 'Email', start: '2026-03-02 11:30', end: '2026-03-02 12:00' });
    await entries.add({ activity: 'Calls', start: '2026-03-04 09:00', end: '2026-03-04 10:00' });
    await entries.add({ activity: 'Networking', start: '2026-03-09 07:30', end: '2026-03-09 10:30' });

    await page.goto('/tracking?view=day&date=2026-03-02');
    await page.getByText('Mon, Mar 2: 2 h tracked.').waitFor();
    const day = page.getByRole('region', { name: 'Mon, Mar 2' });
    expect(await day.getByRole('row').count()).toBe(3);
    await day.getByRole('cell', { name: '09:00–10:30' }).waitFor();
    await page.getByRole('region', { name: 'To review' }).getByText('1 h untracked between Calls and Email').waitFor();

    await page.getByLabel('Show').selectOption('week');
    await page.waitForURL(/view=week/);
    const week = page.getByRole('table', { name: 'Time by activity and day' });
    await expect
      .poll(() => week.getByRole('row', { name: /^Calls/ }).textContent())
      .toBe('Calls1 h 30 min1 h2 h 30 min');
    await expect.poll(() => week.getByRole('row', { name: /^Total/ }).textContent()).toContain('3 h');
    expect(await week.getByRole('row', { name: /^Networking/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Next week' }).click();
    await page.waitForURL(/date=2026-03-09/);
    await page
      .getByRole('table', { name: 'Time by activity and day' })
      .getByRole('row', { name: /^Networking/ })
      .waitFor();
  });

  test('a file is previewed before it is imported, with progress shown, and imported once', async () => {
    // About 4 MB: enough for the upload to take a moment, so that its progress shows.
    const rows = ['User,Email,Project,Description,Start date,Start time,End date,End time,Duration,Tags'];
    for (let index = 0; index < 30_000; index++) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(index / 28) % 12)).padStart(2, '0');
      const year = 2000 + Math.floor(index / (28 * 12));
      rows.push(
        `Dana Reyes,dana@example.com,Lead generation,"Call ${index}, warm list",${year}-${month}-${day},09:00:00,${year}-${month}-${day},09:45:00,00:45:00,"calls, mga"`,
      );
    }
    const big = join(scratch, 'toggl-big.csv');
    writeFileSync(big, `${rows.join('\n')}\n`);

    await page.goto('/tracking');
    await page.getByRole('link', { name: 'Import a file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByLabel('File to import').setInputFiles(big);
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('progressbar', { name: 'Reading the file…' }).waitFor();

    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('30000 new, 0 changed and 0 skipped would be').waitFor({ timeout: 60_000 });
    await preview
      .getByRole('table', { name: 'New entries (the first ones)' })
      .getByRole('cell', { name: 'Lead generation' })
      .first()
      .waitFor();
    expect(await server.bigrock.entries.list({ from: '2000-01-01', to: '2003-12-31' })).toEqual([]);

    await preview.getByRole('button', { name: 'Import 30000 entries' }).click();
    await page
      .getByRole('region', { name: 'Imported' })
      .getByText('30000 new, 0 changed and 0 skipped were')
      .waitFor({ timeout: 60_000 });
    expect(await server.bigrock.entries.list({ from: '2000-01-01', to: '2000-01-31' })).toHaveLength(28);

    // The same file again adds nothing.
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page
      .getByRole('region', { name: 'Preview' })
      .getByText('0 new, 0 changed and 30000 skipped would be')
      .waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: 'Import 0 entries' }).isDisabled()).toBe(true);
  });

  test('a file with bad rows shows each line to fix, and imports nothing', async () => {
    await page.goto('/tracking/import');
    await page.getByLabel('File to import').setInputFiles(fixture('toggl-bad-rows.csv'));
    await page.getByLabel('Format').selectOption('toggl');
    await page.getByRole('button', { name: 'Preview import' }).click();
    const failed = page.getByRole('region', { name: 'Nothing can be imported yet' });
    await failed.getByText('Line 4: Start date: "2026-02-30" is not a date').waitFor();
    await failed.getByText(/^Line 5: End time:/).waitFor();
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    expect(await server.bigrock.entries.list({ from: '2026-03-01', to: '2026-03-31' })).toEqual([]);
  });
});
