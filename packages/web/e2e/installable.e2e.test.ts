import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestServer } from '@bigrock/server/test-support';
import { chromium, type Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';

import { CHROMIUM_PATH, useBrowserSession } from './browser.js';

let server: TestServer;
let page: Page;

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: ManifestIcon[];
}

/** A PNG's width and height, read from its header: the signature, then the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature), 'the PNG signature').toBe(true);
  expect(bytes.subarray(12, 16).toString('ascii'), 'the first chunk').toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A file of the web app as a browser fetches it: no session, our own host. */
async function webFile(path: string): Promise<Response> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  // The same security headers as every other answer.
  expect(response.headers.get('content-security-policy'), path).toContain("default-src 'self'");
  expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
  return response;
}

async function manifest(): Promise<Manifest> {
  const response = await webFile('/manifest.webmanifest');
  expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
  return (await response.json()) as Manifest;
}

const session = useBrowserSession();

beforeEach(() => {
  ({ page, server } = session.current());
});

describe('the web app installs', () => {
  test('the manifest is served without a session as application/manifest+json and names the app, its colours and its start', async () => {
    expect(await manifest()).toMatchObject({
      name: 'Bigrock',
      short_name: 'Bigrock',
      start_url: '/',
      display: 'standalone',
      // The header's colour and the page's, as styles.css has them.
      theme_color: '#1c2430',
      background_color: '#f4f6f9',
    });
  });

  test('each icon of the manifest is a PNG of the size it declares, a 192 px, a 512 px and a maskable one among them', async () => {
    const { icons } = await manifest();
    for (const icon of icons) {
      const response = await webFile(icon.src);
      expect(response.headers.get('content-type'), icon.src).toBe('image/png');
      const { width, height } = pngSize(Buffer.from(await response.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    const sizes = (purpose: string) =>
      icons.filter((icon) => (icon.purpose ?? 'any').split(' ').includes(purpose)).map((icon) => icon.sizes);
    expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(sizes('maskable')).toContain('512x512');
  });

  test('the page links the manifest, and Chromium reads it without an error', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Your goals' }).waitFor();
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#1c2430');

    const cdp = await page.context().newCDPSession(page);
    const read = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
    expect(read.url).toBe(`${server.url}/manifest.webmanifest`);
    expect(read.errors).toEqual([]);
    expect(JSON.parse(read.data ?? '{}')).toMatchObject({ name: 'Bigrock' });
  });

  test('Chromium finds the app installable: a secure context (127.0.0.1), a manifest it can use, icons it can fetch', async () => {
    // A test's context is incognito, where nothing installs: this one has a profile of its own.
    const profile = mkdtempSync(join(tmpdir(), 'bigrock-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const installed = context.pages()[0] ?? (await context.newPage());
      await installed.goto(server.url);
      await installed.getByRole('heading', { level: 1, name: 'Your goals' }).waitFor();
      const cdp = await context.newCDPSession(installed);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: Array<{ errorId: string }>;
      };
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('the apple-touch-icon of the page is a 180 px PNG', async () => {
    await page.goto('/');
    const href = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    const response = await webFile(href ?? '');
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await response.arrayBuffer()))).toEqual({ width: 180, height: 180 });
  });
});
