import { fileURLToPath } from 'node:url';

import { openBigrock } from '../bigrock.js';
import type { Config } from '../config/config.js';
import { buildApp } from './build-app.js';

/** Where `npm run build` puts the web app, beside this package. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Opens the database, serves the API and the web app, and closes both on SIGINT or SIGTERM. */
export async function startServer(config: Config): Promise<{ url: string }> {
  const bigrock = await openBigrock(config);
  const app = await buildApp({ bigrock, webDir: WEB_DIST_DIR, logger: { level: 'warn' } });
  const shutdown = async () => {
    await app.close();
    await bigrock.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { url: `http://${host}:${port}` };
}
