import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';
import { beforeEach, describe, test } from 'vitest';

import { useBrowserSession } from './browser.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../server/src/tracking/import/fixtures/${name}`, import.meta.url));

let page: Page;

const session = useBrowserSession();

beforeEach(() => {
  ({ page } = session.current());
});

describe('after an import', () => {
  test('"See your entries" opens the week of the first imported day, not today', async () => {
    await page.goto('/tracking/import');
    await page.getByLabel('File to import').setInputFiles(fixture('toggl-detailed.csv'));
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('region', { name: 'Preview' }).getByRole('button', { name: 'Import 4 entries' }).click();
    await page.getByRole('region', { name: 'Imported' }).getByRole('link', { name: 'See your entries' }).click();

    // The file holds March 2 to 5, 2026 (UTC, the workspace's zone).
    await page.waitForURL(/\/tracking\?view=week&date=2026-03-02$/);
    await page
      .getByRole('region', { name: 'Mon, Mar 2' })
      .getByRole('row', { name: /Lead generation/ })
      .waitFor();
    await page.getByRole('region', { name: 'Wed, Mar 4' }).getByRole('row', { name: /Admin/ }).waitFor();
  });

  test('an import within one day opens that day', async () => {
    await page.goto('/tracking/import');
    await page.getByLabel('File to import').setInputFiles({
      name: 'one-day.json',
      mimeType: 'application/json',
      buffer: Buffer.from('[{"id":1,"start":"20250610T130000Z","end":"20250610T143000Z","tags":["writing"]}]'),
    });
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('region', { name: 'Preview' }).getByRole('button', { name: 'Import 1 entry' }).click();
    await page.getByRole('region', { name: 'Imported' }).getByRole('link', { name: 'See your entries' }).click();
    await page.waitForURL(/\/tracking\?view=day&date=2025-06-10$/);
    await page
      .getByRole('region', { name: 'Tue, Jun 10' })
      .getByRole('row', { name: /writing/ })
      .waitFor();
  });
});
