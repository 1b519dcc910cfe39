import { AppError, formatCount } from '@bigrock/core';
import type { Command } from 'commander';

import { printJson, withBigrock, type CliIo } from '../cli-context.js';
import { askYesOrNo } from '../terminal-question.js';
import { openFile } from '../tracking/import.commands.js';

/** What a table's rows are called, one and many. */
const rowNames: Record<string, readonly [string, string]> = {
  goals: ['goal', 'goals'],
  data_points: ['data point', 'data points'],
  activities: ['activity', 'activities'],
  activity_goals: ['link of an activity to a goal', 'links of activities to goals'],
  activity_logs: ['activity log', 'activity logs'],
  activity_breaks: ['break', 'breaks'],
  funnels: ['funnel', 'funnels'],
  funnel_stages: ['funnel stage', 'funnel stages'],
  time_entries: ['time entry', 'time entries'],
  outcomes: ['outcome', 'outcomes'],
};

/** "5 goals, 1,204 time entries and 1 outcome": English words, so English plurals, numbers and lists. */
export function describeRows(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => {
      const [one, many] = rowNames[table] ?? [`row of ${table}`, `rows of ${table}`];
      return formatCount(count, one, many, 'en');
    });
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(parts);
}

export function registerRestoreCommands(program: Command, io: CliIo): void {
  program
    .command('restore')
    .description("replace the workspace's data with a JSON backup (bigrock export --format json)")
    .argument('<backup>', 'the backup file')
    .option('-y, --yes', 'replace without asking (needed where there is no terminal to ask on)')
    .option('--json', 'print JSON: { tables, nulCharactersRemoved }')
    .action((file: string, options: { yes?: boolean; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const { stream } = openFile(file);
        try {
          // Everything in the workspace goes: say what, and go ahead only when told to.
          const replaced = describeRows(await bigrock.backup.contents());
          if (!options.yes && replaced !== '') {
            const answer = await askYesOrNo(
              io,
              `This deletes everything in the workspace (${replaced}) and puts the backup's data in its place. Restore ${file}?`,
            );
            if (answer === null) {
              throw new AppError(
                'invalid-input',
                `restore replaces everything in the workspace (${replaced}); with no terminal to ask on, add --yes to go ahead.`,
                { field: 'yes' },
              );
            }
            if (!answer) throw new AppError('conflict', 'Nothing was restored; the workspace is as it was.');
          }
          const result = await bigrock.backup.restore(stream);
          if (options.json) return printJson(io, result);
          const restored = describeRows(result.tables);
          io.out(`Restored ${restored === '' ? 'an empty workspace' : restored}.\n`);
          const removed = result.nulCharactersRemoved;
          if (removed > 0) {
            const characters = formatCount(removed, 'NUL character', 'NUL characters', 'en');
            io.out(`Took ${characters} (U+0000) out of the text, as PostgreSQL cannot store them.\n`);
          }
        } finally {
          stream.destroy();
        }
      }),
    );
}
