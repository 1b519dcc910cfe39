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

/** No sideways scroll: the page is no wider than the window. */
const pageFits = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');

const entryRow = async (id: string) =>
  server.bigrock.db.selectFrom('time_entries').selectAll().where('id', '=', id).executeTakeFirst();

// Each case on a desktop and on a phone 390 px wide.
describe.each([
  { screen: 'desktop', width: 1280, height: 900 },
  { screen: '390 px', width: 390, height: 844 },
])('undo and edit in place, on $screen', ({ width, height }) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('a deleted time entry comes back with Undo, as it was; the keyboard reaches Undo at once', async () => {
    const calls = await server.bigrock.entries.add({
      activity: 'Calls',
      start: '2026-03-02 09:00',
      end: '2026-03-02 10:30',
      tags: ['mga'],
      note: 'Warm list',
    });
    await server.bigrock.entries.add({ activity: 'Email', start: '2026-03-02 11:00', end: '2026-03-02 11:20' });
    const before = await entryRow(calls.id);
    await page.goto('/tracking?view=day&date=2026-03-02');
    const day = page.getByRole('region', { name: 'Mon, Mar 2' });
    await day.getByRole('heading', { name: 'Mon, Mar 2 · 1 hr 50 min' }).waitFor();

    await day.getByRole('button', { name: 'Delete Calls at 09:00' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Deleted Calls at 09:00.' });
    await notice.waitFor();
    await day.getByRole('heading', { name: 'Mon, Mar 2 · 20 min' }).waitFor();
    expect(await entryRow(calls.id)).toBeUndefined();
    expect(await pageFits()).toBe(true);

    await notice.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored Calls at 09:00.' }).waitFor();
    await day.getByRole('heading', { name: 'Mon, Mar 2 · 1 hr 50 min' }).waitFor();
    expect(await entryRow(calls.id)).toEqual(before);

    // By keyboard: the Delete button goes with its row, so the focus lands on Undo; Enter restores.
    await day.getByRole('button', { name: 'Delete Email at 11:00' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Deleted Email at 11:00.' }).waitFor();
    await page.locator('.undo-notice button:focus', { hasText: 'Undo' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Restored Email at 11:00.' }).waitFor();
    expect(
      (await server.bigrock.entries.list({ from: '2026-03-02', to: '2026-03-02' })).map((e) => e.activity),
    ).toEqual(['Calls', 'Email']);
  });

  test('a data point is changed in place, and a deleted one comes back with Undo', async () => {
    const goal = await server.bigrock.goals.create({
      title: 'Recruit 12 distributors',
      unit: 'recruits',
      target: 12,
      startDate: '2026-01-01',
      deadline: '2026-12-31',
    });
    const first = await server.bigrock.goals.logProgress(goal.id, { value: 2, date: '2026-02-02', note: 'Anna' });
    await server.bigrock.goals.logProgress(goal.id, { value: 1, date: '2026-02-09' });
    await page.goto(`/goals/${goal.id}`);
    const logged = page.getByRole('region', { name: 'Logged progress' });

    // Changed in place: a bad value is said beside its field and saves nothing.
    await logged.getByRole('button', { name: 'Edit 2 on Feb 2, 2026' }).click();
    const form = logged.getByRole('form', { name: 'Change 2 on Feb 2, 2026' });
    await form.getByLabel('Value', { exact: true }).fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Enter the value, e.g. 8.').waitFor();
    await form.getByLabel('Value', { exact: true }).fill('2000000000000');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText(/from -1,000,000,000,000 to 1,000,000,000,000/).waitFor();
    expect(await pageFits()).toBe(true);
    await form.getByLabel('Value', { exact: true }).fill('3.5');
    await form.getByLabel('Date', { exact: true }).fill('2026-02-03');
    await form.getByLabel('Note', { exact: true }).fill('Anna and Ben');
    await form.getByRole('button', { name: 'Save' }).click();
    await logged.getByRole('cell', { name: 'Anna and Ben' }).waitFor();
    await logged.getByRole('button', { name: 'Edit 3.5 on Feb 3, 2026' }).waitFor();
    expect((await server.bigrock.goals.get(goal.id)).dataPoints).toContainEqual({
      ...first,
      value: 3.5,
      date: '2026-02-03',
      note: 'Anna and Ben',
    });
    const pace = (await server.bigrock.goals.get(goal.id)).pace;

    await logged.getByRole('button', { name: 'Delete 3.5 on Feb 3, 2026' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Deleted 3.5 on Feb 3, 2026.' });
    await notice.waitFor();
    await expect.poll(async () => (await server.bigrock.goals.get(goal.id)).dataPoints.length).toBe(1);
    expect(await pageFits()).toBe(true);
    await notice.getByRole('button', { name: 'Undo' }).click();
    await logged.getByRole('cell', { name: 'Anna and Ben' }).waitFor();
    const restored = await server.bigrock.goals.get(goal.id);
    expect(restored.dataPoints).toHaveLength(2);
    expect(restored.pace).toEqual(pace);
  });
});

test('the notice goes after ten seconds, or at once with Dismiss or Escape, and says why Undo failed', async () => {
  const goal = await server.bigrock.goals.create({ title: 'Calls', target: 100, deadline: '2026-12-31' });
  for (const value of [1, 2, 3]) await server.bigrock.goals.logProgress(goal.id, { value, date: '2026-02-02' });
  await page.goto(`/goals/${goal.id}`);
  const logged = page.getByRole('region', { name: 'Logged progress' });
  const notice = page.locator('.undo-notice');

  await logged.getByRole('button', { name: 'Delete 1 on Feb 2, 2026' }).click();
  await notice.getByText('Deleted 1 on Feb 2, 2026.').waitFor();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await notice.waitFor({ state: 'detached' });

  await logged.getByRole('button', { name: 'Delete 2 on Feb 2, 2026' }).click();
  await notice.getByText('Deleted 2 on Feb 2, 2026.').waitFor();
  await notice.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Escape');
  await notice.waitFor({ state: 'detached' });

  // Restored elsewhere meanwhile (the CLI's bigrock undo): Undo says so and the notice stays.
  await logged.getByRole('button', { name: 'Delete 3 on Feb 2, 2026' }).click();
  await notice.getByText('Deleted 3 on Feb 2, 2026.').waitFor();
  const [last] = await server.bigrock.undo.list();
  if (last === undefined) throw new Error('the delete is listed');
  await server.bigrock.undo.restore(last.id);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await notice.getByRole('alert').getByText('was restored already').waitFor();
  await notice.getByRole('button', { name: 'Dismiss' }).click();

  await page.reload();
  await logged.getByRole('button', { name: 'Delete 3 on Feb 2, 2026' }).click();
  await notice.getByText('Deleted 3 on Feb 2, 2026.').waitFor();
  const shownAt = Date.now();
  await notice.waitFor({ state: 'detached', timeout: 15_000 });
  expect(Date.now() - shownAt).toBeGreaterThan(9000);
});
