import {
  AppError,
  describeNotifications,
  parseDigestTime,
  parseQuietHours,
  type NotificationSettingsInput,
} from '@bigrock/core';
import type { Command } from 'commander';

import { printJson, withBigrock, type CliIo } from '../cli-context.js';

interface NotificationsShown {
  digestTime: string | null;
  quietHours: { start: string; end: string } | null;
  timeZone: string;
}

function describe(io: CliIo, settings: NotificationsShown): void {
  io.out(`Notifications: ${describeNotifications(settings)} (on the clocks of ${settings.timeZone}).\n`);
  if (settings.digestTime === null)
    io.out('Nothing interrupts you. Choose a daily digest with: bigrock notify set --digest 08:30\n');
}

/** The JSON of `notify get|set`: the settings and the zone they are read on. */
const jsonOf = ({ digestTime, quietHours, timeZone }: NotificationsShown) => ({ digestTime, quietHours, timeZone });

export function registerNotifyCommands(program: Command, io: CliIo): void {
  const notify = program
    .command('notify')
    .description('notifications, none by default: one daily digest time and quiet hours');

  notify
    .command('get')
    .description('show the daily digest time and the quiet hours')
    .option('--json', 'print JSON: { digestTime, quietHours: { start, end } | null, timeZone }')
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const settings = await bigrock.notifications.get();
        if (options.json) return printJson(io, jsonOf(settings));
        describe(io, settings);
      }),
    );

  notify
    .command('set')
    .description('choose the daily digest time and the quiet hours, or turn either off')
    .option('--digest <time>', 'the daily digest, HH:MM on the workspace clocks (08:30), or off')
    .option('--quiet <span>', 'quiet hours, HH:MM-HH:MM (20:00-08:00 runs across midnight), or off')
    .option('--json', 'print JSON: { digestTime, quietHours, timeZone }')
    .action((options: { digest?: string; quiet?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        if (options.digest === undefined && options.quiet === undefined)
          throw new AppError(
            'invalid-input',
            'Say what to change: --digest 08:30 (or off), --quiet 20:00-08:00 (or off), e.g. bigrock notify set --digest 08:30.',
          );
        const changes: NotificationSettingsInput = {};
        if (options.digest !== undefined) {
          const read = parseDigestTime(options.digest);
          if ('problem' in read)
            throw new AppError('invalid-input', `--digest: ${read.problem}.`, { field: 'digestTime' });
          changes.digestTime = read.digestTime;
        }
        if (options.quiet !== undefined) {
          const read = parseQuietHours(options.quiet);
          if ('problem' in read)
            throw new AppError('invalid-input', `--quiet: ${read.problem}.`, { field: 'quietHours' });
          changes.quietHours = read.quiet;
        }
        const settings = await bigrock.notifications.update(changes);
        if (options.json) return printJson(io, jsonOf(settings));
        describe(io, settings);
      }),
    );
}
