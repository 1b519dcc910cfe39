import { addDays, dateInZone, type Goal } from '@bigrock/core';
import type { TestServer } from '@bigrock/server/test-support';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

// The test server's workspace and the browser both run on UTC (see useBrowserSession).
const today = dateInZone(new Date(), 'UTC');

/** The chart itself, not the small svg icons of its legend. */
const chartSvg = '.recharts-wrapper > svg.recharts-surface';

interface Standing {
  goal: Goal;
}

async function goalsOnServer(archived = false): Promise<Standing[]> {
  const response = await server.api(`/api/v1/goals${archived ? '?archived=true' : ''}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Standing[];
}

function checkStatus(dimension: string): Promise<string | null> {
  return page
    .getByRole('region', { name: 'Goal check' })
    .getByRole('listitem')
    .filter({ hasText: dimension })
    .locator('.check-status')
    .textContent();
}

async function checkScore(): Promise<number> {
  return Number(await page.getByRole('region', { name: 'Goal check' }).locator('.check-score strong').textContent());
}

async function describedBy(control: Locator): Promise<string> {
  const ids = (await control.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

const session = useBrowserSession();

beforeEach(() => {
  ({ page, server } = session.current());
});

describe('the goals pages', () => {
  test('a goal created through the form shows its live check, takes logged progress and appears on the dashboard with its status and chart', async () => {
    const title = 'Make 30 calls to people I know';
    await page.goto('/goals/new');

    await expect.poll(() => checkStatus('Measurable')).toBe('fail');
    const emptyScore = await checkScore();

    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Target', { exact: true }).fill('30');
    await expect.poll(() => checkStatus('Measurable')).toBe('warn');
    await page.getByLabel('Unit', { exact: true }).fill('calls');
    await expect.poll(() => checkStatus('Measurable')).toBe('pass');

    await page.getByLabel('Start date').fill(addDays(today, -10));
    await page.getByLabel('Deadline', { exact: true }).fill(addDays(today, 20));
    await expect.poll(() => checkStatus('Time-bound')).toBe('pass');
    await page.getByLabel('Why it matters').fill('Calls fill my calendar with appointments');
    await page.getByLabel('Systems').fill('A call list and a calling block at 9 am');
    await page.getByLabel('Owner').fill('me');
    await page.getByLabel('Accountability partner').fill('Maria');
    await page.getByLabel('Hours per week').fill('5');
    await page.getByLabel('Sunday').check();
    await expect.poll(() => checkStatus('Responsible')).toBe('pass');
    expect(await checkScore()).toBeGreaterThan(emptyScore);

    await page.getByRole('button', { name: 'Create goal' }).click();
    await page.waitForURL(/\/goals\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const [stored] = await goalsOnServer();
    expect(stored?.goal).toMatchObject({
      title,
      unit: 'calls',
      target: 30,
      baseline: 0,
      startDate: addDays(today, -10),
      deadline: addDays(today, 20),
      partner: 'Maria',
      hoursPerWeek: 5,
      daysOff: ['sun'],
      level: null,
    });

    expect(await page.getByLabel('Date', { exact: true }).inputValue()).toBe(today);
    await page.getByLabel('Value', { exact: true }).fill('15');
    await page.getByLabel('Note', { exact: true }).fill('A good first week');
    await page.getByRole('button', { name: 'Log progress' }).click();
    await page
      .getByRole('region', { name: 'Logged progress' })
      .getByRole('cell', { name: 'A good first week' })
      .waitFor();
    // On the line, 10 calls were due by today; 15 is five days' worth ahead.
    expect(await page.getByRole('region', { name: 'Pace' }).locator('.badge').textContent()).toBe('ahead');

    // The address of a page works on its own: the server sends the app for any path it does not know.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const card = page.getByRole('article', { name: title });
    expect(await card.locator('.badge').textContent()).toBe('ahead');
    expect(await card.getByText('15 / 30 calls').count()).toBe(1);
    await card.locator(chartSvg).waitFor();
  });

  test('a deadline before the start date shows the server’s message beside the field and creates nothing', async () => {
    await page.goto('/goals/new');
    await page.getByLabel('Title', { exact: true }).fill('Lose 5 kg before the summer holidays');
    await page.getByLabel('Start date').fill('2026-05-10');
    await page.getByLabel('Deadline', { exact: true }).fill('2026-05-01');
    await page.getByRole('button', { name: 'Create goal' }).click();

    await page.getByRole('alert').getByText('set it after the start date (2026-05-10)').waitFor();
    const deadline = page.getByLabel('Deadline', { exact: true });
    expect(await deadline.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(deadline)).toContain('Set it after the start date (2026-05-10).');
    expect(new URL(page.url()).pathname).toBe('/goals/new');
    expect(await goalsOnServer()).toEqual([]);
    expect(await goalsOnServer(true)).toEqual([]);
  });

  test('the empty dashboard offers the demo, and loading it shows the five demo goals with their statuses', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'No goals yet' }).waitFor();
    await page.getByRole('link', { name: 'Create a goal' }).waitFor();

    await page.getByRole('button', { name: 'Load the demo' }).click();

    await expect.poll(() => page.getByRole('article').count()).toBe(5);
    const statuses = await page.locator('article .badge').allTextContents();
    expect(statuses).toHaveLength(5);
    expect(new Set(statuses)).toEqual(new Set(['ahead', 'on track', 'behind']));
    // The charts come a moment after the cards: the chart library loads after the page (DeferredExpectedActualChart).
    await expect.poll(() => page.locator(`article ${chartSvg}`).count()).toBe(5);
    await page.getByRole('article', { name: 'Recruit 12 distributors from my warm market' }).waitFor();
  });

  test('a goal can be edited, its progress deleted, and archived off the dashboard and brought back', async () => {
    const response = await server.api(`/api/v1/goals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.bigrock.sessionSecret()}` },
      body: JSON.stringify({
        title: 'Read 12 books this year',
        unit: 'books',
        target: 12,
        deadline: addDays(today, 300),
      }),
    });
    expect(response.status).toBe(201);
    const goal = (await response.json()) as Goal;

    await page.goto(`/goals/${goal.id}/edit`);
    expect(await page.getByLabel('Target', { exact: true }).inputValue()).toBe('12');
    await page.getByLabel('Target', { exact: true }).fill('20');
    await page.getByLabel('Unit', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`**/goals/${goal.id}`);
    const [edited] = await goalsOnServer();
    expect(edited?.goal).toMatchObject({ target: 20, unit: null });

    await page.getByLabel('Value', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Log progress' }).click();
    const logged = page.getByRole('region', { name: 'Logged progress' });
    await logged.getByRole('button', { name: /^Delete 3 on / }).click();
    await logged.getByText('Nothing logged yet.').waitFor();

    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await page.getByRole('button', { name: 'Unarchive' }).waitFor();
    expect(await goalsOnServer()).toEqual([]);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    // The demo never mixes with real data, archived or not, so it is not offered here.
    await page.getByRole('heading', { name: 'No active goals' }).waitFor();
    expect(await page.getByRole('button', { name: 'Load the demo' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Archived' }).click();
    await page.getByRole('article', { name: 'Read 12 books this year' }).waitFor();

    await page.getByRole('link', { name: 'Read 12 books this year', exact: true }).click();
    await page.getByRole('button', { name: 'Unarchive' }).click();
    await page.getByRole('button', { name: 'Archive', exact: true }).waitFor();
    expect(await goalsOnServer()).toHaveLength(1);
  });
});
