import { readFile } from 'node:fs/promises';

import {
  AppError,
  dateInZone,
  formatNumber,
  formatPercent,
  funnelTemplateKeys,
  funnelTemplatePlan,
  isCalendarDate,
  planSchema,
  solvePlan,
  type Funnel,
  type FunnelTemplateKey,
} from '@bigrock/core';
import { loadConfig } from '@bigrock/server';
import { InvalidArgumentError, type Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';
import { oneOf, parseNumber } from '../option-parsers.js';
import { funnelSolutionJson, planSolutionJson, printSolution } from './solution-output.js';

interface FunnelAddOptions {
  stages: string;
  conversions?: string;
  minutes?: string;
  goal?: string;
  hoursPerWeek?: number;
  workdays?: number;
  target?: number;
  unit?: string;
  valuePerUnit?: number;
  start?: string;
  deadline?: string;
  json?: boolean;
}

const splitList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `0.1`, or `10%`: a share written either way. */
function parseShare(value: string): number {
  const percent = value.endsWith('%');
  const number = Number(percent ? value.slice(0, -1).trim() : value);
  if (value.trim() === '' || !Number.isFinite(number))
    throw new AppError('invalid-input', `conversions: "${value}" is not a number; write 10 % as 0.1 or 10%.`, {
      field: 'conversions',
    });
  return percent ? number / 100 : number;
}

function listOfLength(raw: string | undefined, length: number, field: string, what: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const items = splitList(raw);
  if (items.length !== length)
    throw new AppError('invalid-input', `${field}: give ${length} ${what}, separated by commas; got ${items.length}.`, {
      field,
    });
  return items;
}

function stagesInput(options: FunnelAddOptions) {
  const names = splitList(options.stages);
  if (names.length === 0)
    throw new AppError(
      'invalid-input',
      'stages: list the activities in order, e.g. --stages calls,appointments,recruits.',
      {
        field: 'stages',
      },
    );
  const conversions = listOfLength(
    options.conversions,
    names.length - 1,
    'conversions',
    'conversions (one per stage after the first)',
  )?.map(parseShare);
  const minutes = listOfLength(options.minutes, names.length, 'minutes', 'numbers of minutes (one per stage)')?.map(
    (value) => {
      const number = Number(value);
      if (!Number.isFinite(number))
        throw new AppError('invalid-input', `minutes: "${value}" is not a number of minutes.`, { field: 'minutes' });
      return number;
    },
  );
  return names.map((activity, index) => ({
    activity,
    ...(index > 0 && conversions !== undefined && { conversion: conversions[index - 1] }),
    ...(minutes !== undefined && { minutesPerUnit: minutes[index] }),
  }));
}

function describeStages(funnel: Funnel): string {
  return funnel.stages
    .map((stage) =>
      stage.conversionGuess === null ? stage.activity : `(${formatPercent(stage.conversionGuess)}) ${stage.activity}`,
    )
    .join(' → ');
}

/** Reads and checks a plan file; every mistake is one line that names the file and the field. */
export async function readPlanFile(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    const reason =
      code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a directory' : 'it cannot be read';
    throw new AppError('invalid-input', `Cannot read the plan file "${file}": ${reason}.`, {
      field: 'file',
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'it does not parse';
    throw new AppError('invalid-input', `The plan file "${file}" is not valid JSON: ${detail}.`, {
      field: 'file',
      cause: error,
    });
  }
  const result = planSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'plan';
    throw new AppError('invalid-input', `${file}: ${field}: ${issue?.message ?? 'is not valid'}.`, { field });
  }
  return result.data;
}

function startDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('Give a date written YYYY-MM-DD.');
  return value;
}

export function registerFunnelCommands(program: Command, io: CliIo): void {
  const funnel = program
    .command('funnel')
    .description('funnels from the outcome back to daily activity: add, list, solve, apply, remove');

  funnel
    .command('add')
    .description('add a funnel; stage activities that do not exist yet are made')
    .argument('<name>', 'its name, such as "warm market"')
    .requiredOption('--stages <a,b,c>', 'the activities in order, from the first to the outcome')
    .option('--conversions <rates>', 'your guess for each stage after the first: 0.1,0.2 or 10%,20%')
    .option('--minutes <m,m,m>', 'minutes one unit of each stage takes')
    .option('--goal <id>', 'the goal it serves: its target, dates and hours are used')
    .option('--hours-per-week <n>', 'hours a week you have for it', parseNumber)
    .option('--workdays <n>', 'working days a week (default 5)', parseNumber)
    .option('--target <n>', "the outcome to reach (default: the goal's)", parseNumber)
    .option('--unit <unit>', 'the unit of the target')
    .option('--value-per-unit <n>', 'money one unit of the last stage brings; the target is then money', parseNumber)
    .option('--start <date>', "start, YYYY-MM-DD (default: the goal's, else today)")
    .option('--deadline <date>', "deadline, YYYY-MM-DD (default: the goal's)")
    .option('--json', 'print JSON')
    .action((name: string, options: FunnelAddOptions) =>
      withBigrock(io, async (bigrock) => {
        const fields: Record<string, unknown> = {
          name,
          stages: stagesInput(options),
          goalId: options.goal,
          hoursPerWeek: options.hoursPerWeek,
          workdaysPerWeek: options.workdays,
          target: options.target,
          unit: options.unit,
          valuePerUnit: options.valuePerUnit,
          startDate: options.start,
          deadline: options.deadline,
        };
        const created = await bigrock.funnels.create(
          Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
        );
        if (options.json) return printJson(io, created);
        io.out(
          `Added funnel "${created.name}": ${describeStages(created)}\nSolve it with: bigrock funnel solve "${created.name}"\n`,
        );
      }),
    );

  funnel
    .command('list')
    .description('list funnels and their stages')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const list = await bigrock.funnels.list();
        if (options.json) return printJson(io, list);
        if (list.length === 0)
          return io.out(
            'No funnels yet. Add one with: bigrock funnel add "warm market" --stages calls,appointments,recruits --conversions 0.1,0.2\n',
          );
        printTable(io, [['NAME', 'STAGES'], ...list.map((item) => [item.name, describeStages(item)])]);
      }),
    );

  funnel
    .command('solve')
    .description('the rates each stage needs, the hours, whether they fit, trade-offs and the chance of success')
    .argument('<name>')
    .option('--as-of <date>', 'learn from what was logged up to this day and plan what is left from it')
    .option('--json', 'print JSON')
    .action((name: string, options: { asOf?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const solution = await bigrock.funnels.solve(name, { asOf: options.asOf });
        if (options.json) return printJson(io, funnelSolutionJson(solution));
        printSolution(io, solution);
      }),
    );

  funnel
    .command('apply')
    .description("make the solved rates the activities' targets, linked to the funnel's goal")
    .argument('<name>')
    .option('--as-of <date>', 'solve as of this day')
    .option('--json', 'print JSON')
    .action((name: string, options: { asOf?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const result = await bigrock.funnels.apply(name, { asOf: options.asOf });
        if (options.json) return printJson(io, result.activities);
        for (const activity of result.activities)
          io.out(
            `${activity.name}: ${formatNumber(activity.rate ?? 0)} ${activity.ratePeriod === 'day' ? 'a day' : 'a week'}\n`,
          );
      }),
    );

  funnel
    .command('remove')
    .description('delete a funnel; its activities stay')
    .argument('<name>')
    .action((name: string) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.funnels.delete(name);
        io.out(`Removed funnel "${name}".\n`);
      }),
    );

  const plan = program.command('plan').description('plans as files: solve one, or start from a template');

  plan
    .command('solve')
    .description('solve a plan file (JSON): hoursPerWeek, workdaysPerWeek, goal, stages')
    .argument('<file>')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const solution = solvePlan(await readPlanFile(file));
      if (options.json) return printJson(io, planSolutionJson(solution));
      printSolution(io, solution);
    });

  plan
    .command('template')
    .description(`print a template plan as JSON (${funnelTemplateKeys.join(', ')})`)
    .argument('<template>', 'which template', oneOf<FunnelTemplateKey>(funnelTemplateKeys))
    .option('--start <date>', 'the first of its twelve weeks, YYYY-MM-DD (default today)', startDate)
    .action((template: FunnelTemplateKey, options: { start?: string }) => {
      const start = options.start ?? dateInZone(new Date(), loadConfig(io.env).timeZone);
      printJson(io, funnelTemplatePlan(template, start));
    });
}
