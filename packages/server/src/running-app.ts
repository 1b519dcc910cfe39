// The entry point for the command line's quick path: where the app running on a data directory
// answers, without loading the rest of Bigrock. The app writes the file; `bigrock today` reads it.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { dataDirOf } from './config/data-dir.js';

const FILE_NAME = 'app.json';

/** The app running on a data directory: its process, its address, and the API's bearer token. */
export interface RunningApp {
  pid: number;
  url: string;
  token: string;
}

/**
 * Says where the app answers, in a file of the data directory readable by its owner alone (the
 * token is the session secret the database beside it already holds). Written whole or not at all;
 * the function returned takes it back, unless another app has written it since.
 */
export function announceRunningApp(dataDir: string, app: Omit<RunningApp, 'pid'>): () => void {
  const path = join(dataDir, FILE_NAME);
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, JSON.stringify({ pid: process.pid, ...app }), { mode: 0o600 });
  renameSync(partial, path);
  return () => {
    if (readRunningApp(path)?.pid === process.pid) rmSync(path, { force: true });
  };
}

function readRunningApp(path: string): RunningApp | null {
  try {
    const app = JSON.parse(readFileSync(path, 'utf8')) as Partial<RunningApp> | null;
    if (typeof app?.pid !== 'number' || typeof app.url !== 'string' || typeof app.token !== 'string') return null;
    return { pid: app.pid, url: app.url, token: app.token };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that pid, so it is alive (and the answer will say whose).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The app running on the data directory the environment names, on SQLite; null when there is
 * none, when its file is left from a process that is gone, or on PostgreSQL (where the command
 * line opens the database itself: the token is not written outside it).
 */
export function findRunningApp(env: NodeJS.ProcessEnv): RunningApp | null {
  if (env.DATABASE_URL) return null;
  const app = readRunningApp(join(dataDirOf(env), FILE_NAME));
  return app !== null && isAlive(app.pid) ? app : null;
}
