import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('completion');
const env = workbench.env.sqlite;
const run = cliRunner(env);
const bin = fileURLToPath(new URL('../../bin/bigrock.js', import.meta.url));

/** `bigrock` on the PATH, as a user has it: the scripts call it by the name typed. */
const binDir = mkdtempSync(join(tmpdir(), 'bigrock-completion-'));
symlinkSync(bin, join(binDir, 'bigrock'));
const shellEnv = { ...env, PATH: `${binDir}:${env.PATH ?? ''}` };

/**
 * Whether to test a shell: always in CI (.ci/run installs zsh and fish, and a missing one fails
 * the test rather than skip it); elsewhere, when it is installed.
 */
const installed = (shell: string) =>
  process.env.CI === 'true' || spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

async function shell(program: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(program, args, { env: shellEnv });
  return stdout;
}

beforeAll(async () => {
  await workbench.setUp();
  await run('timer', 'start', 'Client work');
  await run('timer', 'start', 'Calls');
  await run('timer', 'stop');
});
afterAll(async () => {
  await workbench.tearDown();
  rmSync(binDir, { recursive: true, force: true });
});

describe('bigrock completion', () => {
  it('lists the activity names in use, latest first, without a server', async () => {
    const names = await run('__complete', 'activities');
    expect(names).toMatchObject({ code: 0, stdout: 'Calls\nClient work\n' });
    const unknown = await run('__complete', 'planets');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('bigrock: kind: choose one of activities.\n');
    // A helper for the scripts, not a command to show.
    expect((await run('--help')).stdout).not.toContain('__complete');
  });

  it('refuses a shell it does not know, naming the choices', async () => {
    const result = await run('completion', 'powershell');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are bash, zsh, fish.');
  });

  it('completes commands, options and activity names in bash', async () => {
    const script = join(workbench.dataDir, 'bigrock.bash');
    writeFileSync(script, (await run('completion', 'bash')).stdout);
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
    const complete = (...words: string[]) =>
      shell('bash', [
        '-c',
        `source ${script}; COMP_WORDS=(bigrock "$@"); COMP_CWORD=$#; _bigrock; printf '%s\\n' "\${COMPREPLY[@]}"`,
        'bash',
        ...words,
      ]);
    expect(await complete('ti')).toBe('timer\n');
    expect((await complete('timer', '')).split('\n')).toEqual(expect.arrayContaining(['continue', 'edit', 'start']));
    expect((await complete('timer', 'start', '--')).split('\n')).toEqual(
      expect.arrayContaining(['--at', '--keep-separate', '--note', '--tag']),
    );
    expect(await complete('timer', 'start', 'c')).toBe('Calls\nClient\\ work\n');
    expect(await complete('timer', 'start', '--note', 'Warm', 'cli')).toBe('Client\\ work\n');
    expect(await complete('entry', 'edit', 'X1', '--activity', 'CA')).toBe('Calls\n');
    expect(await complete('activity', 'log', '')).toBe('Calls\nClient\\ work\n');
    // After the activity, nothing of Bigrock's to offer.
    expect(await complete('timer', 'start', 'Calls', '')).toBe('\n');
  });

  it('completes the focus commands and their options in bash', async () => {
    const script = join(workbench.dataDir, 'bigrock-focus.bash');
    writeFileSync(script, (await run('completion', 'bash')).stdout);
    const complete = (...words: string[]) =>
      shell('bash', [
        '-c',
        `source ${script}; COMP_WORDS=(bigrock "$@"); COMP_CWORD=$#; _bigrock; printf '%s\\n' "\${COMPREPLY[@]}"`,
        'bash',
        ...words,
      ]);
    expect((await complete('focus', '')).split('\n')).toEqual(
      expect.arrayContaining(['abandon', 'done', 'interrupt', 'pause', 'resume', 'start', 'stats', 'status']),
    );
    expect((await complete('focus', 'start', '--')).split('\n')).toEqual(
      expect.arrayContaining(['--block', '--json', '--minutes', '--rock']),
    );
  });

  it('completes the rule commands, their options and the activity a pace rule watches in bash', async () => {
    const script = join(workbench.dataDir, 'bigrock-rule.bash');
    writeFileSync(script, (await run('completion', 'bash')).stdout);
    const complete = (...words: string[]) =>
      shell('bash', [
        '-c',
        `source ${script}; COMP_WORDS=(bigrock "$@"); COMP_CWORD=$#; _bigrock; printf '%s\\n' "\${COMPREPLY[@]}"`,
        'bash',
        ...words,
      ]);
    expect((await complete('rule', '')).split('\n')).toEqual(
      expect.arrayContaining(['add', 'list', 'remove', 'run', 'show']),
    );
    expect((await complete('rule', 'add', 'Blog', '--')).split('\n')).toEqual(
      expect.arrayContaining([
        '--feed',
        '--at',
        '--every',
        '--hook',
        '--contains',
        '--matches',
        '--post',
        '--webhook',
        '--log',
      ]),
    );
    expect((await complete('rule', 'run', '--')).split('\n')).toEqual(expect.arrayContaining(['--dry-run', '--json']));
    expect(await complete('rule', 'add', 'Behind', '--activity', 'CA')).toBe('Calls\n');
  });

  it.runIf(installed('zsh'))('gives zsh a script that parses, and reads the command line as bash does', async () => {
    const script = join(workbench.dataDir, '_bigrock');
    writeFileSync(script, (await run('completion', 'zsh')).stdout);
    expect(spawnSync('zsh', ['-n', script]).status).toBe(0);
    const walk = await shell('zsh', [
      '-c',
      `source ${script}; _bigrock_walk entry edit X1 --activity; print -r -- "$cmd_path|$positional|$value_of"; _bigrock_activity_options "entry edit"`,
    ]);
    expect(walk).toBe('entry edit|1|--activity\n--activity\n');
  });

  it.runIf(installed('fish'))('completes commands, options and activity names in fish', async () => {
    const script = join(workbench.dataDir, 'bigrock.fish');
    writeFileSync(script, (await run('completion', 'fish')).stdout);
    expect(spawnSync('fish', ['-n', script]).status).toBe(0);
    const complete = async (line: string) =>
      (await shell('fish', ['-c', `source ${script}; complete -C ${JSON.stringify(line)}`]))
        .split('\n')
        .map((candidate) => candidate.split('\t')[0]);
    expect(await complete('bigrock timer ')).toEqual(expect.arrayContaining(['continue', 'edit', 'start', 'stop']));
    expect(await complete('bigrock timer start c')).toEqual(['Calls', 'Client work', '']);
    expect(await complete('bigrock entry edit X1 --activity ')).toEqual(['Calls', 'Client work', '']);
    expect(await complete('bigrock timer start --k')).toEqual(['--keep-separate', '']);
  });
});
