import { AppError, formatDuration, STALE_RUNNING_MS } from '@bigrock/core';
import type { Command } from 'commander';

import type { TimerStart } from '@bigrock/server/time-entries';

import { printJson, withTimeEntries, type CliIo } from '../cli-context.js';
import { askChoice, canAsk } from '../terminal-question.js';
import {
  addBillingOptions,
  billingInput,
  collect,
  KEEP_SEPARATE,
  localTime,
  type BillingOptions,
} from './tracking-output.js';

const AT_HELP = 'when it started, if not now: HH:mm today, YYYY-MM-DD HH:mm, or ISO 8601';

/** `Started Calls; stopped Email after 45 min.`, with the start's clock time when one was given. */
function describeStart(result: TimerStart, zone: string | null): string {
  // No clock time for a start now: formatting one in a zone costs a command a third of its time.
  const at = zone === null ? '' : ` at ${localTime(result.started.start, zone)}`;
  const stopped = result.stopped
    ? `; stopped ${result.stopped.activity} after ${formatDuration(result.stopped.durationSeconds, { precise: true })}`
    : '';
  return `Started ${result.started.activity}${at}${stopped}.\n`;
}

export function registerTimerCommands(program: Command, io: CliIo): void {
  const timer = program
    .command('timer')
    .description('one running timer at a time: start, stop, continue, edit, status');

  addBillingOptions(
    timer
      .command('start')
      .description('start a timer; the one running stops at the same instant')
      .argument('<activity>', 'what you are doing: Calls, Facebook, Client work...')
      .option('--note <text>', 'a note')
      .option('--tag <tag>', 'a tag (repeat for more)', collect)
      .option('--at <time>', AT_HELP)
      .option('--keep-separate', KEEP_SEPARATE),
  )
    .option('--json', 'print JSON: { started, stopped }')
    .action(
      (
        activity: string,
        options: BillingOptions & {
          note?: string;
          tag?: string[];
          at?: string;
          keepSeparate?: boolean;
          json?: boolean;
        },
      ) =>
        withTimeEntries(io, async ({ entries }) => {
          const result = await entries.startTimer({
            activity,
            note: options.note,
            tags: options.tag,
            start: options.at,
            keepSeparate: options.keepSeparate,
            ...billingInput(options),
          });
          if (options.json) return printJson(io, result);
          io.out(describeStart(result, options.at === undefined ? null : await entries.zone()));
        }),
    );

  timer
    .command('continue')
    .description("start again the last entry's activity, tags and note (or those of the entry named)")
    .argument('[entry-id]', 'the entry to continue (default: the last one stopped)')
    .option('--at <time>', AT_HELP)
    .option('--json', 'print JSON: { started, stopped }')
    .action((entryId: string | undefined, options: { at?: string; json?: boolean }) =>
      withTimeEntries(io, async ({ entries }) => {
        const result = await entries.continueTimer({ entryId, start: options.at });
        if (options.json) return printJson(io, result);
        io.out(describeStart(result, options.at === undefined ? null : await entries.zone()));
      }),
    );

  timer
    .command('edit')
    .description('change the running timer: when it started ("I started 10 minutes ago")')
    .requiredOption('--start <time>', 'the new start: HH:mm today, YYYY-MM-DD HH:mm, or ISO 8601')
    .option('--json', 'print JSON: the running entry')
    .action((options: { start: string; json?: boolean }) =>
      withTimeEntries(io, async ({ entries }) => {
        const running = await entries.editTimer({ start: options.start });
        if (options.json) return printJson(io, running);
        io.out(
          `${running.activity} now started at ${localTime(running.start, await entries.zone())}: running for ${formatDuration(running.durationSeconds, { precise: true })}.\n`,
        );
      }),
    );

  timer
    .command('stop')
    .description('stop the running timer (one running for more than a day is stopped only once confirmed)')
    .option('--yes', 'stop a timer that has run for more than a day without asking')
    .option('--json', 'print JSON: the stopped entry')
    .action((options: { yes?: boolean; json?: boolean }) =>
      withTimeEntries(io, async ({ entries }) => {
        const running = options.yes ? null : await entries.timer();
        // A timer forgotten for days would become an entry as long: say so before.
        if (running !== null && running.durationSeconds * 1000 > STALE_RUNNING_MS) {
          const since = localTime(running.start, await entries.zone(), true);
          const days = new Intl.NumberFormat('en-GB', { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(
            Math.floor(running.durationSeconds / 86_400),
          );
          const what = `${running.activity} has been running for more than ${days}, since ${since}: stopping it now makes an entry that long`;
          if (!canAsk(io)) {
            throw new AppError(
              'invalid-input',
              `${what}. To stop it all the same, run: bigrock timer stop --yes (or first correct its start with bigrock entry edit ${running.id} --start <datetime>).`,
              { field: 'yes' },
            );
          }
          if ((await askChoice(io, `${what}. Stop it? [yes/no] `, ['yes', 'no'] as const)) !== 'yes') {
            io.out(`Left ${running.activity} running.\n`);
            return;
          }
        }
        const stopped = await entries.stopTimer();
        if (options.json) return printJson(io, stopped);
        io.out(`Stopped ${stopped.activity} after ${formatDuration(stopped.durationSeconds, { precise: true })}.\n`);
      }),
    );

  timer
    .command('status')
    .description('show the running timer')
    .option('--json', 'print JSON: { running }')
    .action((options: { json?: boolean }) =>
      withTimeEntries(io, async ({ entries }) => {
        const running = await entries.timer();
        if (options.json) return printJson(io, { running });
        if (running === null) return io.out('No timer is running. Start one with: bigrock timer start <activity>\n');
        const zone = await entries.zone();
        io.out(
          `${running.activity}, running for ${formatDuration(running.durationSeconds, { precise: true })} (since ${localTime(running.start, zone)}).\n`,
        );
      }),
    );
}
