import {
  formatCount,
  formatDay,
  formatDuration,
  formatNumber,
  interruptionKinds,
  weekdays,
  type FocusSession,
  type FocusStats,
  type InterruptionKind,
} from '@bigrock/core';
import { Argument, type Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';
import { parseNumber } from '../option-parsers.js';

const minutesOf = (seconds: number) => formatDuration(seconds, { precise: true });

/** `Calls: running, 12 min 05 sec of 50 min focused, 2 interruptions (1 internal, 1 external).` */
function describeSession(session: FocusSession): string {
  const internal = session.interruptions.filter(({ kind }) => kind === 'internal').length;
  const external = session.interruptions.length - internal;
  const interruptions =
    session.interruptions.length === 0
      ? 'no interruptions'
      : `${formatCount(session.interruptions.length, 'interruption', 'interruptions')} (${formatNumber(internal, 0)} internal, ${formatNumber(external, 0)} external)`;
  const what = session.title === session.activity ? session.activity : `${session.title} (${session.activity})`;
  const left =
    session.status === 'running' || session.status === 'paused'
      ? session.remainingSeconds > 0
        ? `, ${minutesOf(session.remainingSeconds)} left`
        : `, ${minutesOf(-session.remainingSeconds)} past the plan`
      : '';
  const reason = session.abandonReason === null ? '' : `: ${session.abandonReason}`;
  return `${what}: ${session.status}${reason}, ${minutesOf(session.focusedSeconds)} focused of ${minutesOf(session.plannedSeconds)} planned${left}; ${interruptions}.\n`;
}

const rate = (value: number | null) => (value === null ? '-' : `${formatNumber(value)} an hour`);

function printStats(io: CliIo, stats: FocusStats): void {
  io.out(`Focus from ${formatDay(stats.from)} to ${formatDay(stats.to)} (${stats.timeZone})\n`);
  printTable(
    io,
    stats.days
      .filter(({ focusedSeconds }) => focusedSeconds > 0)
      .map(({ date, focusedSeconds }) => [`  ${formatDay(date)}`, formatDuration(focusedSeconds)]),
  );
  io.out(`Focused: ${formatDuration(stats.focusedSeconds)}\n`);
  io.out(
    `Sessions: ${formatNumber(stats.sessions.finished, 0)} finished, ${formatNumber(stats.sessions.abandoned, 0)} abandoned\n`,
  );
  const { interruptions } = stats;
  io.out(
    `Interruptions: ${formatNumber(interruptions.internal, 0)} internal (${rate(interruptions.perFocusHour.internal)}), ${formatNumber(interruptions.external, 0)} external (${rate(interruptions.perFocusHour.external)})\n`,
  );
  if (stats.bestHours.length === 0) {
    io.out('Best hours: not enough focus yet (half an hour in an hour of the day)\n');
    return;
  }
  io.out('Focus holds best at:\n');
  for (const hour of stats.bestHours)
    io.out(
      `  ${String(hour.hour).padStart(2, '0')}:00  ${formatDuration(hour.focusedSeconds)} focused, ${rate(hour.interruptionsPerHour)} interrupted\n`,
    );
  const busiest = [...stats.heatmap].sort((a, b) => b.focusedSeconds - a.focusedSeconds)[0];
  if (busiest !== undefined && busiest.focusedSeconds > 0)
    io.out(
      `Most focus: ${busiest.weekday} ${String(busiest.hour).padStart(2, '0')}:00 (${formatDuration(busiest.focusedSeconds)}; days: ${weekdays.join(' ')})\n`,
    );
}

/** `focus pause --json`: the options of `focus` reach its subcommands with their parent's. */
const wantsJson = (command: Command) => Boolean(command.optsWithGlobals<{ json?: boolean }>().json);

export function registerFocusCommands(program: Command, io: CliIo): void {
  const focus = program
    .command('focus')
    .description('focus sessions: one thing at a time, interruptions logged, time tracked with source focus');

  focus
    .command('start')
    .description(
      "start a focus session on an activity, today's big rock (--rock) or a block (--block); any running timer stops",
    )
    .argument('[activity]', 'the activity to focus on (with --rock or --block: what the time is tracked as)')
    .option('--minutes <n>', 'the planned length in minutes (default: the last one chosen, 50 at first)', parseNumber)
    .option('--rock', "focus on today's big rock")
    .option('--block <id>', 'focus on a block of the week (its id from bigrock week)')
    .option('--json', 'print JSON: { session, stopped }')
    .action(
      (activity: string | undefined, options: { minutes?: number; rock?: boolean; block?: string; json?: boolean }) =>
        withBigrock(io, async (bigrock) => {
          const result = await bigrock.focus.start({
            activity,
            minutes: options.minutes,
            rock: options.rock,
            blockId: options.block,
          });
          if (options.json) return printJson(io, result);
          const stopped = result.stopped === null ? '' : ` Stopped ${result.stopped.activity}.`;
          io.out(
            `Focus on ${result.session.title} for ${minutesOf(result.session.plannedSeconds)}.${stopped} Log an interruption with: bigrock focus interrupt internal|external\n`,
          );
        }),
    );

  focus
    .command('interrupt')
    .description('log an interruption without stopping: internal (your mind) or external (someone, something)')
    .addArgument(new Argument('<kind>', 'internal or external').choices(interruptionKinds))
    .option('--note <text>', 'what it was')
    .option('--json', 'print JSON: the session')
    .action((kind: InterruptionKind, options: { note?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const session = await bigrock.focus.interrupt({ kind, note: options.note });
        if (options.json) return printJson(io, session);
        io.out(`Logged an ${kind} interruption. ${describeSession(session)}`);
      }),
    );

  for (const [name, description, verb] of [
    ['pause', 'pause the session: its time entry stops until you resume', 'Paused'],
    ['resume', 'resume the session: a new time entry of it starts (any other timer stops)', 'Resumed'],
    ['done', 'finish the session', 'Finished'],
  ] as const) {
    focus
      .command(name)
      .description(description)
      .option('--json', 'print JSON: the session')
      .action((_options: unknown, command: Command) =>
        withBigrock(io, async (bigrock) => {
          const session = await bigrock.focus[name]();
          if (wantsJson(command)) return printJson(io, session);
          io.out(`${verb}. ${describeSession(session)}`);
        }),
      );
  }

  focus
    .command('abandon')
    .description('abandon the session, saying why (the time focused stays tracked)')
    .requiredOption('--reason <text>', 'why the session is abandoned')
    .option('--json', 'print JSON: the session')
    .action((options: { reason: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const session = await bigrock.focus.abandon({ reason: options.reason });
        if (options.json) return printJson(io, session);
        io.out(`Abandoned. ${describeSession(session)}`);
      }),
    );

  focus
    .command('status')
    .description('show the open focus session')
    .option('--json', 'print JSON: { session, defaultMinutes, rock }')
    .action((_options: unknown, command: Command) =>
      withBigrock(io, async (bigrock) => {
        const current = await bigrock.focus.current();
        if (wantsJson(command)) return printJson(io, current);
        if (current.session === null)
          return io.out(
            `No focus session is open. Start one with: bigrock focus start <activity> (next planned length: ${formatNumber(current.defaultMinutes, 0)} min)\n`,
          );
        io.out(describeSession(current.session));
      }),
    );

  focus
    .command('stats')
    .description('focus a day, sessions finished and abandoned, interruptions an hour, and the hours focus holds best')
    .option('--from <date>', 'the first day, YYYY-MM-DD (default: 27 days before --to)')
    .option('--to <date>', 'the last day, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON: the statistics with the weekday × hour heatmap')
    .action((options: { from?: string; to?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const stats = await bigrock.focus.stats({ from: options.from, to: options.to });
        if (options.json) return printJson(io, stats);
        printStats(io, stats);
      }),
    );
}
