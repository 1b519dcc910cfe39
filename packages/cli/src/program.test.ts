import { Command } from 'commander';
import { describe, expect, it } from 'vitest';

import type { CliIo } from './cli-context.js';
import { commandGroups, createProgram } from './program.js';

const io: CliIo = { env: {}, out: () => undefined, err: () => undefined };
const topLevel = (program: Command) => program.commands.map((command) => command.name());

describe('the command groups', () => {
  it('each adds exactly the top-level commands it is loaded for', async () => {
    for (const group of commandGroups) {
      const program = new Command();
      (await group.load())(program, io);
      expect(topLevel(program)).toEqual(group.commands);
    }
  });

  it('loads only the group a command names, and every group for help or a command it does not know', async () => {
    const all = topLevel(await createProgram(io, []));
    expect(all).toEqual([...commandGroups.flatMap(({ commands }) => commands), 'demo', 'token', 'serve']);
    expect(topLevel(await createProgram(io, ['timer', 'start', 'Calls']))).toEqual(['timer', 'demo', 'token', 'serve']);
    expect(topLevel(await createProgram(io, ['export', '--format', 'csv']))).toEqual([
      'import',
      'export',
      'demo',
      'token',
      'serve',
    ]);
    expect(topLevel(await createProgram(io, ['tmer']))).toEqual(all);
    expect(topLevel(await createProgram(io, ['--help']))).toEqual(all);
  });
});
