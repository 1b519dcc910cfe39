import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { openBigrock, type Bigrock, type OpenBigrockOptions } from '../bigrock.js';
import type { Clock } from '../clock.js';
import { loadConfig, type Config } from '../config/config.js';
import type { DialectName } from '../db/open-database.js';

/** The PostgreSQL that tests use: BIGROCK_TEST_DATABASE_URL, or the local one with trust auth. */
export const TEST_POSTGRES_URL = process.env.BIGROCK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestBigrock {
  bigrock: Bigrock;
  config: Config;
  /** PostgreSQL: the schema of this test's database (another Bigrock can open it too). */
  schema: string;
  /** Closes the database and removes what the test made: the data directory or the schema. */
  cleanup(): Promise<void>;
}

export interface TestBigrockOptions {
  clock?: Clock;
  /** Settings over the test's own (a PLC directory, a handle resolver). */
  config?: Partial<Pick<Config, 'plcUrl' | 'handleResolverUrl' | 'secretKey'>>;
  port?: number;
  timeZone?: string;
  /** The waits between a rule webhook's tries (tests pass one that records them). */
  sleep?: OpenBigrockOptions['sleep'];
}

/** A fixed clock, for tests that need "today". */
export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return { now: () => new Date(instant) };
}

/**
 * A clock that runs with real time, and that a test moves forward at will: `advance(30 * 60_000)`
 * is the server's side of a laptop lid closed for half an hour (Playwright's `page.clock` is the
 * browser's side).
 */
export function shiftedClock(): Clock & { advance(ms: number): void; moveTo(iso: string): void } {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms) => {
      offsetMs += ms;
    },
    /** From now on, time runs from `iso`. */
    moveTo: (iso) => {
      offsetMs = Date.parse(iso) - Date.now();
    },
  };
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_POSTGRES_URL}; the storage tests need it. Start it, or point ` +
        'BIGROCK_TEST_DATABASE_URL at one.',
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh Bigrock on a real database of the given dialect: SQLite in a new temporary data
 * directory, or PostgreSQL in a new schema of its own, so that test files can run side by side.
 */
export async function openTestBigrock(dialect: DialectName, options: TestBigrockOptions = {}): Promise<TestBigrock> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bigrock-test-'));
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const config: Config = {
    ...loadConfig({ BIGROCK_DATA: dataDir, BIGROCK_TZ: options.timeZone ?? 'UTC' }),
    port: options.port ?? 4545,
    databaseUrl: dialect === 'postgres' ? TEST_POSTGRES_URL : null,
    // Server mode keeps its credential key in the environment; locally it is a file of the data directory.
    secretKey: dialect === 'postgres' ? randomBytes(32) : null,
    ...options.config,
  };
  if (dialect === 'postgres') await withAdminClient((client) => client.query(`CREATE SCHEMA ${schema}`));
  const bigrock = await openBigrock(config, {
    clock: options.clock,
    schema,
    sleep: options.sleep,
  });
  return {
    bigrock,
    config,
    schema,
    async cleanup() {
      await bigrock.close();
      if (dialect === 'postgres') await withAdminClient((client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
