// The entry point for the CLI's timer: the time entries without the rest of Bigrock (see
// openTimeEntries). Everything else comes from the package's main entry, index.ts.
export { loadConfig } from './config/config.js';
export { openTimeEntries } from './tracking/open-time-entries.js';
export type { TimerStart } from './tracking/time-entry.service.js';
