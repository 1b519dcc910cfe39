import { createServer } from 'node:net';

import type { DialectName } from '../db/open-database.js';
import { buildApp } from '../http/build-app.js';
import { WEB_DIST_DIR } from '../http/start-server.js';
import { openTestBigrock, type TestBigrock, type TestBigrockOptions } from './test-bigrock.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface TestServer extends TestBigrock {
  /** `http://127.0.0.1:<port>`, the address a browser opens. */
  url: string;
  /** A request to the API as a script makes it, with the bearer token: `api('/api/v1/goals')`. */
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real server, web app included, on a free port of 127.0.0.1 and a fresh database. */
export async function startTestServer(
  dialect: DialectName = 'sqlite',
  options: TestBigrockOptions = {},
): Promise<TestServer> {
  const port = await freePort();
  const test = await openTestBigrock(dialect, { ...options, port });
  const app = await buildApp({ bigrock: test.bigrock, webDir: WEB_DIST_DIR });
  await app.listen({ host: '127.0.0.1', port });
  const url = `http://127.0.0.1:${port}`;
  const token = await test.bigrock.sessionSecret();
  return {
    ...test,
    url,
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    async close() {
      await app.close();
      await test.cleanup();
    },
  };
}
