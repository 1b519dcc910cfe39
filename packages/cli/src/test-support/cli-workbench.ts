import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import type { DialectName } from '@bigrock/server';
import { TEST_POSTGRES_URL } from '@bigrock/server/test-support';
import pg from 'pg';

export const bin = fileURLToPath(new URL('../../bin/bigrock.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `bigrock` binary as a user would, in its own process with the given environment. */
export function cliRunner(env: NodeJS.ProcessEnv) {
  return async function run(...args: string[]): Promise<CliRun> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
}

/**
 * Runs `bigrock` on a terminal (a pseudo-terminal that `script` opens), typing `input`: for the
 * commands that ask before they act.
 */
export function terminalRunner(env: NodeJS.ProcessEnv) {
  const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
  return function runOnTerminal(input: string, ...args: string[]): Promise<CliRun> {
    const command = [process.execPath, bin, ...args].map(quote).join(' ');
    return new Promise((resolve) => {
      const child = execFile('script', ['-qec', command, '/dev/null'], { env }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), stdout, stderr }),
      );
      child.stdin?.end(input);
    });
  };
}

async function onPostgres(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface CliWorkbench {
  /** A temporary folder for the test's files; each dialect's data directory is inside it. */
  dataDir: string;
  /** The environment the CLI runs with on each database: SQLite, or PostgreSQL in a schema of its own. */
  env: Record<DialectName, NodeJS.ProcessEnv>;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

/** A fresh data directory and PostgreSQL schema for one CLI test file; call setUp and tearDown around it. */
export function cliWorkbench(name: string, timeZone = 'UTC'): CliWorkbench {
  const schema = `cli_${name}_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), `bigrock-cli-${name}-`));
  const base = { PATH: process.env.PATH, BIGROCK_TZ: timeZone };
  return {
    dataDir,
    env: {
      sqlite: { ...base, BIGROCK_DATA: join(dataDir, 'sqlite') },
      postgres: {
        ...base,
        BIGROCK_DATA: join(dataDir, 'postgres'),
        DATABASE_URL: `${TEST_POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      },
    },
    async setUp() {
      mkdirSync(join(dataDir, 'sqlite'));
      mkdirSync(join(dataDir, 'postgres'));
      await onPostgres(`CREATE SCHEMA ${schema}`);
    },
    async tearDown() {
      await onPostgres(`DROP SCHEMA ${schema} CASCADE`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
