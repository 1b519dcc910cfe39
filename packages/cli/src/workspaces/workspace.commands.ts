import { AppError, formatWorkingHours, parseWorkingHours, type WorkingHours } from '@bigrock/core';
import type { Command } from 'commander';

import { printJson, withBigrock, type CliIo } from '../cli-context.js';

interface WorkspaceView {
  name: string;
  timeZone: string;
  workingHours: WorkingHours;
}

function describeWorkspace(io: CliIo, { name, timeZone, workingHours }: WorkspaceView): void {
  io.out(`${name}\n  time zone:      ${timeZone}\n  working hours:  ${formatWorkingHours(workingHours)}\n`);
}

/** `--working-hours "mon-fri 09:00-17:00"`, read by core's parser; a mistake exits with status 2. */
function readWorkingHours(text: string): WorkingHours {
  const read = parseWorkingHours(text);
  if ('problem' in read) {
    throw new AppError('invalid-input', `--working-hours: ${read.problem}.`, { field: 'workingHours' });
  }
  return read.hours;
}

export function registerWorkspaceSettingsCommands(program: Command, io: CliIo): void {
  const workspace = program.command('workspace').description('the workspace: its name, time zone and working hours');

  workspace
    .command('show')
    .description('show the workspace name, time zone and working hours')
    .option('--json', 'print JSON: { name, timeZone, workingHours, ... }')
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const found = await bigrock.workspace.get();
        if (options.json) return printJson(io, found);
        describeWorkspace(io, found);
      }),
    );

  workspace
    .command('set')
    .description('rename the workspace, or change its time zone or its working hours')
    .option('--name <name>', 'a new name')
    .option('--time-zone <zone>', 'an IANA time zone, such as Europe/Paris')
    .option(
      '--working-hours <hours>',
      'days and their hours on the workspace clocks, e.g. "mon-fri 09:00-17:00" or "mon-thu 08:00-16:00, fri 08:00-12:00"; "none" for none. The review inbox looks for gaps inside them',
    )
    .option('--json', 'print JSON: the workspace')
    .action((options: { name?: string; timeZone?: string; workingHours?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        if (options.name === undefined && options.timeZone === undefined && options.workingHours === undefined) {
          throw new AppError(
            'invalid-input',
            'Say what to change: --name, --time-zone or --working-hours, e.g. bigrock workspace set --working-hours "mon-fri 09:00-17:00".',
          );
        }
        const workingHours = options.workingHours === undefined ? undefined : readWorkingHours(options.workingHours);
        const changed = await bigrock.workspace.update({
          name: options.name,
          timeZone: options.timeZone,
          workingHours,
        });
        if (options.json) return printJson(io, changed);
        describeWorkspace(io, changed);
      }),
    );
}
