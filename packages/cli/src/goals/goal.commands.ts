import {
  aggregates,
  directions,
  formatCount,
  formatDate,
  formatNumber,
  formatQuantity,
  goalLevels,
  weekdays,
  type Goal,
  type GoalStanding,
  type Pace,
} from '@bigrock/core';
import { Option, type Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';
import { oneOf, parseNumber } from '../option-parsers.js';

interface GoalOptions {
  target?: number;
  unit?: string;
  baseline?: number;
  start?: string;
  deadline?: string;
  aggregate?: Goal['aggregate'];
  direction?: Goal['direction'];
  level?: NonNullable<Goal['level']>;
  why?: string;
  parent?: string;
  owner?: string;
  partner?: string;
  systems?: string;
  hoursPerWeek?: number;
  daysOff?: string;
  json?: boolean;
}

function addGoalOptions(command: Command): Command {
  return command
    .option('--target <n>', 'the number to reach', parseNumber)
    .option('--unit <unit>', 'what is counted: recruits, USD, calls...')
    .option('--baseline <n>', 'where you stand at the start (default 0)', parseNumber)
    .option('--start <date>', 'start date, YYYY-MM-DD (default today)')
    .option('--deadline <date>', 'deadline, YYYY-MM-DD')
    .addOption(new Option('--aggregate <how>', 'how logged values add up').argParser(oneOf(aggregates)))
    .addOption(new Option('--direction <dir>', 'up: more is better; down: less is better').argParser(oneOf(directions)))
    .addOption(new Option('--level <level>', 'place in the hierarchy').argParser(oneOf(goalLevels)))
    .option('--why <text>', 'why it matters: the dream it serves')
    .option('--parent <id>', 'the bigger goal this one leads to')
    .option('--owner <name>', 'who is responsible')
    .option('--partner <name>', 'your accountability partner')
    .option('--systems <text>', 'scripts, templates, schedules and tools you will use')
    .option('--hours-per-week <n>', 'hours a week you can give it', parseNumber)
    .option('--days-off <days>', `days you do not work on it, comma-separated (${weekdays.join(',')})`)
    .option('--json', 'print JSON');
}

function goalFields(options: GoalOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    target: options.target,
    unit: options.unit,
    baseline: options.baseline,
    startDate: options.start,
    deadline: options.deadline,
    aggregate: options.aggregate,
    direction: options.direction,
    level: options.level,
    why: options.why,
    parentId: options.parent,
    owner: options.owner,
    partner: options.partner,
    systems: options.systems,
    hoursPerWeek: options.hoursPerWeek,
    daysOff: options.daysOff?.split(',').map((day) => day.trim().toLowerCase()),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function describePace(pace: Pace | null, goal: Goal): string {
  if (pace === null) return 'no pace yet: set a target and a deadline';
  const buffer = pace.bufferDays === null ? '' : `, ${formatCount(pace.bufferDays, 'buffer day', 'buffer days')}`;
  return `${pace.status}: ${formatNumber(pace.actual)} of ${formatQuantity(pace.expected, goal.unit)} expected${buffer}`;
}

function printGoal(io: CliIo, { goal, pace, check }: GoalStanding): void {
  io.out(`${goal.title}  (${goal.id})\n`);
  if (goal.target !== null)
    io.out(
      `  target    ${formatQuantity(goal.target, goal.unit)} by ${goal.deadline === null ? 'no deadline' : formatDate(goal.deadline)}\n`,
    );
  io.out(`  pace      ${describePace(pace, goal)}\n`);
  if (pace?.projectedDate) io.out(`  projected ${formatDate(pace.projectedDate)}\n`);
  io.out(`  check     ${check.score}/100\n`);
  for (const dimension of check.dimensions) {
    if (dimension.fix !== null)
      io.out(`    ${dimension.status === 'fail' ? '✗' : '!'} ${dimension.key}: ${dimension.fix}\n`);
  }
}

export function registerGoalCommands(program: Command, io: CliIo): void {
  const goal = program
    .command('goal')
    .description('SMARTER goals: add, list, show, check, edit, archive, and their data points');

  addGoalOptions(goal.command('add').description('add a goal').argument('<title>', 'what you want to achieve')).action(
    (title: string, options: GoalOptions) =>
      withBigrock(io, async (bigrock) => {
        const created = await bigrock.goals.create({ title, ...goalFields(options) });
        if (options.json) return printJson(io, created);
        io.out(`Added goal ${created.id}: ${created.title}\nCheck it with: bigrock goal check ${created.id}\n`);
      }),
  );

  addGoalOptions(goal.command('edit').description('change fields of a goal').argument('<id>')).action(
    (id: string, options: GoalOptions) =>
      withBigrock(io, async (bigrock) => {
        const updated = await bigrock.goals.update(id, goalFields(options));
        if (options.json) return printJson(io, updated);
        io.out(`Updated goal ${updated.id}: ${updated.title}\n`);
      }),
  );

  goal
    .command('list')
    .description('list goals with their status')
    .option('--archived', 'list archived goals instead')
    .option('--as-of <date>', 'measure pace on this day')
    .option('--json', 'print JSON')
    .action((options: { archived?: boolean; asOf?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const list = await bigrock.goals.list({ archived: options.archived ?? false, asOf: options.asOf });
        if (options.json)
          return printJson(
            io,
            list.map(({ goal: item, pace, check }) => ({ ...item, pace, score: check.score })),
          );
        if (list.length === 0)
          return io.out(
            'No goals yet. Add one with: bigrock goal add "Recruit 12 distributors" --target 12 --unit recruits --deadline 2027-03-01\n',
          );
        printTable(io, [
          ['ID', 'STATUS', 'PROGRESS', 'CHECK', 'TITLE'],
          ...list.map(({ goal: item, pace, check }) => [
            item.id,
            pace?.status ?? '-',
            pace === null
              ? '-'
              : `${formatNumber(pace.actual)}/${formatNumber(item.target ?? 0)} ${item.unit ?? ''}`.trim(),
            String(check.score),
            item.title,
          ]),
        ]);
      }),
    );

  goal
    .command('show')
    .description('show a goal with its pace and check')
    .argument('<id>')
    .option('--as-of <date>', 'measure pace on this day')
    .option('--json', 'print JSON')
    .action((id: string, options: { asOf?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const detail = await bigrock.goals.get(id, { asOf: options.asOf });
        if (options.json)
          return printJson(io, {
            ...detail.goal,
            pace: detail.pace,
            check: detail.check,
            dataPoints: detail.dataPoints,
          });
        printGoal(io, detail);
      }),
    );

  goal
    .command('check')
    .description('score a goal on the ten SMARTER dimensions, with fixes')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action((id: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const check = await bigrock.goals.check(id);
        if (options.json) return printJson(io, check);
        io.out(`Score ${check.score}/100\n`);
        printTable(
          io,
          check.dimensions.map(({ key, status, fix }) => [status.toUpperCase(), key, fix ?? '']),
        );
      }),
    );

  for (const [name, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    goal
      .command(name)
      .description(archived ? 'archive a goal' : 'bring back an archived goal')
      .argument('<id>')
      .option('--json', 'print JSON')
      .action((id: string, options: { json?: boolean }) =>
        withBigrock(io, async (bigrock) => {
          const changed = archived ? await bigrock.goals.archive(id) : await bigrock.goals.unarchive(id);
          if (options.json) return printJson(io, changed);
          io.out(`${archived ? 'Archived' : 'Restored'} goal ${changed.id}: ${changed.title}\n`);
        }),
      );
  }

  const point = goal.command('point').description("a goal's logged data points: list, edit, delete");

  point
    .command('list')
    .description('list the data points logged on a goal, in date order')
    .argument('<goal-id>')
    .option('--json', 'print JSON')
    .action((goalId: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const { goal: found, dataPoints } = await bigrock.goals.get(goalId);
        if (options.json) return printJson(io, dataPoints);
        if (dataPoints.length === 0) return io.out(`Nothing logged on ${found.title} yet.\n`);
        printTable(io, [
          ['ID', 'DATE', 'VALUE', 'NOTE'],
          ...dataPoints.map((item) => [
            item.id,
            formatDate(item.date),
            formatQuantity(item.value, found.unit),
            item.note ?? '',
          ]),
        ]);
      }),
    );

  point
    .command('edit')
    .description('change a logged data point: its date, value or note')
    .argument('<id>', 'the data point, from bigrock goal point list')
    .option('--date <date>', 'the day it counts for, YYYY-MM-DD')
    .option('--value <n>', 'the value', parseNumber)
    .option('--note <text>', 'a note ("" clears it)')
    .option('--json', 'print JSON')
    .action((id: string, options: { date?: string; value?: number; note?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const edited = await bigrock.goals.editDataPoint(id, {
          date: options.date,
          value: options.value,
          note: options.note,
        });
        if (options.json) return printJson(io, edited);
        const { goal: changed, pace } = await bigrock.goals.get(edited.goalId);
        io.out(
          `Changed ${edited.id} to ${formatQuantity(edited.value, changed.unit)} on ${formatDate(edited.date)}. ${changed.title}: ${describePace(pace, changed)}\n`,
        );
      }),
    );

  point
    .command('delete')
    .description('delete a logged data point')
    .argument('<id>', 'the data point, from bigrock goal point list')
    .action((id: string) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.goals.deleteDataPoint(id);
        io.out(`Deleted ${id}. Undo with: bigrock undo\n`);
      }),
    );

  program
    .command('log')
    .description('log progress on a goal')
    .argument('<goal-id>')
    .argument('<value>', 'the value to log', parseNumber)
    .option('--date <date>', 'the day it counts for, YYYY-MM-DD (default today)')
    .option('--note <text>', 'a note')
    .option('--json', 'print JSON')
    .action((goalId: string, value: number, options: { date?: string; note?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const point = await bigrock.goals.logProgress(goalId, { value, date: options.date, note: options.note });
        if (options.json) return printJson(io, point);
        const { goal: logged, pace } = await bigrock.goals.get(goalId);
        io.out(
          `Logged ${formatQuantity(value, logged.unit)} on ${formatDate(point.date)}. ${logged.title}: ${describePace(pace, logged)}\n`,
        );
      }),
    );
}
