import { AppError } from '@bigrock/core';
import { Argument, type Command } from 'commander';

import { withTimeEntries, type CliIo } from '../cli-context.js';
import { completionScript, completionShells, type CompletionShell } from './completion-scripts.js';
import { completionTree } from './completion-tree.js';

/** What `bigrock __complete` can list, for the shells' scripts. */
const completedKinds = ['activities'] as const;

export function registerCompletionCommands(program: Command, io: CliIo): void {
  program
    .command('completion')
    .description('print a shell script that completes commands, options and activity names')
    .addArgument(new Argument('<shell>', 'the shell').choices(completionShells))
    .addHelpText(
      'after',
      '\nLoad it in bash with: source <(bigrock completion bash)\n' +
        'in zsh (after compinit): source <(bigrock completion zsh)\n' +
        'in fish: bigrock completion fish | source',
    )
    .action(async (shell: CompletionShell) => {
      // The whole tree, whatever group this command line loaded.
      const { createProgram } = await import('../program.js');
      io.out(completionScript(shell, completionTree(await createProgram(io))));
    });

  program
    .command('__complete', { hidden: true })
    .description('print the words a shell completes, one a line (for the completion scripts)')
    .argument('<kind>', completedKinds.join(', '))
    .action((kind: string) => {
      if (!completedKinds.some((known) => known === kind)) {
        throw new AppError('invalid-input', `kind: choose one of ${completedKinds.join(', ')}.`, { field: 'kind' });
      }
      // The time entries alone, like the timer: completion must answer at once.
      return withTimeEntries(io, async ({ entries }) => {
        const names = await entries.activityNames();
        // A name on two lines would be two names to the shell.
        io.out(names.map((name) => `${name.replaceAll(/[\r\n]+/g, ' ')}\n`).join(''));
      });
    });
}
