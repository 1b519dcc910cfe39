import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { startTestServer, type TestServer } from '@bigrock/server/test-support';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const WEB_INDEX = fileURLToPath(new URL('../dist/index.html', import.meta.url));

/** The system's Chromium, headless; the web app is tested in a real browser, never skipped. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: the web app's tests run in a real browser. Install it with ` +
        '`apt-get update && apt-get install -y chromium`.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface BrowserSession {
  page: Page;
  server: TestServer;
}

/**
 * Registers the hooks of an end-to-end test file: one Chromium for the file, and for each test a
 * fresh server on SQLite and a fresh browser context on it. A test fails if the page throws or
 * logs an error. Call `current()` in a test (or a later beforeEach) for this test's page and server.
 */
export function useBrowserSession(): { current(): BrowserSession } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let session: BrowserSession | undefined;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) {
      throw new Error('The web app is not built: run `npm run build -w @bigrock/web` first (`npm test` does it).');
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    if (browser === undefined) throw new Error('Chromium did not start; see the error of beforeAll.');
    const server = await startTestServer('sqlite');
    // The test server's workspace and the browser both run on UTC, so "today" is the same day for both.
    context = await browser.newContext({
      baseURL: server.url,
      timezoneId: 'UTC',
      // Figures and dates follow the browser's locale: the tests read them in American English.
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    // Shorter than the test's own 30 s, so a missing element fails with Playwright's message naming it.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // A refused request is logged by Chromium itself; the tests that provoke one check what the page shows.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        pageErrors.push(message.text());
      }
    });
    session = { page, server };
  });

  afterEach(async () => {
    await context?.close();
    await session?.server.close();
    session = undefined;
    expect(pageErrors).toEqual([]);
  });

  return {
    current() {
      if (session === undefined) throw new Error('No browser session: call current() inside a test.');
      return session;
    },
  };
}
