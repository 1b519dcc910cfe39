import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { buildApp } from './build-app.js';

const PORT = 4999;
const host = `127.0.0.1:${PORT}`;

describe.each(dialects)('the HTTP API on %s', (dialect) => {
  let test: TestBigrock;
  let app: FastifyInstance;
  let secret: string;

  const send = (options: InjectOptions & { session?: boolean }) => {
    const { session = true, ...rest } = options;
    return app.inject({
      ...rest,
      headers: { host, ...(session && { cookie: `bigrock_session=${secret}` }), ...rest.headers },
    });
  };

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z'), port: PORT });
    const webDir = mkdtempSync(join(tmpdir(), 'bigrock-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Bigrock</title>');
    app = await buildApp({ bigrock: test.bigrock, webDir });
    secret = await test.bigrock.sessionSecret();
  });
  afterAll(async () => {
    await app.close();
    await test.cleanup();
  });

  it('creates a goal, logs progress and reports its pace', async () => {
    const created = await send({
      method: 'POST',
      url: '/api/v1/goals',
      payload: {
        title: 'Recruit 12 distributors',
        unit: 'recruits',
        target: 12,
        startDate: '2026-11-01',
        deadline: '2027-01-24',
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();

    const logged = await send({
      method: 'POST',
      url: `/api/v1/goals/${id}/points`,
      payload: { value: 4, date: '2026-11-20' },
    });
    expect(logged.statusCode).toBe(201);

    const detail = await send({ method: 'GET', url: `/api/v1/goals/${id}?asOf=2026-11-22` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      goal: { id, target: 12 },
      pace: { expected: 3, actual: 4, delta: 1, status: 'ahead', bufferDays: 7 },
      dataPoints: [{ value: 4, date: '2026-11-20' }],
    });

    const check = await send({ method: 'GET', url: `/api/v1/goals/${id}/check` });
    expect(check.json<{ dimensions: unknown[] }>().dimensions).toHaveLength(10);

    const list = await send({ method: 'GET', url: '/api/v1/goals' });
    expect(list.json<Array<{ goal: { id: string } }>>().map(({ goal }) => goal.id)).toContain(id);
  });

  it('answers a user mistake with a 400 that names the field and says what to fix', async () => {
    const response = await send({
      method: 'POST',
      url: '/api/v1/goals',
      payload: { title: 'Sales', target: 'twelve' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'invalid-input', message: expect.stringContaining('target'), field: 'target' },
    });

    const dates = await send({
      method: 'POST',
      url: '/api/v1/goals',
      payload: { title: 'Sales', startDate: '2026-12-01', deadline: '2026-11-01' },
    });
    expect(dates.json()).toEqual({
      error: {
        code: 'invalid-input',
        message: 'deadline: set it after the start date (2026-12-01).',
        field: 'deadline',
      },
    });

    const asOf = await send({ method: 'GET', url: '/api/v1/goals?asOf=yesterday' });
    expect(asOf.statusCode).toBe(400);
    expect(asOf.json()).toMatchObject({ error: { field: 'asOf' } });

    const malformed = await send({
      method: 'POST',
      url: '/api/v1/goals',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'invalid-input' } });
  });

  it('answers an unknown goal or route with a 404', async () => {
    const goal = await send({ method: 'GET', url: '/api/v1/goals/nope' });
    expect(goal.statusCode).toBe(404);
    expect(goal.json()).toMatchObject({ error: { code: 'not-found' } });
    expect((await send({ method: 'GET', url: '/api/v1/nothing' })).statusCode).toBe(404);
  });

  it('refuses a request whose Host header is not its own, as DNS rebinding would send', async () => {
    const response = await send({ method: 'GET', url: '/api/v1/goals', headers: { host: `attacker.example:${PORT}` } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'forbidden-host' } });
    expect((await send({ method: 'GET', url: '/', headers: { host: `attacker.example:${PORT}` } })).statusCode).toBe(
      403,
    );
    expect(
      (await send({ method: 'GET', url: '/api/v1/goals', headers: { host: `localhost:${PORT}` } })).statusCode,
    ).toBe(200);
  });

  it('lets no change through without the session cookie or the token', async () => {
    const before = (await send({ method: 'GET', url: '/api/v1/goals' })).json<unknown[]>().length;
    const anonymous = await send({
      method: 'POST',
      url: '/api/v1/goals',
      payload: { title: 'Forged' },
      session: false,
    });
    expect(anonymous.statusCode).toBe(401);

    const crossSite = await send({
      method: 'POST',
      url: '/api/v1/goals',
      payload: { title: 'Forged' },
      headers: { origin: 'https://attacker.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json()).toMatchObject({ error: { code: 'forbidden-origin' } });

    expect((await send({ method: 'GET', url: '/api/v1/goals' })).json<unknown[]>()).toHaveLength(before);

    const withToken = await send({
      method: 'POST',
      url: '/api/v1/goals',
      payload: { title: 'Scripted' },
      session: false,
      headers: { authorization: `Bearer ${secret}`, origin: `http://${host}` },
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('hands the web app a same-site, http-only session cookie with its page', async () => {
    const page = await send({ method: 'GET', url: '/goals/new', session: false });
    expect(page.statusCode).toBe(200);
    expect(page.headers['set-cookie']).toMatch(/^bigrock_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends the security headers with every answer, and never caches the page', async () => {
    const answers = [
      await send({ method: 'GET', url: '/' }),
      await send({ method: 'GET', url: '/goals/new', session: false }),
      await send({ method: 'GET', url: '/api/v1/goals' }),
      await send({ method: 'GET', url: '/api/v1/goals', session: false }),
      await send({ method: 'GET', url: '/api/v1/goals/nope' }),
      await send({ method: 'POST', url: '/api/v1/goals', payload: { title: '' } }),
      await send({ method: 'GET', url: '/assets/gone-1234.js' }),
      await send({ method: 'GET', url: '/api/health', headers: { host: `attacker.example:${PORT}` } }),
    ];
    for (const answer of answers) {
      expect(answer.headers).toMatchObject({
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
      });
      expect(answer.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    }
    expect(answers[0]?.headers['cache-control']).toBe('no-store');
    expect(answers[1]?.headers['cache-control']).toBe('no-store');
  });

  it('answers a body over the limit with a 413 that says so', async () => {
    const response = await send({
      method: 'POST',
      url: '/api/v1/goals',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'Big', why: 'x'.repeat(11 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'too-large', message: expect.stringContaining('10 MB') } });
  });

  it('answers a missing file with a 404, not with the app', async () => {
    const missing = await send({ method: 'GET', url: '/assets/gone-1234.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['set-cookie']).toBeUndefined();
  });

  it('describes the API in an OpenAPI document', async () => {
    const response = await send({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/goals',
        '/api/v1/goals/{id}',
        '/api/v1/goals/{id}/points',
        '/api/v1/goals/{id}/check',
      ]),
    );
    expect(JSON.stringify(document.paths['/api/v1/goals']?.post?.requestBody)).toContain('hoursPerWeek');
  });
});

describe('a server on BIGROCK_PORT=0', () => {
  it('answers to its own names on the port the system gave it, and to nothing else', async () => {
    const test = await openTestBigrock('sqlite', { port: 0 });
    const app = await buildApp({ bigrock: test.bigrock });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      expect(port).toBeGreaterThan(0);
      const health = (host: string) => app.inject({ method: 'GET', url: '/api/health', headers: { host } });
      expect((await health(`127.0.0.1:${port}`)).statusCode).toBe(200);
      expect((await health(`localhost:${port}`)).statusCode).toBe(200);
      expect((await health('127.0.0.1:0')).statusCode).toBe(403);
      expect((await health(`evil.example:${port}`)).statusCode).toBe(403);
    } finally {
      await app.close();
      await test.cleanup();
    }
  });
});
