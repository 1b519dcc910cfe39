import { addDays, dateInZone } from '@bigrock/core';
import type { TestServer } from '@bigrock/server/test-support';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

// The test server's workspace and the browser both run on UTC (see useBrowserSession).
const today = dateInZone(new Date(), 'UTC');

const probabilityText = () => page.getByTestId('probability').textContent();
const verdict = () => page.getByTestId('verdict').textContent();

/** The probability the editor's preview shows once it has settled, then the one the saved funnel shows. */
async function previewThenSaved(): Promise<[string | null, string | null]> {
  await page.getByTestId('probability').waitFor();
  // The preview solves after a pause in typing: wait until it stops changing.
  let preview = await probabilityText();
  await expect
    .poll(async () => {
      const previous = preview;
      preview = await probabilityText();
      return preview === previous;
    })
    .toBe(true);
  await page.getByRole('button', { name: 'Create funnel' }).click();
  await page.waitForURL(/\/funnels\/[^/]+$/);
  await page.getByRole('heading', { level: 2, name: 'Verdict' }).waitFor();
  return [preview, await probabilityText()];
}

const session = useBrowserSession();

beforeEach(() => {
  ({ page, server } = session.current());
});

describe("a funnel's numbers, one computation", () => {
  test('the preview and the saved funnel give the same probability, from the template alone', async () => {
    await page.goto('/funnels/new');
    await page.getByLabel('Start from a template').selectOption('freelancer');
    const [preview, saved] = await previewThenSaved();
    expect(preview).toMatch(/^\d+(\.\d)?%$/);
    expect(saved).toBe(preview);
  });

  test('the preview learns from what was logged, as the saved funnel does, and says the same', async () => {
    const { activities } = server.bigrock;
    for (const [name, count] of [
      ['calls', 120],
      ['appointments', 7],
      ['recruits', 1],
    ] as const) {
      await activities.create({ name });
      await activities.log(name, { date: today, count });
    }
    await page.goto('/funnels/new');
    await page.getByLabel('Start from a template').selectOption('network-marketing');
    const [preview, saved] = await previewThenSaved();
    // 7 of 120 calls and 1 of 7 appointments move the plan off the guesses' 34.5%.
    expect(preview).not.toBe('34.5%');
    expect(saved).toBe(preview);
  });

  test('a lowered money target is whole projects of 3000', async () => {
    await page.goto('/funnels/new');
    await page.getByLabel('Start from a template').selectOption('freelancer');
    await page.getByLabel('Hours per week').fill('2');
    const lower = page.getByRole('listitem').filter({ hasText: /^Aim for/ });
    const text = (await lower.textContent()) ?? '';
    const target = Number((/^Aim for ([\d,]+) USD instead of 12,000\.$/.exec(text) ?? [])[1]?.replaceAll(',', ''));
    expect(target % 3000, text).toBe(0);
    expect(target).toBeGreaterThan(0);
  });
});

describe('the what-if rate slider', () => {
  test.each([
    ['on a desktop', { width: 1280, height: 900 }],
    ['on a 390 px phone', { width: 390, height: 844 }],
  ])('moves the plan table and the verdict, not only the chance, %s', async (_name, viewport) => {
    await page.setViewportSize(viewport);
    const funnel = await server.bigrock.funnels.create({
      name: 'Warm market',
      target: 12,
      unit: 'recruits',
      startDate: today,
      deadline: addDays(today, 84),
      hoursPerWeek: 8,
      workdaysPerWeek: 5,
      stages: [
        { activity: 'calls', minutesPerUnit: 6 },
        { activity: 'appointments', minutesPerUnit: 45, conversion: 0.1 },
        { activity: 'recruits', minutesPerUnit: 60, conversion: 0.2 },
      ],
    });
    await page.goto(`/funnels/${funnel.id}`);
    const plan = page.getByRole('region', { name: 'The plan' });
    await plan.getByRole('row', { name: /^calls 10 50 600 5$/ }).waitFor();
    expect(await verdict()).toBe('Does not fit: it takes 9.75 h a week, and you have 8 h.');
    const required = Number.parseFloat((await probabilityText()) ?? 'NaN');

    // Two calls a day fewer, half a call a step, as a keyboard user would.
    const calls = page.getByLabel('calls per working day');
    await calls.focus();
    for (let step = 0; step < 4; step += 1) await calls.press('ArrowLeft');

    await plan.getByRole('row', { name: /^calls 8 40 480 4$/ }).waitFor();
    await plan.getByRole('row', { name: /^recruits 0\.16 0\.8 9\.6 0\.8$/ }).waitFor();
    await expect.poll(verdict).toBe('Fits: it takes 7.8 h a week of your 8 h.');
    expect(await page.getByTestId('verdict-outcome').textContent()).toMatch(
      /^At 8 calls a working day, the stages bring about 9\.6 recruits by .+, of the 12 needed\.$/,
    );
    expect(await page.getByRole('listitem').filter({ hasText: 'instead of' }).count()).toBe(0);
    expect(Number.parseFloat((await probabilityText()) ?? 'NaN')).toBeLessThan(required);

    await page.getByRole('button', { name: 'Back to the plan' }).click();
    await plan.getByRole('row', { name: /^calls 10 50 600 5$/ }).waitFor();
    await expect.poll(verdict).toBe('Does not fit: it takes 9.75 h a week, and you have 8 h.');
    expect(await page.getByTestId('verdict-outcome').count()).toBe(0);
  });
});
