import { isAppError } from '@bigrock/core';

import { loadConfig } from './config/config.js';
import { startServer } from './http/start-server.js';

try {
  const config = loadConfig();
  const { url } = await startServer(config);
  const storage = config.databaseUrl === null ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`Bigrock is running at ${url} (${storage})`);
} catch (error) {
  console.error(isAppError(error) ? `bigrock: ${error.message}` : error);
  process.exit(1);
}
