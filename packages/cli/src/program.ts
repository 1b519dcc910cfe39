import { isAppError } from '@bigrock/core';
import { Command, CommanderError } from 'commander';

import { printJson, withBigrock, type CliIo } from './cli-context.js';

type Register = (program: Command, io: CliIo) => void;

/**
 * The command groups and the top-level commands each adds. A group is loaded only when the
 * command line names one of its commands (all of them for help, or a command that is not there):
 * `bigrock timer start` then loads neither goals nor funnels nor imports, and starts in a blink.
 */
export const commandGroups: ReadonlyArray<{ commands: readonly string[]; load(): Promise<Register> }> = [
  { commands: ['goal', 'log'], load: async () => (await import('./goals/goal.commands.js')).registerGoalCommands },
  {
    commands: ['activity'],
    load: async () => (await import('./activities/activity.commands.js')).registerActivityCommands,
  },
  {
    commands: ['funnel', 'plan'],
    load: async () => (await import('./funnels/funnel.commands.js')).registerFunnelCommands,
  },
  { commands: ['timer'], load: async () => (await import('./tracking/timer.commands.js')).registerTimerCommands },
  { commands: ['entry'], load: async () => (await import('./tracking/entry.commands.js')).registerEntryCommands },
  {
    commands: ['outcome'],
    load: async () => (await import('./tracking/outcome.commands.js')).registerOutcomeCommands,
  },
  {
    commands: ['import', 'export'],
    load: async () => (await import('./tracking/import.commands.js')).registerImportCommands,
  },
  {
    commands: ['completion', '__complete'],
    load: async () => (await import('./completion/completion.commands.js')).registerCompletionCommands,
  },
  {
    commands: ['restore'],
    load: async () => (await import('./backup/restore.commands.js')).registerRestoreCommands,
  },
];

/** Exit statuses: 2 is a mistake in what the user typed, 1 is something else going wrong. */
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

function registerWorkspaceCommands(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description("fill an empty workspace with the seeds' network-marketing example")
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const result = await bigrock.demo.load();
        if (options.json) return printJson(io, result);
        io.out(`Loaded the demo: ${result.goalIds.length} goals. See them with: bigrock goal list\n`);
      }),
    );

  program
    .command('token')
    .description('print the API token for scripts (send it as "Authorization: Bearer <token>")')
    .action(() => withBigrock(io, async (bigrock) => io.out(`${await bigrock.sessionSecret()}\n`)));

  program
    .command('serve')
    .description('start the web app and the API (the same as npm start, without the build)')
    .action(async () => {
      // Loaded on demand: the HTTP stack is not needed to log a number.
      const { startServer } = await import('@bigrock/server/http');
      const { loadConfig } = await import('@bigrock/server');
      const { url } = await startServer(loadConfig(io.env));
      io.out(`Bigrock is running at ${url}\n`);
    });
}

/** The program, with the command groups that `argv` needs (see commandGroups). */
export async function createProgram(io: CliIo, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('bigrock')
    .description('Bigrock: SMARTER goals, the activities that pay, and the numbers that show it.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showSuggestionAfterError();
  const first = argv[0];
  const named = commandGroups.filter(({ commands }) => first !== undefined && commands.includes(first));
  for (const group of named.length > 0 ? named : commandGroups) (await group.load())(program, io);
  registerWorkspaceCommands(program, io);
  return program;
}

/** Runs the CLI and resolves to its exit status; errors become one line on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await (await createProgram(io, argv)).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (isAppError(error)) {
      io.err(`bigrock: ${error.message}\n`);
      return error.code === 'internal' || error.code === 'config' ? EXIT_FAILURE : EXIT_USAGE;
    }
    io.err(`bigrock: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
