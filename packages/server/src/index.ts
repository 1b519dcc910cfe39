export { loadConfig, DEFAULT_PORT, type Config } from './config/config.js';
export { openBigrock, DEFAULT_WORKSPACE_ID, type Bigrock, type BigrockOptions } from './bigrock.js';
export { systemClock, type Clock } from './clock.js';
export { dialects, SQLITE_FILE, type DialectName } from './db/open-database.js';
