import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { dialects, SQLITE_FILE } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { countTimeEntries, queryDatabase, startBigrock, writeTogglCsv } from './test-support/bigrock-processes.js';
import { cliRunner, cliWorkbench } from './test-support/cli-workbench.js';

// Big enough that a command is still writing when it is killed, a few megabytes in.
const ROWS = 150_000;
const WRITTEN_BEFORE_KILL = 4 << 20;
const LONG = 300_000;

const workbench = cliWorkbench('killed');
beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

/** Bytes the database has written so far: SQLite's write-ahead log, or PostgreSQL's table of entries. */
async function bytesWritten(env: NodeJS.ProcessEnv): Promise<number> {
  if (env.DATABASE_URL !== undefined) {
    const [row] = await queryDatabase<{ size: string }>(env, "select pg_relation_size('time_entries') as size");
    return Number(row?.size);
  }
  const wal = join(env.BIGROCK_DATA ?? '', `${SQLITE_FILE}-wal`);
  return existsSync(wal) ? statSync(wal).size : 0;
}

/**
 * Runs `bigrock <args>` and kills it (SIGKILL: no cleanup, as a crash or a power cut of the
 * process) once it has written some megabytes to the database, in the middle of its transaction.
 */
async function killMidWay(env: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
  const before = await bytesWritten(env);
  const child = startBigrock(env, ...args);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  while ((await bytesWritten(env)) < before + WRITTEN_BEFORE_KILL) {
    if (child.exitCode !== null) throw new Error(`bigrock ${args[0]} ended before it could be killed: ${output}`);
    await sleep(10);
  }
  child.kill('SIGKILL');
  await child.exited;
  expect(child.signalCode).toBe('SIGKILL');
}

describe.each(dialects)('a command killed in the middle on %s', (dialect) => {
  const env = workbench.env[dialect];
  const run = cliRunner(env);
  const entryIds = async () =>
    (await queryDatabase<{ id: string }>(env, 'select id from time_entries order by id')).map(({ id }) => id);

  beforeAll(async () => {
    for (const hour of ['09', '10', '11']) {
      const added = await run(
        'entry',
        'add',
        'Calls',
        '--start',
        `2026-03-02 ${hour}:00`,
        '--end',
        `2026-03-02 ${hour}:45`,
      );
      expect(added.code).toBe(0);
    }
  }, LONG);

  it(
    'leaves nothing of an import killed halfway, and the database takes the next write',
    async () => {
      const file = join(workbench.dataDir, `${dialect}-big.csv`);
      writeTogglCsv(file, ROWS, 'Killed');
      const before = await entryIds();
      await killMidWay(env, 'import', file);
      expect(await entryIds()).toEqual(before);
      if (dialect === 'sqlite')
        expect(await queryDatabase(env, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect((await run('timer', 'start', 'After the crash')).code).toBe(0);
      expect(await countTimeEntries(env)).toBe(before.length + 1);
    },
    LONG,
  );

  it(
    'leaves the workspace whole when a restore is killed halfway, after it deleted everything',
    async () => {
      // A backup of many entries, made from a real one so that every row is as the restore expects.
      const backup = JSON.parse((await run('export', '--format', 'json')).stdout) as {
        tables: { time_entries: Array<Record<string, unknown>> };
      };
      const [template] = backup.tables.time_entries;
      backup.tables.time_entries = Array.from({ length: ROWS }, (_, index) => ({
        ...template,
        id: `r${String(index).padStart(9, '0')}`,
        start_ms: Date.UTC(2020, 0, 1) + index * 3_600_000,
        end_ms: Date.UTC(2020, 0, 1) + index * 3_600_000 + 1_800_000,
      }));
      const file = join(workbench.dataDir, `${dialect}-big-backup.json`);
      writeFileSync(file, JSON.stringify(backup));
      const before = await entryIds();
      await killMidWay(env, 'restore', file, '--yes');
      expect(await entryIds()).toEqual(before);
      if (dialect === 'sqlite')
        expect(await queryDatabase(env, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect((await run('timer', 'stop')).code).toBe(0);
    },
    LONG,
  );
});
