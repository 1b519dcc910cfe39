// The JavaScript a browser loads before the web app's first page (the dashboard) can show: the
// entry script of packages/web/dist/index.html and every module it imports statically, each
// gzipped (as a server or proxy that compresses would send it) and summed. Modules that a route
// imports on demand, import("…"), come later and are left out. Reads the built files: run after
// `npm run build`. Alone: `node bench/web-first-load.js [--json]`; also part of `npm run bench`.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIST = join(root, 'packages/web/dist');
/** The budget the test holds the first load to (packages/web/e2e/first-load.test.ts). */
export const FIRST_LOAD_BUDGET_BYTES = 200 * 1024;

// What minified ES modules write: import{a as b}from"./x.js", import*as c from"./x.js", import"./x.js".
// A dynamic import is import("./x.js"), with a parenthesis, and does not match.
const STATIC_IMPORT =
  /\bimport\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s*[\w$]+)?\s*(?:from\s*)?["']([^"']+\.js)["']/g;

/** The path of a script of the page, from its URL (/assets/index-abc.js) or relative to another. */
function resolveAsset(url, from) {
  const path = url.startsWith('/') ? url : posix.join(posix.dirname(from), url);
  return posix.normalize(path).replace(/^\//, '');
}

/**
 * The first load's scripts and their sizes.
 *
 * @example
 * webFirstLoad().gzipBytes // 130744: 127.7 KB
 */
export function webFirstLoad(dist = WEB_DIST) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map(([, src]) => src);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(([, href]) => href);
  if (entries.length === 0) throw new Error(`No module script in ${join(dist, 'index.html')}: is the web app built?`);

  const seen = new Set();
  const queue = [...entries, ...preloads].map((url) => resolveAsset(url, '/'));
  const files = [];
  while (queue.length > 0) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFileSync(join(dist, path));
    files.push({ path, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    for (const [, specifier] of code.toString('utf8').matchAll(STATIC_IMPORT))
      if (specifier.startsWith('.') || specifier.startsWith('/')) queue.push(resolveAsset(specifier, path));
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  return { files, bytes: sum('bytes'), gzipBytes: sum('gzipBytes'), budgetBytes: FIRST_LOAD_BUDGET_BYTES };
}

/** The first load measured the same way before the split by route (commit 2165401). */
const BEFORE_GZIP_BYTES = 308_757;

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The section of BENCHMARKS.md. */
export function webFirstLoadMarkdown(load) {
  const rows = load.files.map(
    (file) => `| \`${file.path}\` | ${kilobytes(file.bytes)} | ${kilobytes(file.gzipBytes)} |`,
  );
  return `## The web app's first load

The JavaScript the browser loads before the dashboard can show: the entry script of
\`packages/web/dist/index.html\` and every module it imports statically, gzipped at level 9. The
other pages come when they are first visited, and the chart library (about 100 KB gzipped) once
the dashboard's figures show.

| measure | before | now | budget | |
|---|---|---|---|---|
| first load, gzipped | ${kilobytes(BEFORE_GZIP_BYTES)} | ${kilobytes(load.gzipBytes)} (${kilobytes(load.bytes)} unzipped, ${load.files.length} files) | ${kilobytes(load.budgetBytes)} | ${load.gzipBytes <= load.budgetBytes ? 'met' : '**not met**'} |

Before, every page was in the entry script and every library in one chunk: the charts, zod and
Luxon loaded on every page. Luxon still comes first, for the dashboard's "today" in the reader's
time zone. The files of the first load:

| file | size | gzipped |
|---|---|---|
${rows.join('\n')}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const load = webFirstLoad();
  if (process.argv.includes('--json')) console.log(JSON.stringify(load, null, 2));
  else
    console.log(
      `The web app's first load: ${kilobytes(load.gzipBytes)} of JavaScript gzipped (${kilobytes(load.bytes)} unzipped) in ${load.files.length} files; budget ${kilobytes(load.budgetBytes)}.`,
    );
}
