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

/** A calendar app's poll: no cookie, no header of ours. */
const poll = (url: string) => fetch(url, { headers: { accept: 'text/calendar' } });

describe.each([
  ['desktop', 1280, 900, 'the Clipboard API'],
  ['phone', 390, 844, 'the copy command, the Clipboard API being missing'],
])('the calendar feed on the settings page (%s)', (_name, width, height, how) => {
  beforeEach(async () => {
    await page.setViewportSize({ width, height });
  });

  test(`copies the subscribe address with ${how}, which a calendar app reads until it is revoked`, async () => {
    const desktop = width > 400;
    if (desktop) {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    } else {
      await page.addInitScript("Object.defineProperty(navigator, 'clipboard', { value: undefined })");
    }
    await server.bigrock.planner.applyTemplate('social-selling', {});
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Calendar feed' });
    await section.getByText('Google Calendar about once a day').waitFor();
    await section.getByRole('button', { name: 'Make a subscribe address' }).click();
    const field = section.getByLabel('Subscribe address');
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/api/v1/planner/feed/[\\w-]{43}\\.ics$`));

    await section.getByRole('button', { name: 'Copy' }).click();
    if (desktop) {
      await section.getByRole('status').getByText('Copied.').waitFor();
      expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
    } else {
      await section
        .getByRole('status')
        .getByText(/Copied\.|Select the address/)
        .waitFor();
      // The fallback copies the field's selection: the whole address.
      const selected = await page.evaluate<string>(
        "(() => { const input = document.getElementById('calendar-feed-url'); return input.value.slice(input.selectionStart, input.selectionEnd); })()",
      );
      expect(selected).toBe(url);
    }
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    const subscribed = await poll(url);
    expect(subscribed.status).toBe(200);
    expect(subscribed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await subscribed.text()).toContain('SUMMARY:posts and invitations');

    await section.getByRole('button', { name: 'Renew' }).click();
    await section
      .getByRole('status')
      .getByText(/^Renewed/)
      .waitFor();
    const renewed = await field.inputValue();
    expect(renewed).not.toBe(url);
    expect((await poll(url)).status).toBe(404);
    expect((await poll(renewed)).status).toBe(200);

    await section.getByRole('button', { name: 'Revoke' }).click();
    await section.getByRole('status').getByText('Revoked: the address no longer works.').waitFor();
    expect(await field.count()).toBe(0);
    expect((await poll(renewed)).status).toBe(404);
    await page.reload();
    await section.getByRole('button', { name: 'Make a subscribe address' }).waitFor();
  });
});
