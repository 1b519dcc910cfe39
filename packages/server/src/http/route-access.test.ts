import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { buildApp } from './build-app.js';

const PORT = 4997;
const host = `127.0.0.1:${PORT}`;
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const INDEX_HTML = '<!doctype html><title>Bigrock</title>';

/** Ways to write the same path that a router may decode or normalise to a route. */
function spellings(path: string): string[] {
  const [, first = '', ...rest] = path.split('/');
  const encodeAll = (segment: string) =>
    [...segment].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
  const tail = rest.join('/');
  return [
    path,
    `/%61${first.slice(1)}/${tail}`,
    `/%41${first.slice(1).toUpperCase()}/${tail}`,
    `/${encodeAll(first)}/${rest.map(encodeAll).join('/')}`,
    `/${first}/${rest.map((segment) => segment.replace(/^./, (char) => `%${char.charCodeAt(0).toString(16)}`)).join('/')}`,
    `//${first}/${tail}`,
    `/${first}//${tail}`,
    `${path}/`,
    `${path}?x=1`,
    `${path}%3Fx=1`,
    `${path};x=1`,
    `/${first}/./${tail}`,
    `/${first}/nothing/../${tail}`,
    `/${first}%2F${tail}`,
    path.toUpperCase(),
    `/${first}/${tail}%00`,
    `/${first}/${tail}%20`,
  ];
}

describe.each(dialects)('access to every route on %s', (dialect) => {
  let test: TestBigrock;
  let app: FastifyInstance;
  let secret: string;
  let routes: Array<{ path: string; method: string }>;

  const send = (options: InjectOptions) =>
    app.inject({ ...options, headers: { host, 'content-type': 'text/plain', ...options.headers } });
  const withSession = (options: InjectOptions) =>
    send({ ...options, headers: { cookie: `bigrock_session=${secret}`, ...options.headers } });

  async function goalTitles(): Promise<string[]> {
    const response = await withSession({ method: 'GET', url: '/api/v1/goals' });
    return response.json<Array<{ goal: { title: string } }>>().map(({ goal }) => goal.title);
  }

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z'), port: PORT });
    const webDir = mkdtempSync(join(tmpdir(), 'bigrock-web-'));
    writeFileSync(join(webDir, 'index.html'), INDEX_HTML);
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
    app = await buildApp({ bigrock: test.bigrock, webDir });
    secret = await test.bigrock.sessionSecret();
    const created = await withSession({
      method: 'POST',
      url: '/api/v1/goals',
      headers: { 'content-type': 'application/json' },
      payload: { title: 'Keep me' },
    });
    expect(created.statusCode).toBe(201);
    const document = (await send({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({
        path: path.replaceAll(/\{\w+\}/g, 'x1'),
        method: method.toUpperCase(),
      })),
    );
  });
  afterAll(async () => {
    await app.close();
    await test.cleanup();
  });

  it('walks an OpenAPI document that lists the writes, restore among them', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toContainEqual({ path: '/api/v1/restore', method: 'POST' });
  });

  it('refuses every method on every route, however its path is spelled, without the secret', async () => {
    const answered: string[] = [];
    for (const path of new Set(routes.map((route) => route.path))) {
      for (const url of spellings(path)) {
        for (const method of methods) {
          const response = await send({ method, url, payload: method === 'GET' ? undefined : '{"format":"x"}' });
          // A GET of a path that is no route may answer the app's page (a client-side route) or a 404.
          const notARoute = method === 'GET' && (response.statusCode === 404 || response.body === INDEX_HTML);
          // The calendar feed is read without the session: a token that is no token (x1, a NUL) is refused as such.
          const feedRefused =
            method === 'GET' &&
            path.startsWith('/api/v1/planner/feed/') &&
            [400, 404].includes(response.statusCode) &&
            !response.body.includes('BEGIN:VCALENDAR');
          if (![401, 403].includes(response.statusCode) && !notARoute && !feedRefused) {
            answered.push(`${method} ${url}: ${response.statusCode}`);
          }
        }
      }
    }
    expect(answered).toEqual([]);
    expect(await goalTitles()).toEqual(['Keep me']);
  });

  it('refuses a request from another site even with the cookie, whatever its content type', async () => {
    const attempts: InjectOptions[] = [
      { headers: { 'sec-fetch-site': 'cross-site' } },
      { headers: { 'sec-fetch-site': 'same-site' } },
      { headers: { origin: 'http://localhost:3000' } },
      { headers: { origin: 'https://attacker.example' } },
      { headers: { origin: 'null' } },
      { headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' } },
      { headers: { 'sec-fetch-site': 'same-site', 'content-type': 'multipart/form-data; boundary=x' } },
    ];
    for (const attempt of attempts) {
      for (const url of ['/api/v1/restore', '/%61pi/v1/restore', '/api/v1/goals']) {
        const response = await withSession({ ...attempt, method: 'POST', url, payload: '{}' });
        expect(response.statusCode, `${url} ${JSON.stringify(attempt.headers)}`).toBe(403);
        expect(response.json()).toMatchObject({ error: { code: 'forbidden-origin' } });
      }
      const read = await withSession({ ...attempt, method: 'GET', url: '/api/v1/backup' });
      expect(read.statusCode).toBe(403);
    }
    expect(await goalTitles()).toEqual(['Keep me']);
  });

  it('lets our own pages and scripts through, the percent-encoded spelling reaching the same route', async () => {
    const ownPage = await withSession({
      method: 'GET',
      url: '/%61pi/v1/goals',
      headers: { 'sec-fetch-site': 'same-origin', origin: `http://${host}` },
    });
    expect(ownPage.statusCode).toBe(200);
    const typedIn = await withSession({ method: 'GET', url: '/api/v1/backup', headers: { 'sec-fetch-site': 'none' } });
    expect(typedIn.statusCode).toBe(200);
    const script = await send({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      payload: { name: 'Scripted' },
    });
    expect(script.statusCode).toBe(200);
  });

  it('serves the calendar feed without the session to its token alone, and on our Host alone', async () => {
    const made = await withSession({ method: 'POST', url: '/api/v1/planner/feed' });
    const { path } = made.json<{ feed: { path: string } }>().feed;
    // A calendar app: no cookie, no Sec-Fetch-Site, no Origin.
    const feed = await send({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toMatch(/^BEGIN:VCALENDAR/);
    for (const url of [path.replace(/.{8}\.ics$/, 'AAAAAAAA.ics'), '/api/v1/planner/feed/x1', path.toUpperCase()]) {
      expect((await send({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    for (const hostName of ['attacker.example', `rebind.attacker.example:${PORT}`, `127.0.0.1:${PORT + 1}`]) {
      const refused = await app.inject({ method: 'GET', url: path, headers: { host: hostName } });
      expect(refused.statusCode, hostName).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'forbidden-host' } });
    }
    // Its token opens the feed, nothing else: not the API, not managing the feed itself.
    const token = path.split('/').at(-1)?.replace('.ics', '') ?? '';
    expect(
      (await send({ method: 'GET', url: '/api/v1/goals', headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(401);
    expect((await send({ method: 'DELETE', url: '/api/v1/planner/feed' })).statusCode).toBe(401);
    expect((await send({ method: 'POST', url: `${path}` })).statusCode).toBe(401);
  });

  it('serves the page, its files, the health check and the API document to anyone on our host', async () => {
    for (const url of ['/', '/goals/new', '/assets/app.js', '/api/health', '/api/openapi.json']) {
      expect((await send({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    expect((await send({ method: 'GET', url: '/api/v1/goals' })).statusCode).toBe(401);
    expect((await send({ method: 'GET', url: '/api/v1/exports/entries.csv' })).statusCode).toBe(401);
  });
});
