import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { announceRunningApp, findRunningApp } from './running-app.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bigrock-running-app-'));
  dirs.push(dir);
  return dir;
}

/** The pid of a process that has ended. */
const goneProcess = () =>
  Number(execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }));

describe('the running app, as the data directory says it', () => {
  it('is found where the app wrote it, in a file only its owner reads, and gone once taken back', () => {
    const dir = dataDir();
    const env = { BIGROCK_DATA: dir };
    expect(findRunningApp(env)).toBeNull();
    const withdraw = announceRunningApp(dir, { url: 'http://127.0.0.1:4545', token: 'secret' });
    expect(statSync(join(dir, 'app.json')).mode & 0o777).toBe(0o600);
    expect(findRunningApp(env)).toEqual({ pid: process.pid, url: 'http://127.0.0.1:4545', token: 'secret' });
    withdraw();
    expect(findRunningApp(env)).toBeNull();
  });

  it('is not taken back by an app that another has replaced since', () => {
    const dir = dataDir();
    const withdraw = announceRunningApp(dir, { url: 'http://127.0.0.1:4545', token: 'old' });
    const other = { pid: process.pid + 1, url: 'http://127.0.0.1:4646', token: 'new' };
    writeFileSync(join(dir, 'app.json'), JSON.stringify(other));
    withdraw();
    expect(JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'))).toEqual(other);
  });

  it('is none when its process is gone, its file is damaged, or the database is PostgreSQL', () => {
    const dir = dataDir();
    const env = { BIGROCK_DATA: dir };
    writeFileSync(join(dir, 'app.json'), JSON.stringify({ pid: goneProcess(), url: 'http://127.0.0.1:1', token: 't' }));
    expect(findRunningApp(env)).toBeNull();
    for (const damaged of ['', '{"pid":', 'null', '{"pid":"1","url":"u","token":"t"}', '[]']) {
      writeFileSync(join(dir, 'app.json'), damaged);
      expect(findRunningApp(env), damaged).toBeNull();
    }
    announceRunningApp(dir, { url: 'http://127.0.0.1:4545', token: 'secret' });
    expect(findRunningApp(env)).not.toBeNull();
    expect(findRunningApp({ ...env, DATABASE_URL: 'postgres://127.0.0.1/test' })).toBeNull();
  });
});
