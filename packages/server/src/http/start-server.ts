import { fileURLToPath } from 'node:url';

import { openBigrock } from '../bigrock.js';
import type { Config } from '../config/config.js';
import { announceRunningApp } from '../running-app.js';
import { startRulePoller } from '../rules/rule-poller.js';
import { buildApp } from './build-app.js';

/** Where `npm run build` puts the web app, beside this package. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Opens the database, serves the API and the web app, runs the delivery workers (unless
 * BIGROCK_WORKERS is 0), and closes them all on SIGINT or SIGTERM. On SQLite it says where it
 * answers in the data directory, so that `bigrock today` asks it rather than open the database.
 */
export async function startServer(config: Config): Promise<{ url: string }> {
  const bigrock = await openBigrock(config);
  const app = await buildApp({ bigrock, webDir: WEB_DIST_DIR, logger: { level: 'warn' } });
  const workers = config.workers > 0 ? await bigrock.startDeliveryWorkers() : null;
  // Rules run in the app process: feeds polled, paces and schedules checked, once a minute.
  const poller = startRulePoller(bigrock.rules, { onError: (error) => app.log.warn(error) });
  let withdraw = () => {};
  const shutdown = async () => {
    withdraw();
    await poller.stop();
    await app.close();
    await workers?.stop();
    await bigrock.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  if (config.databaseUrl === null) {
    withdraw = announceRunningApp(config.dataDir, { url, token: await bigrock.sessionSecret() });
    process.once('exit', () => withdraw());
  }
  return { url };
}
