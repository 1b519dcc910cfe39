import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The data directory the environment names: BIGROCK_DATA, else bigrock under XDG_DATA_HOME (or
 * ~/.local/share). Apart from the rest of the config so that the command line's quick path can find
 * the running app without loading it.
 */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return resolve(env.BIGROCK_DATA || join(base, 'bigrock'));
}

/**
 * Makes the data directory when it is not there, readable by its owner alone: the database beside
 * the key file holds everything of the workspace, and the session secret with it.
 */
export function makeDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}
