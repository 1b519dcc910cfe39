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

const marchSecond = () => server.bigrock.entries.list({ from: '2026-03-02', to: '2026-03-02' });

describe.each([
  { screen: 'desktop', width: 1280, height: 900 },
  { screen: '390 px', width: 390, height: 844 },
])('clients and projects on entries, on $screen', ({ width, height }) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('an entry gets a client, a project, a rate and billable by hand, and the list is filtered by client', async () => {
    await server.bigrock.entries.add({ activity: 'Admin', start: '2026-03-02 11:00', end: '2026-03-02 12:00' });
    await page.goto('/tracking?view=day&date=2026-03-02');

    const form = page.getByRole('region', { name: 'Add an entry' });
    await form.getByLabel('Activity', { exact: true }).fill('Proposal');
    await form.getByLabel('Start', { exact: true }).fill('09:00');
    await form.getByLabel('End', { exact: true }).fill('10:30');
    await form.getByLabel('Client', { exact: true }).fill('Acme');
    await form.getByLabel('Project', { exact: true }).fill('Website');
    await form.getByLabel('Rate per hour', { exact: true }).fill('85.5');
    await form.getByLabel('Currency', { exact: true }).fill('EUR');
    await form.getByLabel('Billable', { exact: true }).check();
    await form.getByRole('button', { name: 'Add entry' }).click();

    const day = page.getByRole('region', { name: 'Mon, Mar 2' });
    await day.getByText('Acme · Website · billable at 85.5 EUR/h').waitFor();
    expect(
      (await marchSecond()).map(({ activity, client, project, billable, rate, currency }) => ({
        activity,
        client,
        project,
        billable,
        rate,
        currency,
      })),
    ).toEqual([
      { activity: 'Proposal', client: 'Acme', project: 'Website', billable: true, rate: 85.5, currency: 'EUR' },
      { activity: 'Admin', client: null, project: null, billable: false, rate: null, currency: null },
    ]);

    // The other entry gets its client on its edit page.
    await day.getByRole('link', { name: 'Edit Admin at 11:00' }).click();
    const change = page.getByRole('region', { name: 'Change it' });
    expect(await change.getByLabel('Client', { exact: true }).inputValue()).toBe('');
    await change.getByLabel('Client', { exact: true }).fill('Globex');
    await change.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('region', { name: 'Mon, Mar 2' }).getByText('Globex', { exact: true }).waitFor();

    const filter = page.getByRole('form', { name: 'Filter entries' });
    await filter.getByLabel('Client', { exact: true }).fill('Acme');
    await filter.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/client=Acme/);
    await page.getByText('Mon, Mar 2: 1 hr 30 min tracked in the entries filtered.').waitFor();
    const list = page.getByRole('region', { name: /^Mon, Mar 2/ });
    await list.getByRole('cell', { name: /^Proposal/ }).waitFor();
    expect(await list.getByRole('cell', { name: /^Admin/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'These entries as CSV' }).getAttribute('href')).toContain(
      'client=Acme',
    );

    // The filter stays for the next day, and "Show all" ends it.
    await page.getByRole('link', { name: 'Next day' }).click();
    await page.waitForURL(/date=2026-03-03.*client=Acme/);
    await page.getByRole('link', { name: 'Previous day' }).click();
    await page.getByText('Mon, Mar 2: 1 hr 30 min tracked in the entries filtered.').waitFor();
    await page.getByRole('form', { name: 'Filter entries' }).getByRole('button', { name: 'Show all' }).click();
    await page.getByText('Mon, Mar 2: 2 hr 30 min tracked.').waitFor();
    await page
      .getByRole('region', { name: /^Mon, Mar 2/ })
      .getByRole('cell', { name: /^Admin/ })
      .waitFor();

    // Usable at this width: nothing to scroll sideways.
    // An expression, run in the page: the tests are compiled without the DOM's types.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  });

  test('a negative rate or an unknown currency is refused beside its field, and nothing is added', async () => {
    await page.goto('/tracking?view=day&date=2026-03-02');
    const form = page.getByRole('region', { name: 'Add an entry' });
    await form.getByLabel('Activity', { exact: true }).fill('Proposal');
    await form.getByLabel('Start', { exact: true }).fill('09:00');
    await form.getByLabel('End', { exact: true }).fill('10:00');
    await form.getByLabel('Rate per hour', { exact: true }).fill('-5');
    await form.getByLabel('Currency', { exact: true }).fill('USD');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await form.getByText('must be a number from 0 to 1,000,000,000 (an amount per hour)').waitFor();
    expect(await form.getByLabel('Rate per hour', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Rate per hour', { exact: true }).fill('10');
    await form.getByLabel('Currency', { exact: true }).fill('XYZ');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await form.getByText('must be an ISO 4217 currency code').waitFor();
    expect(await form.getByLabel('Currency', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await marchSecond()).toEqual([]);
  });
});
