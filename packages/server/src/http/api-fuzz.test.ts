import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { bodyOf, fieldValue, FUZZ_SEED, workspaceSnapshot } from '../test-support/fuzz.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { buildApp } from './build-app.js';

const PORT = 4996;
const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
const RUNS_PER_ROUTE = 6;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyKeys: string[] | null;
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

/** Every operation of the API, from its own OpenAPI document. */
function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      bodyKeys: operation.requestBody
        ? Object.keys(operation.requestBody.content?.['application/json']?.schema?.properties ?? {})
        : null,
    })),
  );
}

describe.each(dialects)('random requests to every route on %s', (dialect) => {
  let test: TestBigrock;
  let app: FastifyInstance;
  let secret: string;
  let operations: Operation[];
  let ids: string[];

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-03-04T15:00:00Z'), port: PORT });
    app = await buildApp({ bigrock: test.bigrock });
    secret = await test.bigrock.sessionSecret();
    await test.bigrock.demo.load();
    await test.bigrock.entries.add({ activity: 'Calls', start: '2026-03-02 09:00', end: '2026-03-02 10:00' });
    const backup = JSON.parse(await workspaceSnapshot(test.bigrock)) as {
      tables: Record<string, Array<{ id?: string }>>;
    };
    ids = Object.values(backup.tables).flatMap((rows) => rows.slice(0, 3).flatMap(({ id }) => (id ? [id] : [])));
    const document = await app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { host: `127.0.0.1:${PORT}` },
    });
    operations = operationsOf(document.json());
  });
  afterAll(async () => {
    await app.close();
    await test.cleanup();
  });

  it(
    'never answers 500, answers a mistake in one line, and changes nothing when it refuses',
    { timeout: 120_000 },
    async () => {
      expect(operations.length).toBeGreaterThan(40);
      const idValue = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...ids) },
        { weight: 1, arbitrary: fc.constantFrom('x', '\u0000', 'a'.repeat(3000), '..', '%', '🏽') },
      );
      const failures: string[] = [];
      for (const [index, operation] of operations.entries()) {
        const request = fc.record({
          params: fc.tuple(...operation.pathParams.map(() => idValue)),
          query: fc.dictionary(
            fc.constantFrom(...(operation.queryParams.length > 0 ? operation.queryParams : ['x'])),
            fieldValue.map(asText),
            { maxKeys: 3 },
          ),
          body: operation.bodyKeys === null ? fc.constant(undefined) : bodyOf(operation.bodyKeys),
          raw: fc.boolean(),
        });
        await fc.assert(
          fc.asyncProperty(request, async ({ params, query, body, raw }) => {
            let url = operation.path;
            for (const [at, name] of operation.pathParams.entries()) {
              url = url.replace(`{${name}}`, encodeURIComponent(params[at] ?? ''));
            }
            const search = new URLSearchParams(query).toString();
            const before = operation.method === 'GET' ? '' : await workspaceSnapshot(test.bigrock);
            const response = await app.inject({
              method: operation.method as 'GET',
              url: search === '' ? url : `${url}?${search}`,
              headers: {
                host: `127.0.0.1:${PORT}`,
                cookie: `bigrock_session=${secret}`,
                'content-type': raw ? 'text/plain' : 'application/json',
              },
              payload: body === undefined ? undefined : raw ? asText(body) : JSON.stringify(body),
            });
            const where = `${operation.method} ${url}?${search} ${JSON.stringify(body)?.slice(0, 300)}`;
            if (response.statusCode >= 500) {
              failures.push(`${response.statusCode} ${where}`);
              return;
            }
            if (response.statusCode >= 400) {
              // A mistake is { error: { message } }; a refused import answers its rows' errors (422).
              const answer = response.json<{ error?: { message?: unknown }; errors?: Array<{ message?: unknown }> }>();
              const messages = answer.error ? [answer.error.message] : (answer.errors ?? []).map((e) => e.message);
              if (
                messages.length === 0 ||
                messages.some((m) => typeof m !== 'string' || m === '' || m.includes('\n'))
              ) {
                failures.push(`no one-line message: ${where}: ${response.body.slice(0, 200)}`);
              }
              if (operation.method !== 'GET' && (await workspaceSnapshot(test.bigrock)) !== before) {
                failures.push(`refused with ${response.statusCode} but changed the data: ${where}`);
              }
            }
          }),
          { seed: FUZZ_SEED + index, numRuns: RUNS_PER_ROUTE },
        );
      }
      expect(failures.join('\n')).toBe('');
    },
  );
});
