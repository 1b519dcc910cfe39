import type { TestServer } from '@bigrock/server/test-support';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

const session = useBrowserSession();

beforeEach(() => {
  ({ page, server } = session.current());
});

async function addTask(form: Locator, fields: { name: string; hours: string; more(form: Locator): Promise<void> }) {
  await form.getByLabel('Task', { exact: true }).fill(fields.name);
  await form.getByLabel('Hours a week (estimate)').fill(fields.hours);
  await fields.more(form);
  await form.getByRole('button', { name: 'Add task' }).click();
  await page.getByRole('row').filter({ hasText: fields.name }).waitFor();
}

/** The figure a total of the plan shows, once it shows `expected`. */
async function expectTotal(term: string, expected: string) {
  const plan = page.getByRole('region', { name: 'The plan' });
  const figure = plan
    .locator('.pace-fact')
    .filter({ has: page.getByText(term, { exact: true }) })
    .locator('dd');
  await figure.filter({ hasText: expected }).waitFor();
  expect(await figure.textContent()).toBe(expected);
}

describe.each([
  ['desktop', 1280, 900],
  ['phone', 390, 844],
])('the triage page (%s)', (_name, width, height) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test(
    'triages three tasks at the target rate and shows what the plan frees and costs',
    { timeout: 90_000 },
    async () => {
      const settings = await server.api('/api/v1/settings', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ currency: 'USD', targetHourlyRate: 100 }),
      });
      expect(settings.status).toBe(200);

      await page.goto('/');
      if (width < 700) await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Triage' }).click();
      await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();
      await page.getByText('your target hourly rate: there is no hourly value yet').waitFor();
      await page
        .getByRole('region', { name: 'The rules' })
        .getByText(/^Delegate \(a draining task/)
        .waitFor();

      const form = page.getByRole('form', { name: 'Add a task' });
      await addTask(form, {
        name: 'Bookkeeping',
        hours: '3',
        async more(f) {
          await f.getByLabel('Outsourcing cost an hour (USD)').fill('25');
          await f.getByLabel('Review time if delegated (hours a week)').fill('0.5');
        },
      });
      await addTask(form, {
        name: 'Invoicing',
        hours: '2',
        async more(f) {
          await f.getByLabel('Automation cost once (USD)').fill('300');
          await f.getByLabel('Automation cost a month (USD)').fill('20');
        },
      });
      await addTask(form, {
        name: 'Scrolling the news',
        hours: '2',
        async more(f) {
          await f.getByLabel('Energy').selectOption('energizing');
          await f.getByLabel('Not needed: it neither earns nor supports anything').check();
        },
      });

      const row = (name: string) => page.getByRole('row').filter({ hasText: name });
      expect(await row('Bookkeeping').locator('.triage-action').textContent()).toBe('Delegate');
      expect(await row('Invoicing').locator('.triage-action').textContent()).toBe('Automate');
      expect(await row('Scrolling the news').locator('.triage-action').textContent()).toBe('Drop');
      await row('Bookkeeping')
        .getByText(/delegating costs \$541\.67 a month with your review time/)
        .waitFor();

      // 2.5 h × 52/12 delegated + 2 h × 52/12 automated + 2 h × 52/12 dropped = 28.17 h a month, at 100 an hour.
      await expectTotal('Hours freed a month', '28.2 h');
      await expectTotal('Hours freed a week', '6.5 h');
      await expectTotal('Their worth a month', '$2,816.67');
      await expectTotal('Cost a month', '$345.00');
      await expectTotal('Cost once', '$300.00');
      await expectTotal('Net a month', '$2,471.67');

      // Edited in place: the news takes 1 h a week.
      await page.getByRole('button', { name: 'Edit Scrolling the news' }).click();
      const edit = page.getByRole('form', { name: 'Edit Scrolling the news' });
      expect(await edit.getByLabel('Hours a week (estimate)').inputValue()).toBe('2');
      await edit.getByLabel('Hours a week (estimate)').fill('1');
      await edit.getByRole('button', { name: 'Save task' }).click();
      await expectTotal('Hours freed a month', '23.8 h');

      // The user keeps the bookkeeping, and says why.
      const override = page.getByRole('form', { name: 'Override for Bookkeeping' });
      await override.getByLabel('Your choice').selectOption('batch');
      await override.getByLabel('Why').fill('I want to know my numbers');
      await override.getByRole('button', { name: 'Save choice' }).click();
      await row('Bookkeeping').getByText('I want to know my numbers').waitFor();
      await expectTotal('Hours freed a month', '13 h');
      await expectTotal('Cost a month', '$20.00');

      await page.getByRole('button', { name: 'Delete Invoicing' }).click();
      await row('Invoicing').waitFor({ state: 'detached' });
      await expectTotal('Hours freed a month', '4.3 h');
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

      const plan = (await (await server.api('/api/v1/triage/plan')).json()) as { tasks: unknown[] };
      expect(plan.tasks).toHaveLength(2);
    },
  );

  test('names the field a mistake is in', async () => {
    await page.goto('/triage');
    const form = page.getByRole('form', { name: 'Add a task' });
    await form.getByLabel('Task', { exact: true }).fill('Email');
    await form.getByLabel('Hours a week (estimate)').fill('2');
    await form.getByLabel('Outsourcing cost an hour (USD)').fill('-5');
    await form.getByRole('button', { name: 'Add task' }).click();
    await form
      .getByText('Must be a number from 0 to 1,000,000 (per hour, in the workspace currency).')
      .first()
      .waitFor();
    expect(await form.getByLabel('Outsourcing cost an hour (USD)').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('There is no hourly value and no target rate yet').waitFor();
  });
});
