import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench, type CliRun } from '../test-support/cli-workbench.js';

const bin = fileURLToPath(new URL('../../bin/bigrock.js', import.meta.url));

// util-linux's script(1) gives the command a pseudo-terminal, as a user's shell would.
const hasScript = spawnSync('script', ['--version']).status === 0;
const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/** Runs bigrock on a pseudo-terminal, answers its question once it is asked, and gives what the terminal showed. */
async function runOnTerminal(env: NodeJS.ProcessEnv, args: string[], answer: string): Promise<CliRun> {
  const command = [process.execPath, bin, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let shown = '';
  let answered = false;
  child.stdout.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    if (!answered && shown.includes('[y/N]')) {
      answered = true;
      child.stdin.write(`${answer}\r`);
    }
  });
  const code = await new Promise<number>((resolve) => child.once('close', (status) => resolve(status ?? -1)));
  return { code, stdout: shown, stderr: '' };
}

const workbench = cliWorkbench('restore');
beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock restore on %s', (dialect) => {
  const env = workbench.env[dialect];
  const run = cliRunner(env);
  const emptyBackup = join(workbench.dataDir, `${dialect}-empty-backup.json`);
  const backup = join(workbench.dataDir, `${dialect}-backup.json`);
  const entryCount = async () =>
    (JSON.parse((await run('entry', 'list', '--from', '2026-03-02', '--to', '2026-03-02', '--json')).stdout) as [])
      .length;

  beforeAll(async () => {
    writeFileSync(emptyBackup, (await run('export', '--format', 'json')).stdout);
    await run('entry', 'add', 'Calls', '--start', '2026-03-02 09:00', '--end', '2026-03-02 10:00');
    writeFileSync(backup, (await run('export', '--format', 'json')).stdout);
  });

  it('restores into an empty workspace without asking: there is nothing to lose', async () => {
    expect((await run('restore', emptyBackup, '--yes')).code).toBe(0);
    expect(await entryCount()).toBe(0);
    expect(await run('restore', backup)).toMatchObject({ code: 0, stdout: 'Restored 1 time entry.\n' });
    expect(await entryCount()).toBe(1);
    await run('entry', 'add', 'Email', '--start', '2026-03-02 10:00', '--end', '2026-03-02 11:00');
    await run('outcome', 'add', 'clients', '1');
  });

  it('refuses, where there is no terminal to ask on, without --yes: status 2, the workspace unchanged', async () => {
    const result = await run('restore', backup);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'bigrock: restore replaces everything in the workspace (2 time entries and 1 outcome); with no terminal to ask on, add --yes to go ahead.\n',
    );
    expect(await entryCount()).toBe(2);
  });

  it.skipIf(!hasScript)(
    'asks on a terminal, showing what goes, and changes nothing unless the answer is yes',
    async () => {
      const no = await runOnTerminal(env, ['restore', backup], 'n');
      expect(no.stdout).toContain(
        `This deletes everything in the workspace (2 time entries and 1 outcome) and puts the backup's data in its place. Restore ${backup}? [y/N]`,
      );
      expect(no.stdout).toContain('bigrock: Nothing was restored; the workspace is as it was.');
      expect(no.code).toBe(2);
      expect(await entryCount()).toBe(2);

      const yes = await runOnTerminal(env, ['restore', backup], 'y');
      expect(yes.stdout).toContain('Restored 1 time entry.');
      expect(yes.code).toBe(0);
      expect(await entryCount()).toBe(1);
    },
  );

  it('restores with --yes, without a question', async () => {
    await run('entry', 'add', 'Email', '--start', '2026-03-02 10:00', '--end', '2026-03-02 11:00');
    const result = await run('restore', backup, '--yes');
    expect(result).toMatchObject({ code: 0, stdout: 'Restored 1 time entry.\n', stderr: '' });
    expect(await entryCount()).toBe(1);
  });
});
