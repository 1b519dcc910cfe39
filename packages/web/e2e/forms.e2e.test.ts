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

/** The texts a control's aria-describedby points to: its hint and its error. */
async function describedBy(control: Locator): Promise<string> {
  const ids = (await control.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

async function expectInvalid(control: Locator, message: string | RegExp): Promise<void> {
  await expect.poll(() => control.getAttribute('aria-invalid')).toBe('true');
  const text = await describedBy(control);
  if (typeof message === 'string') expect(text).toContain(message);
  else expect(text).toMatch(message);
}

// Each case on a desktop and on a phone 390 px wide, where the forms stack.
describe.each([
  { screen: 'desktop', width: 1280, height: 900 },
  { screen: '390 px', width: 390, height: 844 },
])('forms keep what was typed, on $screen', ({ width, height }) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('a target typed as "1,5e" is an error on the Target field, and no goal is saved without it', async () => {
    await page.goto('/goals/new');
    await page.getByLabel('Title', { exact: true }).fill('Recruit distributors');
    const target = page.getByLabel('Target', { exact: true });
    // Typed key by key, as a person does: the browser keeps the text but reports an empty value.
    await target.pressSequentially('1,5e');
    expect(await target.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Create goal' }).click();

    await expectInvalid(target, 'Type a number here, such as 12 or 1.5.');
    await page.getByRole('alert').getByText('The goal was not saved.').waitFor();
    // The focus is taken to the field to fix.
    await page.locator('input[name="target"]:focus').waitFor();
    expect(page.url()).toMatch(/\/goals\/new$/);
    expect(await server.bigrock.goals.list()).toEqual([]);

    // Once the number is readable, the goal saves with it.
    await target.fill('15');
    await expect.poll(() => target.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Create goal' }).click();
    await page.waitForURL(/\/goals\/[^/]+$/);
    expect((await server.bigrock.goals.list()).map(({ goal }) => goal.target)).toEqual([15]);
  });

  test('an entry edited to end before it starts is refused by the form, and stays as it was', async () => {
    const entry = await server.bigrock.entries.add({
      activity: 'Design',
      start: '2026-03-02 10:00',
      end: '2026-03-02 11:00',
    });
    await page.goto(`/tracking/entries/${entry.id}`);
    const form = page.getByRole('region', { name: 'Change it' });
    const end = form.getByLabel('End', { exact: true });
    await end.fill('09:00');
    await form.getByRole('button', { name: 'Save changes' }).click();

    await expectInvalid(end, 'Give an end after the start (10:00), or tick “Ends the next day”');
    expect(page.url()).toContain(`/tracking/entries/${entry.id}`);
    expect(await server.bigrock.entries.get(entry.id)).toMatchObject({ start: entry.start, end: entry.end });

    // Past midnight is said, not guessed: ticked, the same time is the next morning.
    await form.getByLabel('Ends the next day').check();
    await form.getByText('Ends the next day, Tue, Mar 3.').waitFor();
    await expect.poll(() => end.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/tracking\?view=day&date=2026-03-02$/);
    expect(await server.bigrock.entries.get(entry.id)).toMatchObject({
      start: '2026-03-02T10:00:00.000Z',
      end: '2026-03-03T09:00:00.000Z',
    });
  });

  test('a blank quick log says what to fill in, and -3 on recruits speaks of recruits, not calls', async () => {
    await server.bigrock.activities.create({ name: 'calls', rate: 10, ratePeriod: 'day' });
    const recruits = await server.bigrock.activities.create({ name: 'recruiting', unit: 'recruits' });
    await page.goto('/activities');
    const row = page.getByRole('row').filter({ hasText: 'recruiting' });
    const count = row.getByLabel('Log recruits today');

    await row.getByRole('button', { name: 'Log' }).click();
    await expectInvalid(count, 'Give how many recruits to log for today, e.g. 8.');
    await row.getByRole('alert').waitFor();

    await count.fill('-3');
    await row.getByRole('button', { name: 'Log' }).click();
    await expectInvalid(count, 'Give a count of recruits above 0.');
    expect(await row.getByRole('alert').textContent()).not.toContain('calls');
    expect((await server.bigrock.activities.get(recruits.id)).logs).toEqual([]);

    await count.pressSequentially('1,5e');
    await row.getByRole('button', { name: 'Log' }).click();
    await expectInvalid(count, 'Type a number here');
    expect((await server.bigrock.activities.get(recruits.id)).logs).toEqual([]);

    await count.fill('2');
    await row.getByRole('button', { name: 'Log' }).click();
    await expect
      .poll(async () => (await server.bigrock.activities.get(recruits.id)).logs.map((log) => log.count))
      .toEqual([2]);
    await expect.poll(() => count.getAttribute('aria-invalid')).toBeNull();
  });

  test('a blank new funnel says, field by field and in words, what to fill in, and saves nothing', async () => {
    await page.goto('/funnels/new');
    await page
      .getByText(
        'To see the plan, fill in: Target, Deadline, Hours per week, Stage 1 activity, Stage 2 activity, and Stage 2 conversion.',
      )
      .waitFor();
    await page.getByRole('button', { name: 'Create funnel' }).click();

    await page.getByRole('alert').getByText('Fill in or fix what is marked below.').waitFor();
    await expectInvalid(page.getByLabel('Name', { exact: true }), 'Name the funnel');
    await expectInvalid(page.getByLabel('Stage 1 activity'), 'Name the first activity, e.g. calls.');
    await expectInvalid(page.getByLabel('Stage 2 activity'), 'Name the activity of this stage');
    await expectInvalid(page.getByLabel('Stage 2 conversion (%)'), /Give your guess of the share of the stage before/);
    // No validator's words anywhere on the page.
    expect(await page.locator('main').textContent()).not.toMatch(/Invalid input|expected (string|number)|received/);
    expect(await server.bigrock.funnels.list()).toEqual([]);

    // A share typed as 150 % is refused in the form's own unit, percent, not as "at most 1".
    await page.getByLabel('Stage 2 conversion (%)').fill('150');
    await page.getByRole('button', { name: 'Create funnel' }).click();
    await expectInvalid(page.getByLabel('Stage 2 conversion (%)'), 'Give a percentage above 0 and at most 100');
    expect(await server.bigrock.funnels.list()).toEqual([]);
  });
});

describe('every number field', () => {
  test('says when its text is not a number, and saves nothing in its place', async () => {
    const goal = await server.bigrock.goals.create({ title: 'Sign clients', target: 5, unit: 'clients' });
    const activity = await server.bigrock.activities.create({ name: 'calls' });
    // The page, the field, the button that saves it, and what is stored once it is refused.
    const cases: Array<[path: string, field: string, button: string, stored: () => Promise<unknown>]> = [
      ['/goals/new', 'Hours per week', 'Create goal', async () => (await server.bigrock.goals.list()).length],
      [`/goals/${goal.id}`, 'Value', 'Log progress', async () => (await server.bigrock.goals.get(goal.id)).dataPoints],
      ['/activities', 'Target rate', 'Add activity', async () => (await server.bigrock.activities.list()).length],
      [
        `/activities/${activity.id}`,
        'Count',
        'Log count',
        async () => (await server.bigrock.activities.get(activity.id)).logs,
      ],
      ['/tracking/outcomes', 'Amount', 'Add outcome', () => server.bigrock.outcomes.list()],
      ['/funnels/new', 'Hours per week', 'Create funnel', () => server.bigrock.funnels.list()],
    ];
    for (const [path, field, button, stored] of cases) {
      const before = await stored();
      await page.goto(path);
      const control = page.getByLabel(field, { exact: true });
      await control.pressSequentially('1,5e');
      await page.getByRole('button', { name: button, exact: true }).click();
      await expectInvalid(control, 'Type a number here, such as 12 or 1.5.');
      expect(await stored(), `${path} ${field}`).toEqual(before);
    }
  });
});

describe('figures, units and dates', () => {
  test('the week view heads the week it shows in the reader’s locale, and one of a unit is singular', async () => {
    await page.goto('/tracking?view=week&date=2026-03-04');
    await page.getByRole('heading', { level: 2, name: 'Week of Mar 2, 2026' }).waitFor();

    // A British reader gets the British date, from the same Intl formatter.
    const browser = page.context().browser();
    if (browser === null) throw new Error('The page has no browser.');
    const british = await browser.newContext({ baseURL: server.url, timezoneId: 'UTC', locale: 'en-GB' });
    const britishPage = await british.newPage();
    await britishPage.goto('/tracking?view=week&date=2026-03-04');
    await britishPage.getByRole('heading', { level: 2, name: 'Week of 2 Mar 2026' }).waitFor();
    await british.close();

    const goal = await server.bigrock.goals.create({ title: 'Sign a client', target: 1, unit: 'clients', baseline: 0 });
    await page.goto(`/goals/${goal.id}`);
    const facts = page.getByRole('region', { name: 'The goal, as written' });
    await facts.getByText('1 client', { exact: true }).waitFor();
    await facts.getByText('0 clients', { exact: true }).waitFor();
  });
});
