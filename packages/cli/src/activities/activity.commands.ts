import {
  activityClasses,
  formatCount,
  formatDate,
  formatNumber,
  formatQuantity,
  weekdays,
  type Activity,
  type ActivityClass,
  type ActivityPace,
  type ActivityStanding,
  type RatePeriod,
} from '@bigrock/core';
import { Option, type Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';
import { oneOf, parseNumber } from '../option-parsers.js';

interface ActivityOptions {
  name?: string;
  unit?: string;
  minutes?: number;
  perDay?: number;
  perWeek?: number;
  perMonth?: number;
  timesAWeek?: number;
  class?: ActivityClass;
  goal?: string[];
  workdays?: string;
  start?: string;
  keepSeparate?: boolean;
  json?: boolean;
}

const rateOptions = ['perDay', 'perWeek', 'perMonth', 'timesAWeek'] as const;

/** `--goal a --goal b` and `--goal a,b` both give two goals. */
function collectIds(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  ];
}

function addActivityOptions(command: Command): Command {
  const rate = (flag: string, description: string, key: (typeof rateOptions)[number]) =>
    new Option(flag, description).argParser(parseNumber).conflicts(rateOptions.filter((other) => other !== key));
  return command
    .option('--unit <unit>', 'what one unit is (default: the name)')
    .option('--minutes <n>', 'minutes one unit takes', parseNumber)
    .addOption(rate('--per-day <n>', 'target: this many each working day', 'perDay'))
    .addOption(rate('--per-week <n>', 'target: this many a week', 'perWeek'))
    .addOption(rate('--per-month <n>', 'target: this many a month', 'perMonth'))
    .addOption(rate('--times-a-week <n>', 'target: on this many days a week, any days', 'timesAWeek'))
    .addOption(
      new Option('--class <class>', 'income-producing, supporting, or waste').argParser(oneOf(activityClasses)),
    )
    .option('--goal <id>', 'a goal it serves (repeat, or separate ids with commas)', collectIds)
    .option('--workdays <days>', `the days you do it, comma-separated (${weekdays.join(',')}); default mon-fri`)
    .option('--start <date>', 'the day its pace line starts, YYYY-MM-DD (default today)')
    .option('--keep-separate', 'allow a name that differs from another activity only by case ("Calls" beside "calls")')
    .option('--json', 'print JSON');
}

function rateOf(options: ActivityOptions): { rate: number; ratePeriod: RatePeriod } | undefined {
  if (options.perDay !== undefined) return { rate: options.perDay, ratePeriod: 'day' };
  if (options.perWeek !== undefined) return { rate: options.perWeek, ratePeriod: 'week' };
  if (options.perMonth !== undefined) return { rate: options.perMonth, ratePeriod: 'month' };
  if (options.timesAWeek !== undefined) return { rate: options.timesAWeek, ratePeriod: 'times-a-week' };
  return undefined;
}

function activityFields(options: ActivityOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    name: options.name,
    unit: options.unit,
    minutesPerUnit: options.minutes,
    ...rateOf(options),
    activityClass: options.class,
    goalIds: options.goal,
    workdays: options.workdays?.split(',').map((day) => day.trim().toLowerCase()),
    startDate: options.start,
    keepSeparate: options.keepSeparate,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

const periodWords: Record<RatePeriod, string> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
  'times-a-week': 'days a week',
};

/** `10 calls a day`, `3 days a week`, or `no target` */
export function describeRate(activity: Pick<Activity, 'rate' | 'ratePeriod' | 'unit'>): string {
  if (activity.rate === null || activity.ratePeriod === null) return 'no target';
  if (activity.ratePeriod === 'times-a-week') return `${formatQuantity(activity.rate, 'days')} a week`;
  return `${formatQuantity(activity.rate, activity.unit)} ${periodWords[activity.ratePeriod]}`;
}

function describePace(pace: ActivityPace | null): string {
  if (pace === null) return '-';
  const streak =
    pace.streak.current > 0
      ? `, streak ${formatCount(pace.streak.current, pace.streak.unit, `${pace.streak.unit}s`)}`
      : '';
  return `${pace.onBreak ? 'on a break' : pace.status} (${formatNumber(pace.actual)}/${formatNumber(pace.expected)}${streak})`;
}

const flatten = ({ activity, hoursPerWeek, pace }: ActivityStanding) => ({ ...activity, hoursPerWeek, pace });

export function registerActivityCommands(program: Command, io: CliIo): void {
  const activity = program
    .command('activity')
    .description('lead activities: add, list, show, log counts, plan breaks, edit, remove');

  addActivityOptions(
    activity.command('add').description('add an activity').argument('<name>', 'its name, such as "calls"'),
  ).action((name: string, options: ActivityOptions) =>
    withBigrock(io, async (bigrock) => {
      const created = await bigrock.activities.create({ ...activityFields(options), name });
      if (options.json) return printJson(io, created);
      io.out(
        `Added activity "${created.name}": ${describeRate(created)}. Log it with: bigrock activity log "${created.name}" 8\n`,
      );
    }),
  );

  addActivityOptions(
    activity.command('edit').description('change an activity').argument('<name>').option('--name <new>', 'rename it'),
  ).action((name: string, options: ActivityOptions) =>
    withBigrock(io, async (bigrock) => {
      const updated = await bigrock.activities.update(name, activityFields(options));
      if (options.json) return printJson(io, updated);
      io.out(`Updated activity "${updated.name}": ${describeRate(updated)}.\n`);
    }),
  );

  activity
    .command('list')
    .description('list activities with their target, hours and pace')
    .option('--as-of <date>', 'measure pace on this day')
    .option('--json', 'print JSON')
    .action((options: { asOf?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const list = await bigrock.activities.list({ asOf: options.asOf });
        if (options.json) return printJson(io, list.map(flatten));
        if (list.length === 0)
          return io.out('No activities yet. Add one with: bigrock activity add calls --per-day 10 --minutes 6\n');
        printTable(io, [
          ['NAME', 'TARGET', 'H/WEEK', 'CLASS', 'PACE'],
          ...list.map(({ activity: item, hoursPerWeek, pace }) => [
            item.name,
            describeRate(item),
            formatNumber(hoursPerWeek),
            item.activityClass,
            describePace(pace),
          ]),
        ]);
      }),
    );

  activity
    .command('show')
    .description('show an activity with its pace, streak, logs and breaks')
    .argument('<name>')
    .option('--as-of <date>', 'measure pace on this day')
    .option('--json', 'print JSON')
    .action((name: string, options: { asOf?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const detail = await bigrock.activities.get(name, { asOf: options.asOf });
        if (options.json) return printJson(io, { ...flatten(detail), logs: detail.logs, breaks: detail.breaks });
        const { activity: item, pace } = detail;
        io.out(`${item.name}  (${item.id}, ${item.activityClass})\n`);
        io.out(`  target  ${describeRate(item)}, ${formatNumber(detail.hoursPerWeek)} h a week\n`);
        io.out(`  pace    ${describePace(pace)}\n`);
        if (pace !== null)
          io.out(
            `  ${pace.period.unit === 'day' ? 'today' : `this ${pace.period.unit}`}  ${formatNumber(pace.period.done)} of ${formatNumber(pace.period.target)}; ` +
              `longest streak ${pace.streak.longest} ${pace.streak.unit}s\n`,
          );
        for (const pause of detail.breaks)
          io.out(
            `  break   ${formatDate(pause.start)} to ${formatDate(pause.end)}${pause.note ? ` (${pause.note})` : ''}\n`,
          );
      }),
    );

  activity
    .command('log')
    .description('log a count: bigrock activity log calls 8')
    .argument('<name>')
    .argument('<count>', 'how many units', parseNumber)
    .option('--date <date>', 'the day it counts for, YYYY-MM-DD (default today)')
    .option('--note <text>', 'a note')
    .option('--json', 'print JSON')
    .action((name: string, count: number, options: { date?: string; note?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const log = await bigrock.activities.log(name, { count, date: options.date, note: options.note });
        if (options.json) return printJson(io, log);
        const { activity: item, pace } = await bigrock.activities.get(name, { asOf: log.date });
        io.out(
          `Logged ${formatQuantity(count, item.unit)} on ${formatDate(log.date)}. ${item.name}: ${describePace(pace)}\n`,
        );
      }),
    );

  activity
    .command('break')
    .description('plan a break: the pace line waits instead of running away')
    .argument('<name>')
    .requiredOption('--from <date>', 'the first day of the break, YYYY-MM-DD')
    .requiredOption('--to <date>', 'the last day of the break, YYYY-MM-DD')
    .option('--note <text>', 'why: holiday, illness...')
    .option('--json', 'print JSON')
    .action((name: string, options: { from: string; to: string; note?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const pause = await bigrock.activities.addBreak(name, {
          start: options.from,
          end: options.to,
          note: options.note,
        });
        if (options.json) return printJson(io, pause);
        io.out(`Planned a break from ${formatDate(pause.start)} to ${formatDate(pause.end)}.\n`);
      }),
    );

  activity
    .command('remove')
    .description('delete an activity and its logs')
    .argument('<name>')
    .action((name: string) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.activities.delete(name);
        io.out(`Removed activity "${name}".\n`);
      }),
    );
}
