// `npm run screenshots`: the pictures at the top of the README. Starts the server on a fresh data
// directory with the demo loaded (bigrock demo), opens the dashboard and the demo's funnel in
// Chromium (/usr/bin/chromium, driven by playwright-core) and writes docs/dashboard.png and
// docs/funnel.png. The demo is dated from today, so the pictures show the day they were taken.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const docs = join(root, 'docs');

async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

/** The server of packages/server/dist on `env`, resolved with its URL once it listens. */
async function startServer(env) {
  const server = spawn(process.execPath, [join(root, 'packages/server/dist/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /running at (http:\/\/\S+)/.exec(output)?.[1];
      if (found !== undefined) resolve(found);
    });
    server.once('exit', (code) => reject(new Error(`The server stopped (status ${code}): ${output}`)));
  });
  return { url, server };
}

if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}: install it with apt-get install -y chromium.`);
  process.exit(1);
}

const data = mkdtempSync(join(tmpdir(), 'bigrock-screenshots-'));
const env = { PATH: process.env.PATH, BIGROCK_DATA: data, BIGROCK_TZ: 'UTC', BIGROCK_PORT: String(await freePort()) };
execFileSync(process.execPath, [join(root, 'packages/cli/bin/bigrock.js'), 'demo'], { env, stdio: 'inherit' });
const { url, server } = await startServer(env);
// The flags keep Chromium off the network: this machine, like CI's, reaches none but the server's.
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
});
try {
  const context = await browser.newContext({
    baseURL: url,
    timezoneId: 'UTC',
    locale: 'en-US',
    viewport: { width: 1200, height: 800 },
  });
  const page = await context.newPage();
  mkdirSync(docs, { recursive: true });

  await page.goto('/');
  // Every goal's chart drawn: the chart library loads after the page.
  // (A locator, not a function evaluated as a string, which the page's CSP forbids.)
  await page.locator('article .recharts-wrapper > svg.recharts-surface').nth(4).waitFor();
  await page.screenshot({ path: join(docs, 'dashboard.png'), fullPage: true });

  await page.goto('/funnels');
  await page.getByRole('link', { name: 'Warm market' }).first().click();
  await page.locator('.funnel-picture svg.recharts-surface').first().waitFor();
  // The plan, the verdict and the first of the what-ifs: the page's first screen.
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.screenshot({ path: join(docs, 'funnel.png') });
  console.log(`Wrote ${join('docs', 'dashboard.png')} and ${join('docs', 'funnel.png')}.`);
} finally {
  await browser.close();
  server.kill();
  await once(server, 'exit');
  rmSync(data, { recursive: true, force: true });
}
