import { fileURLToPath } from 'node:url';

import type { TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

// A Timewarrior export whose last interval ("deep work", from 2 March 2026 13:00 UTC) still runs:
// more than a day before any run of these tests.
const timewExport = fileURLToPath(
  new URL('../../server/src/tracking/import/fixtures/timew-export.json', import.meta.url),
);

let server: TestServer;
let page: Page;

const session = useBrowserSession();

beforeEach(() => {
  ({ page, server } = session.current());
});

/** Previews the export, and returns the preview's region. */
async function preview() {
  await page.goto('/tracking/import');
  await page.getByLabel('File to import').setInputFiles(timewExport);
  await page.getByRole('button', { name: 'Preview import' }).click();
  const region = page.getByRole('region', { name: 'Preview' });
  await region.getByText('2 new, 0 changed and 0 skipped would be').waitFor();
  return region;
}

describe('an interval still running since more than a day, in an imported file', () => {
  test('is shown by the preview with its start, and imported stopped once the user chooses so', async () => {
    const region = await preview();
    const choice = region.getByRole('group', { name: 'Still running since more than a day' });
    await choice.getByText('has been running since 2 Mar 2026, 13:00, more than a day before this import.').waitFor();
    expect(await choice.getByText('Line 4:').count()).toBe(1);
    // Nothing is imported before a choice is made.
    expect(await region.getByRole('button', { name: 'Import 2 entries' }).isDisabled()).toBe(true);
    await region.getByText('Choose first what becomes of the running interval.').waitFor();

    await choice.getByLabel('Leave it out').check();
    expect(await region.getByRole('button', { name: 'Import 2 entries' }).isEnabled()).toBe(true);
    await choice
      .getByLabel('Stop it at 2 Mar 2026, 21:00 (8 hours after its start: the file shows nothing after it)')
      .check();
    await region.getByRole('button', { name: 'Import 3 entries' }).click();
    await page.getByRole('region', { name: 'Imported' }).getByText('3 new, 0 changed and 0 skipped were').waitFor();

    const entries = await server.bigrock.entries.list({ from: '2026-03-02', to: '2026-03-02' });
    expect(entries.find(({ activity }) => activity === 'deep work')).toMatchObject({
      start: '2026-03-02T13:00:00.000Z',
      end: '2026-03-02T21:00:00.000Z',
    });
    expect(await server.bigrock.entries.timer()).toBeNull();
  });

  test('kept running, it is the timer, and stopping it asks first', async () => {
    const region = await preview();
    await region.getByLabel('Keep it running as your timer').check();
    await region.getByRole('button', { name: 'Import 3 entries' }).click();
    await page.getByRole('region', { name: 'Imported' }).getByText('3 new, 0 changed and 0 skipped were').waitFor();
    expect(await server.bigrock.entries.timer()).toMatchObject({ activity: 'deep work', end: null });

    await page.goto('/tracking');
    const timer = page.getByRole('region', { name: 'Timer' });
    await timer.getByRole('button', { name: 'Stop timer' }).click();
    const question = timer.getByRole('alertdialog');
    await question.getByText(/has been running for more than \d+ days, since 2 Mar 2026, 13:00/).waitFor();
    await question.getByRole('button', { name: 'Keep it running' }).click();
    await timer.getByRole('button', { name: 'Stop timer' }).waitFor();
    expect(await server.bigrock.entries.timer()).not.toBeNull();

    await timer.getByRole('button', { name: 'Stop timer' }).click();
    await timer.getByRole('button', { name: 'Stop it anyway' }).click();
    await expect.poll(() => server.bigrock.entries.timer()).toBeNull();
    await timer.getByRole('button', { name: 'Start timer' }).waitFor();
  });
});
