// npm run icons -w @bigrock/web: draws the app's icons from their SVG (icons/) into the PNGs the web
// app manifest names (public/icons/), with the system's Chromium. The PNGs are committed; run this
// again after changing an SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const CHROMIUM_PATH = '/usr/bin/chromium';
const web = fileURLToPath(new URL('..', import.meta.url));

/** Each PNG: the SVG it is drawn from, and its width and height in pixels. */
const icons = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
  // iOS takes its home-screen icon from <link rel="apple-touch-icon">, not from the manifest, and rounds it itself.
  { svg: 'icon-maskable.svg', png: 'apple-touch-icon.png', size: 180 },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const { svg, png, size } of icons) {
    const source = readFileSync(`${web}icons/${svg}`).toString('base64');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="data:image/svg+xml;base64,${source}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator('img').evaluate((image) => image.decode());
    const picture = await page.screenshot({
      type: 'png',
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    writeFileSync(`${web}public/icons/${png}`, picture);
    console.log(`public/icons/${png}: ${size} × ${size} from icons/${svg}`);
  }
} finally {
  await browser.close();
}
