import { isAppError } from '@bigrock/core';
import { Command, CommanderError } from 'commander';

import { printJson, withBigrock, type CliIo } from './cli-context.js';
import { version } from './version.js';

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
    commands: ['workspace'],
    load: async () => (await import('./workspaces/workspace.commands.js')).registerWorkspaceSettingsCommands,
  },
  {
    commands: ['settings'],
    load: async () => (await import('./money/settings.commands.js')).registerSettingsCommands,
  },
  {
    commands: ['review'],
    load: async () => (await import('./review/review.commands.js')).registerReviewCommands,
  },
  {
    commands: ['triage'],
    load: async () => (await import('./triage/triage.commands.js')).registerTriageCommands,
  },
  {
    commands: ['audit', 'channel'],
    load: async () => (await import('./audit/audit.commands.js')).registerAuditCommands,
  },
  {
    commands: ['report'],
    load: async () => (await import('./reports/report.commands.js')).registerReportCommands,
  },
  {
    commands: ['week', 'block', 'rock', 'today'],
    load: async () => (await import('./planner/planner.commands.js')).registerPlannerCommands,
  },
  { commands: ['focus'], load: async () => (await import('./focus/focus.commands.js')).registerFocusCommands },
  {
    commands: ['notify'],
    load: async () => (await import('./notifications/notify.commands.js')).registerNotifyCommands,
  },
  { commands: ['feed'], load: async () => (await import('./planner/feed.commands.js')).registerFeedCommands },
  {
    commands: ['completion', '__complete'],
    load: async () => (await import('./completion/completion.commands.js')).registerCompletionCommands,
  },
  {
    commands: ['restore'],
    load: async () => (await import('./backup/restore.commands.js')).registerRestoreCommands,
  },
  {
    commands: ['account'],
    load: async () => (await import('./publishing/account.commands.js')).registerAccountCommands,
  },
  {
    commands: ['post', 'queue', 'worker'],
    load: async () => (await import('./publishing/post.commands.js')).registerPostCommands,
  },
  { commands: ['rule'], load: async () => (await import('./rules/rule.commands.js')).registerRuleCommands },
  { commands: ['undo'], load: async () => (await import('./undo/undo.commands.js')).registerUndoCommands },
];

/**
 * Exit statuses (the README's table): 0 done; 2 a problem the user can fix, which the message
 * says how to (a mistake in the command line or a file, a name not found, a setting of the
 * environment, the database busy); 1 a failure of Bigrock or of what it runs on.
 */
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

function registerWorkspaceCommands(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      "load the demo into an empty workspace: a network marketer's goals, activities and funnel, four weeks in",
    )
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
    .version(version, '-V, --version', 'print the version of Bigrock')
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
      return error.code === 'internal' ? EXIT_FAILURE : EXIT_USAGE;
    }
    io.err(`bigrock: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
