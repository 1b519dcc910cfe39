import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer } from '../test-support/bigrock-processes.js';
import { cliRunner } from '../test-support/cli-workbench.js';
import { todayFromRunningApp } from './today-from-app.js';

const dataDir = mkdtempSync(join(tmpdir(), 'bigrock-today-app-'));
const env = { PATH: process.env.PATH, BIGROCK_DATA: dataDir, BIGROCK_TZ: 'UTC', LANG: 'en_GB.UTF-8' };
const run = cliRunner(env);
const appFile = join(dataDir, 'app.json');

/** What `bigrock today` prints when it opens the database itself, for each way of asking. */
const asked = [
  ['today'],
  ['today', '--json'],
  ['today', '--date', '2026-03-04'],
  ['today', '--date=2026-03-05', '--json'],
];
let alone: Array<Awaited<ReturnType<typeof run>>>;
let german: Awaited<ReturnType<typeof run>>;

beforeAll(async () => {
  expect((await run('week', 'template', 'apply', 'social-selling')).code).toBe(0);
  expect((await run('rock', 'set', 'Call the ten warm leads', '--estimate', '90m')).code).toBe(0);
  alone = await Promise.all(asked.map((args) => run(...args)));
  german = await cliRunner({ ...env, LANG: 'de_DE.UTF-8' })('today');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** An HTTP server standing in for the app: answers `reply`, and keeps what it was asked. */
async function standIn(reply: { status: number; type: string; body: string }) {
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const server: Server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(reply.status, { 'content-type': reply.type }).end(reply.body);
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const writeApp = (app: object) => writeFileSync(appFile, JSON.stringify(app), { mode: 0o600 });

describe('bigrock today, answered by the app running on the same data', () => {
  it('prints what the command prints alone, in text and JSON, for any day and in the terminal’s language', async () => {
    expect(alone.map(({ code }) => code)).toEqual([0, 0, 0, 0]);
    expect(alone[0]?.stdout).toContain('Big rock: Call the ten warm leads (open, 90 min)\n');
    const token = (await run('token')).stdout.trim();
    const app = await startServer(env, token);
    try {
      expect(statSync(appFile).mode & 0o777).toBe(0o600);
      // The app itself answers (not the command falling back on its own)...
      let answer = '';
      expect(await todayFromRunningApp(['today', '--json'], env, (text) => (answer += text))).toBe(true);
      expect(answer).toBe(alone[1]?.stdout);
      // ...and the command prints the same.
      expect(await Promise.all(asked.map((args) => run(...args)))).toEqual(alone);
      expect(await cliRunner({ ...env, LANG: 'de_DE.UTF-8' })('today')).toEqual(german);
      expect(german.stdout.split('\n')[0]).toMatch(/^\w\w\., \d+\. \w+\.? \(\d{4}-W\d\d\)$/);
      // A mistake gets the command's own error, not the app's.
      const impossible = await run('today', '--date', '2026-02-30');
      expect(impossible.code).toBe(2);
      expect(impossible.stderr).toMatch(/^bigrock: .*date/);
    } finally {
      await app.stop();
    }
    expect(existsSync(appFile)).toBe(false);
  });

  it('asks the app with its token and the terminal’s locale, and prints its answer', async () => {
    const app = await standIn({ status: 200, type: 'text/plain; charset=utf-8', body: 'The day, from the app.\n' });
    try {
      writeApp({ pid: process.pid, url: app.url, token: 'the-token' });
      expect(await run('today', '--date', '2026-03-04')).toEqual({
        code: 0,
        stdout: 'The day, from the app.\n',
        stderr: '',
      });
      expect(app.seen).toEqual([
        {
          url: '/api/v1/planner/today?format=text&date=2026-03-04',
          headers: expect.objectContaining({ authorization: 'Bearer the-token', 'accept-language': 'en-GB' }),
        },
      ]);
    } finally {
      await app.close();
      rmSync(appFile, { force: true });
    }
  });

  it('opens the database itself when the app refuses, answers something else, is gone, or left its file behind', async () => {
    const refusing = await standIn({ status: 401, type: 'application/json', body: '{"error":{}}' });
    const other = await standIn({ status: 200, type: 'text/html', body: '<p>Another server</p>' });
    const garbled = await standIn({ status: 200, type: 'application/json', body: '{"date":' });
    const gone = await standIn({ status: 200, type: 'text/plain', body: 'never read' });
    await gone.close();
    try {
      for (const [app, args] of [
        [refusing, ['today']],
        [other, ['today']],
        [garbled, ['today', '--json']],
        [gone, ['today']],
      ] as const) {
        writeApp({ pid: process.pid, url: app.url, token: 'the-token' });
        expect(await run(...args), app.url).toEqual(alone[args.length === 1 ? 0 : 1]);
      }
      expect([refusing.seen.length, other.seen.length, garbled.seen.length]).toEqual([1, 1, 1]);

      // The file of an app that was killed: its process is gone, so the app is not asked at all.
      const dead = Number(execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }));
      writeApp({ pid: dead, url: refusing.url, token: 'the-token' });
      expect(await run('today')).toEqual(alone[0]);
      // Options the app does not answer for (help) go to the command as they are.
      writeApp({ pid: process.pid, url: refusing.url, token: 'the-token' });
      expect((await run('today', '--help')).stdout).toContain('Usage: bigrock today');
      expect(refusing.seen.length).toBe(1);
    } finally {
      await Promise.all([refusing.close(), other.close(), garbled.close()]);
      rmSync(appFile, { force: true });
    }
  });
});
