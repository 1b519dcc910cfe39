import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TestServer } from '@bigrock/server/test-support';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../server/src/tracking/import/fixtures/${name}`, import.meta.url));

/** The text of the option a select shows. */
const shown = (select: Locator) => select.locator('option:checked').textContent();

/** The query of the next request to the import endpoint. */
async function nextImportQuery(): Promise<URLSearchParams> {
  const request = await page.waitForRequest((sent) => new URL(sent.url()).pathname === '/api/v1/imports');
  return new URL(request.url()).searchParams;
}

/**
 * A CSV whose dates read either way (03/04/2026: March 4 or April 3?) in all its rows, with
 * semicolons, a quoted field and an entry past midnight. Its headers Begin, Finish and Labels
 * are known words; What is not.
 */
function writeBeginFinishCsv(): string {
  const path = join(scratch, 'begin-finish.csv');
  writeFileSync(
    path,
    [
      'Begin;Finish;What;Labels',
      '03/04/2026 09:00;03/04/2026 10:30;Calls;"warm list, mga"',
      '04/04/2026 14:00;04/04/2026 15:15;Email;',
      '11/04/2026 23:30;12/04/2026 00:15;Deep work;focus',
      '',
    ].join('\n'),
  );
  return path;
}

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
    await page.getByText('Mon, Mar 2: 2 hr tracked.').waitFor();
    const day = page.getByRole('region', { name: 'Mon, Mar 2' });
    expect(await day.getByRole('row').count()).toBe(3);
    await day.getByRole('cell', { name: '09:00–10:30' }).waitFor();
    await page.getByRole('region', { name: 'To review' }).getByText('1 hr untracked between Calls and Email').waitFor();

    await page.getByLabel('Show').selectOption('week');
    await page.waitForURL(/view=week/);
    const week = page.getByRole('table', { name: 'Time by activity and day' });
    await expect
      .poll(() => week.getByRole('row', { name: /^Calls/ }).textContent())
      .toBe('Calls1 hr 30 min1 hr2 hr 30 min');
    await expect.poll(() => week.getByRole('row', { name: /^Total/ }).textContent()).toContain('3 hr');
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

  test('a CSV of any columns imports once its columns, its date format and its zone are chosen', async () => {
    await page.goto('/tracking/import');
    await page.getByLabel('File to import').setInputFiles(writeBeginFinishCsv());
    const columns = page.getByRole('region', { name: 'Columns' });
    const activity = columns.getByLabel('Activity', { exact: true });
    const tags = columns.getByLabel('Tags', { exact: true });
    const more = columns.getByText(/^More columns/);
    await expect.poll(() => shown(tags)).toBe('Labels');
    expect(await more.textContent()).toBe('More columns: Tags from “Labels”');

    await columns.getByLabel('Start (date and time)').selectOption({ label: 'Begin' });
    await columns.getByLabel('End (date and time)').selectOption({ label: 'Finish' });
    // A column stands for one field: given to the activity, Labels no longer gives the tags, and back.
    await activity.selectOption({ label: 'Labels' });
    await expect.poll(() => shown(tags)).toBe('— not in this file —');
    expect(await more.textContent()).toBe('More columns');
    await activity.selectOption({ label: 'What' });
    await expect.poll(() => shown(tags)).toBe('Labels');
    await columns.getByLabel('Dates are written as').selectOption('DD/MM/YYYY');
    const zone = columns.getByLabel('Times in the file are in');
    expect(await zone.getAttribute('placeholder')).toBe('UTC');
    await zone.fill('Europe/Paris');

    const previewQuery = nextImportQuery();
    await page.getByRole('button', { name: 'Preview import' }).click();
    const sent = await previewQuery;
    // Only what differs from Bigrock's guesses is sent.
    expect(sent.getAll('map')).toEqual(['activity=What']);
    expect([sent.get('dateFormat'), sent.get('timeZone'), sent.get('dryRun')]).toEqual([
      'DD/MM/YYYY',
      'Europe/Paris',
      'true',
    ]);
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('3 new, 0 changed and 0 skipped would be').waitFor();
    const rows = preview.getByRole('table', { name: 'New entries (the first ones)' }).getByRole('row');
    // April 3 at 09:00 in Paris (summer time) is 07:00 UTC; March 4 would have been 08:00 UTC.
    expect(await rows.nth(1).textContent()).toBe('2Calls2026-04-03 07:002026-04-03 08:30warm list, mga');
    expect(await preview.getByText(/read either way/).count()).toBe(0);
    expect(await server.bigrock.entries.list({ from: '2026-01-01', to: '2026-12-31' })).toEqual([]);

    const importQuery = nextImportQuery();
    await preview.getByRole('button', { name: 'Import 3 entries' }).click();
    const imported = await importQuery;
    expect([
      imported.getAll('map'),
      imported.get('dateFormat'),
      imported.get('timeZone'),
      imported.get('dryRun'),
    ]).toEqual([['activity=What'], 'DD/MM/YYYY', 'Europe/Paris', null]);
    await page.getByRole('region', { name: 'Imported' }).getByText('3 new, 0 changed and 0 skipped were').waitFor();
    const entries = await server.bigrock.entries.list({ from: '2026-01-01', to: '2026-12-31' });
    expect(entries.map(({ activity, start, end, tags, source }) => ({ activity, start, end, tags, source }))).toEqual([
      {
        activity: 'Calls',
        start: '2026-04-03T07:00:00.000Z',
        end: '2026-04-03T08:30:00.000Z',
        tags: ['warm list', 'mga'],
        source: 'import',
      },
      {
        activity: 'Email',
        start: '2026-04-04T12:00:00.000Z',
        end: '2026-04-04T13:15:00.000Z',
        tags: [],
        source: 'import',
      },
      {
        activity: 'Deep work',
        start: '2026-04-11T21:30:00.000Z',
        end: '2026-04-11T22:15:00.000Z',
        tags: ['focus'],
        source: 'import',
      },
    ]);
  });

  test('a CSV whose columns are not all known says which to choose, and imports nothing', async () => {
    await page.goto('/tracking/import');
    await page.getByLabel('File to import').setInputFiles(writeBeginFinishCsv());
    const columns = page.getByRole('region', { name: 'Columns' });
    await expect.poll(() => shown(columns.getByLabel('Start (date and time)'))).toBe('Begin');
    expect(await shown(columns.getByLabel('End (date and time)'))).toBe('Finish');
    expect(await shown(columns.getByLabel('Activity', { exact: true }))).toBe('— not in this file —');

    const query = nextImportQuery();
    await page.getByRole('button', { name: 'Preview import' }).click();
    expect((await query).getAll('map')).toEqual([]);
    const failed = page.getByRole('region', { name: 'Nothing can be imported yet' });
    await failed.getByText(/^Line 1: No column names the activity\. .*activity=<header>/).waitFor();
    await failed.getByText('Choose the columns Bigrock missed under “Columns” above').waitFor();
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    expect(await server.bigrock.entries.list({ from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
  });

  test("a Toggl report imports with Bigrock's guesses of its columns, shown and left as they are", async () => {
    await page.goto('/tracking/import');
    await page.getByLabel('File to import').setInputFiles(fixture('toggl-detailed.csv'));
    const columns = page.getByRole('region', { name: 'Columns' });
    const startDate = columns.getByLabel('Start date', { exact: true });
    await expect.poll(() => shown(startDate)).toBe('Start date');
    expect(await shown(columns.getByLabel('Start time', { exact: true }))).toBe('Start time');
    expect(await shown(columns.getByLabel('End time', { exact: true }))).toBe('End time');
    expect(await shown(columns.getByLabel('Duration', { exact: true }))).toBe('Duration');
    expect(await shown(columns.getByLabel('Project', { exact: true }))).toBe('Project');
    expect(await shown(columns.getByLabel('Start (date and time)'))).toBe('— not in this file —');
    // A column Bigrock found can be swapped for another, not left out: the server cannot be told so.
    const options = await startDate.locator('option').allTextContents();
    expect(options).toHaveLength(14);
    expect(options).not.toContain('— not in this file —');
    expect(await columns.getByText(/^More columns/).textContent()).toBe(
      'More columns: Tags from “Tags”, Task from “Task”, Client from “Client”, Billable (yes or no) from “Billable”, User from “User”, Email from “Email”',
    );

    const query = nextImportQuery();
    await page.getByRole('button', { name: 'Preview import' }).click();
    const sent = await query;
    expect([sent.getAll('map'), sent.get('dateFormat'), sent.get('timeZone')]).toEqual([[], null, null]);
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('4 new, 0 changed and 0 skipped would be from Toggl Track').waitFor();
    await preview.getByRole('button', { name: 'Import 4 entries' }).click();
    await page.getByRole('region', { name: 'Imported' }).getByText('4 new, 0 changed and 0 skipped were').waitFor();
    const entries = await server.bigrock.entries.list({ from: '2026-03-01', to: '2026-03-31' });
    expect(entries.map(({ activity, start, end, tags }) => ({ activity, start, end, tags }))).toEqual([
      {
        activity: 'Lead generation',
        start: '2026-03-02T09:00:00.000Z',
        end: '2026-03-02T10:30:00.000Z',
        tags: ['calls', 'mga', 'client:Northwind', 'task:Calls'],
      },
      { activity: 'Marketing', start: '2026-03-02T11:00:00.000Z', end: '2026-03-02T13:00:00.000Z', tags: ['social'] },
      {
        activity: 'Client work',
        start: '2026-03-03T14:15:00.000Z',
        end: '2026-03-03T17:45:30.000Z',
        tags: ['design', 'client:Northwind', 'task:Design'],
      },
      { activity: 'Admin', start: '2026-03-04T23:30:00.000Z', end: '2026-03-05T00:45:00.000Z', tags: [] },
    ]);
  });
});
