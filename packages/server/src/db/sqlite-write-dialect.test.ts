import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openBigrock, type Bigrock } from '../bigrock.js';
import { loadConfig } from '../config/config.js';
import { SQLITE_FILE } from './open-database.js';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another process that takes SQLite's write lock and holds it for `ms`, as an import does: resolves
 * once it holds it, with a promise of its end.
 */
async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<unknown> }> {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const database = new Database(${JSON.stringify(file)});
    database.exec('begin immediate');
    database.prepare("insert into time_entries (id, workspace_id, activity, start_ms, end_ms, tags, note, source, source_id, source_hash, created_at, updated_at) values ('other', 'default', 'Import', ?, ?, '', null, 'manual', null, null, '', '')").run(Date.now() - 7200000, Date.now() - 3600000);
    process.stdout.write('locked\\n');
    setTimeout(() => { database.exec('commit'); database.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout, 'data');
  return { released: once(child, 'exit') };
}

describe('SQLite beside another process that writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bigrock-sqlite-lock-'));
  let bigrock: Bigrock | undefined;

  afterEach(async () => {
    await bigrock?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('waits for its write to end, then starts the timer: a read then a write does not fail at once', async () => {
    bigrock = await openBigrock({ ...loadConfig({ BIGROCK_DATA: dataDir, BIGROCK_TZ: 'UTC' }), databaseUrl: null });
    await bigrock.entries.startTimer({ activity: 'Before' });
    const other = await holdWriteLock(join(dataDir, SQLITE_FILE), 1000);
    const started = await bigrock.entries.startTimer({ activity: 'After' });
    expect(started.stopped).toMatchObject({ activity: 'Before', end: started.started.start });
    await other.released;
    expect((await bigrock.entries.list()).map(({ activity }) => activity).sort()).toEqual([
      'After',
      'Before',
      'Import',
    ]);
  });

  it('opens and lists without waiting for the write lock, as a command that only reads', async () => {
    const config = { ...loadConfig({ BIGROCK_DATA: dataDir, BIGROCK_TZ: 'UTC' }), databaseUrl: null };
    await (await openBigrock(config)).close();
    const other = await holdWriteLock(join(dataDir, SQLITE_FILE), 3000);
    bigrock = await openBigrock(config, { sqliteBusyTimeoutMs: 300 });
    expect(await bigrock.entries.list()).toEqual([]);
    await other.released;
  });

  it('gives up when the busy timeout runs out, with a message that says why and what to do', async () => {
    bigrock = await openBigrock(
      { ...loadConfig({ BIGROCK_DATA: dataDir, BIGROCK_TZ: 'UTC' }), databaseUrl: null },
      { sqliteBusyTimeoutMs: 300 },
    );
    const other = await holdWriteLock(join(dataDir, SQLITE_FILE), 3000);
    await expect(bigrock.entries.startTimer({ activity: 'Too soon' })).rejects.toMatchObject({
      code: 'conflict',
      message:
        'The database is busy: another Bigrock (the server, or a command such as an import or a restore) has been writing to it for more than 0.3 s. Try again when it has finished.',
    });
    await other.released;
    expect(await bigrock.entries.timer()).toBeNull();
  });
});
