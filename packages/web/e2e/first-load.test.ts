import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../bench/web-first-load.js', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

interface FirstLoad {
  files: Array<{ path: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
  budgetBytes: number;
}

it('loads at most 200 KB of gzipped JavaScript before the dashboard shows, without the charts or zod', async () => {
  // The measure of `npm run bench`, on the built app (npm test builds it first).
  const { stdout } = await promisify(execFile)(process.execPath, [script, '--json']);
  const load = JSON.parse(stdout) as FirstLoad;
  expect(load.budgetBytes).toBe(200 * 1024);
  expect(load.files.some(({ path }) => path.startsWith('assets/react-'))).toBe(true);
  const sizes = load.files.map(({ path, gzipBytes }) => `${path}: ${gzipBytes} B`).join(', ');
  expect(load.gzipBytes, sizes).toBeLessThanOrEqual(load.budgetBytes);

  // The two largest libraries after React come when a page needs them: recharts (its class names)
  // when a chart is drawn, zod (its type names) with the forms.
  const code = load.files.map(({ path }) => readFileSync(`${dist}${path}`, 'utf8')).join('\n');
  expect(code).not.toContain('recharts-wrapper');
  expect(code).not.toContain('$ZodType');
});
