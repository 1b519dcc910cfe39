import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SQLITE_FILE } from '@bigrock/server';
import { afterAll, describe, expect, it } from 'vitest';

import { EXIT_FAILURE, EXIT_USAGE } from './program.js';
import { bin, cliRunner } from './test-support/cli-workbench.js';

const dataDir = mkdtempSync(join(tmpdir(), 'bigrock-cli-exit-'));
const env = { PATH: process.env.PATH, BIGROCK_DATA: join(dataDir, 'data'), BIGROCK_TZ: 'UTC' };
const run = cliRunner(env);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the bigrock command's exit statuses (the README's table)", () => {
  it('prints its version with --version and -V, and exits 0', async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-V']) {
      const result = await run(flag);
      expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
    expect((await run('--help')).stdout).toContain('-V, --version');
  });

  it('exits 0 when the command is done', async () => {
    expect((await run('goal', 'list')).code).toBe(0);
    expect((await run('--help')).code).toBe(0);
  });

  it('exits 2 for a problem the user can fix, with one line that says what to do', async () => {
    const problems: string[][] = [
      ['tmer', 'start'], // a command that is not there
      ['goal', 'add', 'Read more', '--target', 'twelve'], // an option's value
      ['goal', 'show', 'no-such-goal'], // nothing of that name
      ['plan', 'solve', join(dataDir, 'missing.json')], // a file that is not there
    ];
    for (const args of problems) {
      const result = await run(...args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(EXIT_USAGE);
      expect(result.stderr.trim(), args.join(' ')).not.toBe('');
    }
    // A setting of the environment is the user's to fix too.
    const zone = await cliRunner({ ...env, BIGROCK_TZ: 'Mars/Olympus' })('goal', 'list');
    expect(zone.code).toBe(EXIT_USAGE);
    expect(zone.stderr).toBe(
      'bigrock: BIGROCK_TZ must be an IANA time zone such as Europe/Paris, got "Mars/Olympus".\n',
    );
  });

  it('exits 1 for a failure of Bigrock or of what it runs on, such as a damaged database', async () => {
    const damaged = join(dataDir, 'damaged');
    expect((await cliRunner({ ...env, BIGROCK_DATA: damaged })('goal', 'list')).code).toBe(0);
    writeFileSync(join(damaged, SQLITE_FILE), 'not a database '.repeat(1000));
    const result = await cliRunner({ ...env, BIGROCK_DATA: damaged })('goal', 'list');
    expect(result.code, result.stderr).toBe(EXIT_FAILURE);
    expect(result.stderr).toMatch(/^bigrock: /);
  });

  it('ends quietly, without an EPIPE trace, when its reader stops early (bigrock … | head)', async () => {
    // More than a pipe holds (64 KiB): the writes go on after the reader has gone.
    const csv = join(dataDir, 'many.csv');
    const rows = Array.from({ length: 3000 }, (_, index) => {
      const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(index / 8))).toISOString().slice(0, 10);
      const hour = String(8 + (index % 8)).padStart(2, '0');
      return `Work,${day},${hour}:00:00,${day},${hour}:30:00`;
    });
    writeFileSync(csv, ['Activity,Start date,Start time,End date,End time', ...rows].join('\n'));
    expect((await run('import', csv, '--format', 'csv')).code).toBe(0);
    for (const args of [
      ['export', '--format', 'csv'],
      ['entry', 'list', '--from', '2025-01-01', '--to', '2026-01-01'],
    ]) {
      const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // The reader takes the first chunk and goes, as `head -1` does.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      expect(stderr, args.join(' ')).toBe('');
      expect(code, args.join(' ')).toBe(0);
    }
  });
});
