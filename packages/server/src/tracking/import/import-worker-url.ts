/**
 * Where the import worker's compiled script is. The same path serves the compiled server (dist/)
 * and its sources under test (src/), which load the compiled worker: a worker thread runs
 * JavaScript only. The CLI's bundle puts its own answer in place of this module.
 */
export const importWorkerUrl = new URL('../../../dist/tracking/import/import-worker.js', import.meta.url);
