#!/usr/bin/env node
// Runs the bundled CLI (npm run build makes it) with V8's code cache, so that a command starts in
// a fraction of the time it takes to load the modules of dist/ one by one. Without a usable cache
// (a new Node version), it runs all the same and writes a fresh one for next time.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

function runBundle() {
  const bundle = fileURLToPath(new URL('../dist/bundle/bigrock.cjs', import.meta.url));
  const cacheFile = `${bundle}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
        renameSync(`${cacheFile}.${process.pid}`, cacheFile);
      } catch {
        // A read-only install runs without the cache; nothing else changes.
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

if (process.argv[2] === 'serve') {
  // A long-running server gains nothing from the bundle, and loads its modules as they are (a
  // script run through vm cannot import() an ES module on Node 20).
  await import('../dist/main.js');
} else if (process.argv[2] === 'today') {
  // The day is asked of the app when one runs on this data directory (see today-from-app).
  const { endQuietlyWhenOutputCloses } = await import('../dist/quiet-output.js');
  const { todayFromRunningApp } = await import('../dist/planner/today-from-app.js');
  endQuietlyWhenOutputCloses();
  const out = (text) => process.stdout.write(text);
  if (!(await todayFromRunningApp(process.argv.slice(2), process.env, out))) runBundle();
} else {
  runBundle();
}
