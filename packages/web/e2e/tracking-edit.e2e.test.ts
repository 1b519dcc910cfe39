import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TimeEntry } from '@bigrock/core';
import type { TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;
let scratch: string;

const session = useBrowserSession();

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'bigrock-e2e-tracking-edit-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  ({ page, server } = session.current());
});

const stored = (entries: TimeEntry[]) =>
  entries.map(({ activity, start, end, tags, note }) => ({ activity, start, end, tags, note }));

const marchSecond = () => server.bigrock.entries.list({ from: '2026-03-02', to: '2026-03-02' });

describe('changing time entries by hand', () => {
  test('an entry added by hand shows in its day with the total, past midnight ends the next day, and a bad one adds nothing', async () => {
    // The browser runs on UTC: the times typed must be read on the workspace's clocks, by the server.
    await server.bigrock.workspace.update({ timeZone: 'Asia/Tokyo' });
    await page.goto('/tracking?view=day&date=2026-03-02');
    const form = page.getByRole('region', { name: 'Add an entry' });
    expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe('2026-03-02');
    await form.getByLabel('Activity', { exact: true }).fill('Client work');
    await form.getByLabel('Start', { exact: true }).fill('09:15');
    await form.getByLabel('End', { exact: true }).fill('11:45');
    await form.getByLabel('Tags', { exact: true }).fill('acme, billable');
    await form.getByLabel('Note', { exact: true }).fill('Homepage draft');
    await form.getByRole('button', { name: 'Add entry' }).click();

    const day = page.getByRole('region', { name: 'Mon, Mar 2' });
    await day.getByRole('cell', { name: '09:15–11:45' }).waitFor();
    await day.getByRole('heading', { name: 'Mon, Mar 2 · 2 hr 30 min' }).waitFor();
    await page.getByText('Mon, Mar 2: 2 hr 30 min tracked (times in Asia/Tokyo).').waitFor();
    expect(stored(await marchSecond())).toEqual([
      {
        activity: 'Client work',
        start: '2026-03-02T00:15:00.000Z',
        end: '2026-03-02T02:45:00.000Z',
        tags: ['acme', 'billable'],
        note: 'Homepage draft',
      },
    ]);
    await expect.poll(() => form.getByLabel('Activity', { exact: true }).inputValue()).toBe('');

    await form.getByLabel('Activity', { exact: true }).fill('Deploy');
    await form.getByLabel('Start', { exact: true }).fill('23:30');
    await form.getByLabel('End', { exact: true }).fill('00:30');
    // An end that reads before the start is a night only when the user says so.
    await form.getByRole('button', { name: 'Add entry' }).click();
    await form.getByText('Give an end after the start (23:30), or tick “Ends the next day”').waitFor();
    await form.getByLabel('Ends the next day').check();
    await form.getByText('Ends the next day, Tue, Mar 3.').waitFor();
    await form.getByRole('button', { name: 'Add entry' }).click();
    await day.getByRole('cell', { name: '23:30–00:30' }).waitFor();
    const deploy = (await marchSecond()).find((entry) => entry.activity === 'Deploy');
    expect(deploy).toMatchObject({ start: '2026-03-02T14:30:00.000Z', end: '2026-03-02T15:30:00.000Z' });

    await form.getByLabel('Activity', { exact: true }).fill('Email');
    await form.getByLabel('Start', { exact: true }).fill('13:00');
    await form.getByLabel('End', { exact: true }).fill('13:00');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await form.getByText('Give an end after the start (13:00)', { exact: false }).waitFor();
    expect(await form.getByLabel('End', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect((await marchSecond()).map((entry) => entry.activity)).toEqual(['Client work', 'Deploy']);
    expect(await day.getByRole('row').count()).toBe(3);
  });

  test("an entry's activity and times are changed from its row, then it is split and both halves show", async () => {
    await server.bigrock.workspace.update({ timeZone: 'Asia/Tokyo' });
    const calls = await server.bigrock.entries.add({
      activity: 'Calls',
      start: '2026-03-02 09:00',
      end: '2026-03-02 10:00',
      tags: ['mga'],
      note: 'Warm list',
    });
    await page.goto('/tracking?view=day&date=2026-03-02');
    await page.getByRole('link', { name: 'Edit Calls at 09:00' }).click();
    await page.waitForURL(`**/tracking/entries/${calls.id}`);
    await page.getByRole('heading', { level: 1, name: 'Calls' }).waitFor();

    const form = page.getByRole('region', { name: 'Change it' });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    expect(await field('Activity').inputValue()).toBe('Calls');
    expect(await field('Date').inputValue()).toBe('2026-03-02');
    expect(await field('Start').inputValue()).toBe('09:00');
    expect(await field('End').inputValue()).toBe('10:00');
    expect(await field('Tags').inputValue()).toBe('mga');
    expect(await field('Note').inputValue()).toBe('Warm list');
    await field('Activity').fill('Client calls');
    await field('Start').fill('13:00');
    await field('End').fill('15:00');
    await form.getByRole('button', { name: 'Save changes' }).click();

    await page.waitForURL(/\/tracking\?view=day&date=2026-03-02$/);
    const day = page.getByRole('region', { name: 'Mon, Mar 2' });
    await day.getByRole('cell', { name: '13:00–15:00' }).waitFor();
    expect(stored([await server.bigrock.entries.get(calls.id)])).toEqual([
      {
        activity: 'Client calls',
        start: '2026-03-02T04:00:00.000Z',
        end: '2026-03-02T06:00:00.000Z',
        tags: ['mga'],
        note: 'Warm list',
      },
    ]);

    await day.getByRole('link', { name: 'Edit Client calls at 13:00' }).click();
    const split = page.getByRole('region', { name: 'Split it' });
    await split.getByLabel('Split at').fill('16:00');
    await split.getByRole('button', { name: 'Split entry' }).click();
    await split
      .getByText(
        "Choose an instant between the entry's start (2026-03-02 13:00) and end (2026-03-02 15:00), Asia/Tokyo time.",
      )
      .waitFor();
    expect(await marchSecond()).toHaveLength(1);

    await split.getByLabel('Split at').fill('14:15');
    await split.getByRole('button', { name: 'Split entry' }).click();
    await page.waitForURL(/\/tracking\?view=day&date=2026-03-02$/);
    await day.getByRole('cell', { name: '13:00–14:15' }).waitFor();
    await day.getByRole('cell', { name: '14:15–15:00' }).waitFor();
    expect(stored(await marchSecond())).toEqual([
      {
        activity: 'Client calls',
        start: '2026-03-02T04:00:00.000Z',
        end: '2026-03-02T05:15:00.000Z',
        tags: ['mga'],
        note: 'Warm list',
      },
      {
        activity: 'Client calls',
        start: '2026-03-02T05:15:00.000Z',
        end: '2026-03-02T06:00:00.000Z',
        tags: ['mga'],
        note: 'Warm list',
      },
    ]);
  });

  test('a running timer is edited but for its end, and keeps running', async () => {
    await server.bigrock.entries.startTimer({ activity: 'Writing' });
    await page.goto('/tracking');
    await page.getByRole('link', { name: /^Edit Writing at / }).click();
    const form = page.getByRole('region', { name: 'Change it' });
    expect(await form.getByLabel('End', { exact: true }).isDisabled()).toBe(true);
    await form.getByText('Still running: stop the timer to end it.').waitFor();
    await form.getByLabel('Activity', { exact: true }).fill('Blog writing');
    await form.getByLabel('Tags', { exact: true }).fill('blog');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/tracking\?view=day/);
    await page.getByRole('region', { name: 'Timer' }).getByText('Blog writing', { exact: true }).waitFor();
    expect(await server.bigrock.entries.timer()).toMatchObject({ activity: 'Blog writing', tags: ['blog'], end: null });
  });

  test('a review item links to the entry it is about; fixing the entry there clears the item', async () => {
    await server.bigrock.entries.add({ activity: 'Calls', start: '2026-03-02 09:00', end: '2026-03-02 10:30' });
    const email = await server.bigrock.entries.add({
      activity: 'Email',
      start: '2026-03-02 10:00',
      end: '2026-03-02 11:00',
    });
    await page.goto('/tracking?view=day&date=2026-03-02');
    const review = page.getByRole('region', { name: 'To review' });
    const overlap = review.getByRole('listitem').filter({ hasText: 'Calls and Email overlap by 30 min' });
    await overlap.getByRole('link', { name: 'Edit Email at 10:00' }).click();

    await page.waitForURL(`**/tracking/entries/${email.id}`);
    const form = page.getByRole('region', { name: 'Change it' });
    await form.getByLabel('Start', { exact: true }).fill('10:30');
    await form.getByRole('button', { name: 'Save changes' }).click();

    await page.waitForURL(/\/tracking\?view=day&date=2026-03-02$/);
    await review.getByText('No gaps, overlaps or very long entries here.').waitFor();
    expect(await server.bigrock.entries.review({ from: '2026-03-02', to: '2026-03-02' })).toEqual([]);
    expect(await server.bigrock.entries.get(email.id)).toMatchObject({
      start: '2026-03-02T10:30:00.000Z',
      end: '2026-03-02T11:00:00.000Z',
    });
  });
});

describe('outcomes', () => {
  test('an outcome is added, listed and added up for the days shown, a wrong one refused, and one deleted', async () => {
    await page.goto('/tracking');
    await page.getByRole('link', { name: 'Outcomes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Outcomes' }).waitFor();
    await page.getByLabel('From', { exact: true }).fill('2026-03-01');
    await page.waitForURL(/from=2026-03-01/);
    await page.getByLabel('To', { exact: true }).fill('2026-03-31');
    await page.waitForURL(/from=2026-03-01&to=2026-03-31/);
    const list = page.getByRole('region', { name: 'Mar 1, 2026 to Mar 31, 2026' });
    await list.getByText('No outcomes in these days.').waitFor();

    const form = page.getByRole('form', { name: 'Add an outcome' });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    await field('Amount').fill('1500');
    await field('Currency').fill('eur');
    await field('Date').fill('2026-03-10');
    await field('Activity').fill('Calls');
    await field('Channel').fill('Referral');
    await field('Note').fill('Website redesign');
    await form.getByRole('button', { name: 'Add outcome' }).click();
    const revenue = list.getByRole('row', { name: /Revenue/ });
    expect(await revenue.textContent()).toContain('1,500 EUR');
    expect(await revenue.textContent()).toContain('Calls · Referral');

    await field('Kind').selectOption('lead');
    expect(await field('Currency').count()).toBe(0);
    await field('Amount').fill('2.5');
    await form.getByRole('button', { name: 'Add outcome' }).click();
    await form.getByText('Must be a whole number of leads.').waitFor();
    await field('Amount').fill('3');
    await form.getByRole('button', { name: 'Add outcome' }).click();
    await list.getByText('1,500 EUR revenue · 0 clients · 3 leads').waitFor();

    const outcomes = () => server.bigrock.outcomes.list({ from: '2026-03-01', to: '2026-03-31' });
    expect(
      (await outcomes()).map(({ kind, amount, currency, date, activity, channel, note }) => ({
        kind,
        amount,
        currency,
        date,
        activity,
        channel,
        note,
      })),
    ).toEqual([
      {
        kind: 'revenue',
        amount: 1500,
        currency: 'EUR',
        date: '2026-03-10',
        activity: 'Calls',
        channel: 'Referral',
        note: 'Website redesign',
      },
      { kind: 'lead', amount: 3, currency: null, date: '2026-03-10', activity: null, channel: null, note: null },
    ]);

    await list.getByRole('button', { name: 'Delete Revenue 1,500 EUR on Mar 10, 2026' }).click();
    await list.getByText('0 clients · 3 leads', { exact: true }).waitFor();
    expect(await list.getByRole('row', { name: /Revenue/ }).count()).toBe(0);
    expect((await outcomes()).map(({ kind }) => kind)).toEqual(['lead']);
  });
});

describe('exports, backup and restore', () => {
  test("the CSV export downloads the days' entries", async () => {
    await server.bigrock.entries.add({
      activity: 'Client work',
      start: '2026-03-02 09:00',
      end: '2026-03-02 10:00',
      note: 'Acme homepage',
    });
    await server.bigrock.entries.add({ activity: 'Networking', start: '2026-03-05 09:00', end: '2026-03-05 10:00' });
    await page.goto('/tracking?view=day&date=2026-03-02');
    const exports = page.getByRole('region', { name: 'Export and back up' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exports.getByRole('link', { name: 'These entries as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bigrock-entries.csv');
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^id,start,end,/);
    expect(lines[1]).toContain('2026-03-02 09:00:00,2026-03-02 10:00:00');
    expect(lines[1]).toContain(',Client work,');
    expect(lines[1]).toContain('Acme homepage');
  });

  test('a backup restored brings back its data; a file that is not a backup is refused and changes nothing', async () => {
    const { entries } = server.bigrock;
    const kept = await entries.add({ activity: 'Client work', start: '2026-03-02 09:00', end: '2026-03-02 10:00' });
    await page.goto('/tracking?view=day&date=2026-03-02');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Full backup (JSON)' }).click(),
    ]);
    const backup = join(scratch, 'backup.json');
    await download.saveAs(backup);

    await entries.remove(kept.id);
    await entries.add({ activity: 'After the backup', start: '2026-03-02 11:00', end: '2026-03-02 12:00' });
    await page.getByRole('link', { name: 'Restore a backup' }).click();
    await page.getByRole('heading', { level: 1, name: 'Restore a backup' }).waitFor();
    await page.getByLabel('Backup file').setInputFiles(backup);
    const restore = page.getByRole('button', { name: 'Restore backup' });
    // Not ticked: the page says what is missing, and nothing is replaced.
    await restore.click();
    await page.getByText('Tick this box to say that the data here may be replaced.').waitFor();
    expect((await marchSecond()).map(({ activity }) => activity)).toEqual(['After the backup']);
    await page.getByLabel('Replace all the data of this workspace with this backup').check();
    await restore.click();
    await page.getByRole('status').getByText('Restored: 1 time entry.').waitFor();
    expect((await marchSecond()).map(({ id, activity }) => ({ id, activity }))).toEqual([
      { id: kept.id, activity: 'Client work' },
    ]);
    // Another restore asks again.
    expect(await page.getByLabel('Replace all the data of this workspace with this backup').isChecked()).toBe(false);

    const garbage = join(scratch, 'garbage.json');
    writeFileSync(garbage, 'This is a shopping list, not a backup.\n');
    await page.getByLabel('Backup file').setInputFiles(garbage);
    await page.getByLabel('Replace all the data of this workspace with this backup').check();
    await restore.click();
    await page
      .getByRole('alert')
      .getByText(/^Nothing was restored\./)
      .waitFor();
    expect((await marchSecond()).map(({ id }) => id)).toEqual([kept.id]);

    await page.goto('/tracking?view=day&date=2026-03-02');
    await page
      .getByRole('region', { name: 'Mon, Mar 2' })
      .getByRole('cell', { name: /^Client work/ })
      .waitFor();
  });
});
