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

const workingHours = async () => (await server.bigrock.workspace.get()).workingHours;

describe.each([
  ['desktop', 1280, 900],
  ['phone', 390, 844],
])('the settings page (%s)', (_name, width, height) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test('sets the working hours the review inbox looks for gaps in, and says what to fix beside the day', async () => {
    await page.goto('/settings');
    const form = page.getByRole('region', { name: 'Working hours' });
    expect(await form.getByLabel('Monday from').inputValue()).toBe('09:00');
    expect(await form.getByLabel('Saturday', { exact: true }).isChecked()).toBe(false);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    await form.getByLabel('Monday to').fill('08:00');
    await form.getByRole('button', { name: 'Save working hours' }).click();
    const monday = form.getByRole('group', { name: 'Monday' });
    await monday.getByText('Must be after the start (09:00): a working day ends the day it begins.').waitFor();
    expect(await form.getByLabel('Monday to').getAttribute('aria-invalid')).toBe('true');
    expect((await workingHours()).mon).toEqual({ start: '09:00', end: '17:00' });

    await form.getByLabel('Monday to').fill('13:00');
    await form.getByLabel('Friday', { exact: true }).uncheck();
    await form.getByLabel('Saturday', { exact: true }).check();
    await form.getByLabel('Saturday from').fill('10:00');
    await form.getByLabel('Saturday to').fill('00:00');
    await form.getByRole('button', { name: 'Save working hours' }).click();
    await form.getByRole('status').getByText('Saved.').waitFor();
    expect(await workingHours()).toEqual({
      mon: { start: '09:00', end: '13:00' },
      tue: { start: '09:00', end: '17:00' },
      wed: { start: '09:00', end: '17:00' },
      thu: { start: '09:00', end: '17:00' },
      sat: { start: '10:00', end: '24:00' },
    });
    await page.reload();
    expect(await form.getByLabel('Saturday to').inputValue()).toBe('00:00');
    expect(await form.getByLabel('Friday', { exact: true }).isChecked()).toBe(false);
  });

  test("keeps this browser's threshold for time away, and refuses one out of range", async () => {
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Away from a running timer' });
    const minutes = section.getByLabel('Ask after being away for (minutes)');
    expect(await minutes.inputValue()).toBe('10');
    await minutes.fill('0');
    await section.getByText('Give a whole number of minutes from 1 to 240.').waitFor();
    await minutes.fill('25');
    await section.getByLabel('Leave the timer stopped after discarding time away').check();
    await page.reload();
    expect(await minutes.inputValue()).toBe('25');
    expect(await section.getByLabel('Leave the timer stopped after discarding time away').isChecked()).toBe(true);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  });
});
