import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

import type { DialectName } from '../db/open-database.js';
import { buildApp } from '../http/build-app.js';
import { openTestBigrock, type TestBigrock, type TestBigrockOptions } from './test-bigrock.js';

export interface TestApp extends TestBigrock {
  app: FastifyInstance;
  /** Injects a request as the web app sends it: our Host header and, unless `session: false`, the session cookie. */
  send(options: InjectOptions & { session?: boolean }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The HTTP app in-process on a fresh database, for API tests. */
export async function openTestApp(dialect: DialectName, options: TestBigrockOptions = {}): Promise<TestApp> {
  const port = options.port ?? 4999;
  const test = await openTestBigrock(dialect, { ...options, port });
  const app = await buildApp({ bigrock: test.bigrock });
  const secret = await test.bigrock.sessionSecret();
  return {
    ...test,
    app,
    send({ session = true, ...rest }) {
      return app.inject({
        ...rest,
        headers: {
          host: `127.0.0.1:${port}`,
          ...(session && { cookie: `bigrock_session=${secret}` }),
          ...rest.headers,
        },
      });
    },
    async close() {
      await app.close();
      await test.cleanup();
    },
  };
}
