import { AppError, energies, formatMoney, formatNumber, triageActions, type TriageTask } from '@bigrock/core';
import type { Bigrock } from '@bigrock/server';
import type { Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';

interface TaskOptions {
  name?: string;
  hours?: string;
  activity?: string;
  energy?: string;
  income?: boolean;
  onlyMe?: boolean;
  needed?: boolean;
  notNeeded?: boolean;
  outsource?: string;
  automationOnce?: string;
  automationMonthly?: string;
  review?: string;
  json?: boolean;
}

/** A number option, or `none` (null) to clear it; the service checks the range and names the field. */
function numberOrNone(flag: string, field: string, text: string): number | null {
  if (text.trim().toLowerCase() === 'none') return null;
  const number = Number(text);
  if (text.trim() === '' || !Number.isFinite(number)) {
    throw new AppError('invalid-input', `${flag}: "${text}" is not a number; give one such as 2.5, or none.`, {
      field,
    });
  }
  return number;
}

function numberOf(flag: string, field: string, text: string): number {
  const number = numberOrNone(flag, field, text);
  if (number === null) throw new AppError('invalid-input', `${flag}: give a number, such as 0.5.`, { field });
  return number;
}

/** The fields the options name; what is not named is left out (and so, on edit, stays). */
function fieldsOf(options: TaskOptions): Record<string, unknown> {
  if (options.needed && options.notNeeded) {
    throw new AppError('invalid-input', 'Give --needed or --not-needed, not both.', { field: 'needed' });
  }
  return {
    ...(options.name !== undefined && { name: options.name }),
    ...(options.hours !== undefined && { hoursPerWeek: numberOrNone('--hours', 'hoursPerWeek', options.hours) }),
    ...(options.activity !== undefined && {
      activity: options.activity.trim().toLowerCase() === 'none' ? null : options.activity,
    }),
    ...(options.energy !== undefined && { energy: options.energy }),
    ...(options.income !== undefined && { producesIncome: options.income }),
    ...(options.onlyMe !== undefined && { onlyMe: options.onlyMe }),
    ...(options.needed && { needed: true }),
    ...(options.notNeeded && { needed: false }),
    ...(options.outsource !== undefined && {
      outsourceRate: numberOrNone('--outsource', 'outsourceRate', options.outsource),
    }),
    ...(options.automationOnce !== undefined && {
      automationOnce: numberOrNone('--automation-once', 'automationOnce', options.automationOnce),
    }),
    ...(options.automationMonthly !== undefined && {
      automationMonthly: numberOrNone('--automation-monthly', 'automationMonthly', options.automationMonthly),
    }),
    ...(options.review !== undefined && {
      reviewHoursPerWeek: numberOf('--review', 'reviewHoursPerWeek', options.review),
    }),
  };
}

function taskOptions(command: Command, editing: boolean): Command {
  const clear = editing ? '; none clears it' : '';
  return command
    .option('--hours <hours>', `hours a week, estimated (used when tracking has none)${clear}`)
    .option('--activity <activity>', `the activity whose tracked hours measure the task${clear}`)
    .option('--energy <energy>', `how it leaves you: ${energies.join(' or ')}`)
    .option('--income', 'the task itself earns money')
    .option('--no-income', 'the task earns nothing itself')
    .option('--only-me', 'only you can do it')
    .option('--no-only-me', 'someone else could do it')
    .option('--needed', 'it supports your work (the default)')
    .option('--not-needed', 'it neither earns nor supports anything: it can be dropped')
    .option('--outsource <rate>', `what someone else charges an hour to do it${clear}`)
    .option('--automation-once <amount>', `what automating it costs once${clear}`)
    .option('--automation-monthly <amount>', `what automating it costs a month${clear}`)
    .option('--review <hours>', 'hours a week a delegated task still takes you (0 unless set)')
    .option('--json', 'print JSON: the task');
}

function describeTask(task: TriageTask, currency: string): string {
  const money = (amount: number | null) => (amount === null ? '—' : formatMoney(amount, currency));
  const hours =
    task.activity === null
      ? `${formatNumber(task.hoursPerWeek ?? 0)} h a week (estimated)`
      : `measured from "${task.activity}"${task.hoursPerWeek === null ? '' : `, else ${formatNumber(task.hoursPerWeek)} h a week`}`;
  return [
    `${task.id}  ${task.name}`,
    `  hours:        ${hours}`,
    `  energy:       ${task.energy}; ${task.producesIncome ? 'earns' : 'earns nothing itself'}; ${task.onlyMe ? 'only you' : 'someone else could'}${task.needed ? '' : '; not needed'}`,
    `  outsourcing:  ${money(task.outsourceRate)} an hour, review ${formatNumber(task.reviewHoursPerWeek)} h a week`,
    `  automation:   ${money(task.automationOnce)} once, ${money(task.automationMonthly)} a month`,
    ...(task.override === null ? [] : [`  override:     ${task.override.action} (${task.override.reason})`]),
    '',
  ].join('\n');
}

async function currencyOf(bigrock: Bigrock): Promise<string> {
  return (await bigrock.money.get()).currency;
}

export function registerTriageCommands(program: Command, io: CliIo): void {
  const triage = program
    .command('triage')
    .description('recurring tasks: what to drop, automate, delegate, batch or produce, and what it frees');

  taskOptions(
    triage.command('add').description('add a recurring task').argument('<name>', 'what the task is'),
    false,
  ).action((name: string, options: TaskOptions) =>
    withBigrock(io, async (bigrock) => {
      const task = await bigrock.triage.create({ ...fieldsOf(options), name });
      if (options.json) return printJson(io, task);
      io.out(`Added ${task.name} (${task.id}). See the plan with: bigrock triage plan\n`);
    }),
  );

  triage
    .command('list')
    .description('the recurring tasks and what you said of each')
    .option(
      '--json',
      'print JSON: [{ id, name, activity, hoursPerWeek, energy, producesIncome, needed, onlyMe, outsourceRate, automationOnce, automationMonthly, reviewHoursPerWeek, override }]',
    )
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const tasks = await bigrock.triage.list();
        if (options.json) return printJson(io, tasks);
        if (tasks.length === 0)
          return io.out('No tasks yet. Add one: bigrock triage add "Bookkeeping" --hours 3 --energy draining\n');
        const currency = await currencyOf(bigrock);
        for (const task of tasks) io.out(describeTask(task, currency));
      }),
    );

  taskOptions(
    triage
      .command('edit')
      .description('change a task; what is not named stays')
      .argument('<id>', 'the id of the task (bigrock triage list)')
      .option('--name <name>', 'rename it'),
    true,
  ).action((id: string, options: TaskOptions) =>
    withBigrock(io, async (bigrock) => {
      const fields = fieldsOf(options);
      if (Object.keys(fields).length === 0) {
        throw new AppError(
          'invalid-input',
          'Say what to change, e.g. bigrock triage edit ID --hours 2 --outsource 30 (see bigrock triage edit --help).',
        );
      }
      const task = await bigrock.triage.update(id, fields);
      if (options.json) return printJson(io, task);
      io.out(describeTask(task, await currencyOf(bigrock)));
    }),
  );

  triage
    .command('remove')
    .description('remove a task from triage')
    .argument('<id>', 'the id of the task')
    .option('--json', 'print JSON: { removed: id }')
    .action((id: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.triage.remove(id);
        if (options.json) return printJson(io, { removed: id });
        io.out(`Removed ${id}.\n`);
      }),
    );

  triage
    .command('override')
    .description('do something else than the recommendation, and say why; --clear follows it again')
    .argument('<id>', 'the id of the task')
    .argument('[action]', `what to do instead: ${triageActions.join(', ')}`)
    .option('--reason <text>', 'why')
    .option('--clear', 'follow the recommendation again')
    .option('--json', 'print JSON: the task')
    .action((id: string, action: string | undefined, options: { reason?: string; clear?: boolean; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        if (!options.clear && action === undefined) {
          throw new AppError(
            'invalid-input',
            `Name the action (${triageActions.join(', ')}) and --reason, e.g. bigrock triage override ID batch --reason "I enjoy it"; or --clear.`,
            { field: 'action' },
          );
        }
        const task = options.clear
          ? await bigrock.triage.clearOverride(id)
          : await bigrock.triage.override(id, { action, reason: options.reason ?? '' });
        if (options.json) return printJson(io, task);
        io.out(
          task.override === null
            ? `${task.name} follows the recommendation again.\n`
            : `${task.name}: ${task.override.action} (${task.override.reason}).\n`,
        );
      }),
    );

  triage
    .command('plan')
    .description('what to do with each task and why, what it frees and costs a month, and the totals')
    .option(
      '--json',
      'print JSON: { basis, measuredFrom, measuredTo, measuredWeeks, tasks: [{ task, hoursPerWeek, hoursSource, measuredHoursPerWeek, verdict }], totals, rules }',
    )
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const plan = await bigrock.triage.plan();
        if (options.json) return printJson(io, plan);
        const { basis, totals } = plan;
        const money = (amount: number | null) => (amount === null ? '—' : formatMoney(amount, basis.currency));
        const hours = (value: number) => `${formatNumber(value, 1)} h`;
        io.out(
          basis.hourlyValue === null
            ? 'No hourly value and no target rate: set one with bigrock settings set --target-rate 80. Money is not weighed.\n\n'
            : `Hours weighed at ${money(basis.hourlyValue)} an hour (${basis.source === 'hourly-value' ? 'your hourly value' : 'your target rate: no hourly value yet'}); buyback rate ${money(basis.buybackRate)}.\n\n`,
        );
        if (plan.tasks.length === 0) {
          io.out('No tasks yet. Add one: bigrock triage add "Bookkeeping" --hours 3 --energy draining\n');
          return;
        }
        printTable(io, [
          ['id', 'task', 'h/week', 'do', 'frees/month', 'worth', 'costs/month', 'once'],
          ...plan.tasks.map(({ task, hoursPerWeek, hoursSource, verdict }) => [
            task.id,
            task.name,
            `${formatNumber(hoursPerWeek, 1)}${hoursSource === 'measured' ? ' tracked' : ''}`,
            verdict.overridden ? `${verdict.action} (yours)` : verdict.action,
            hours(verdict.hoursFreedPerMonth),
            money(verdict.valueFreedPerMonth),
            money(verdict.costPerMonth),
            money(verdict.oneOffCost),
          ]),
        ]);
        io.out('\n');
        for (const { task, verdict } of plan.tasks) {
          io.out(`${task.name}: ${verdict.recommended}. ${verdict.reason}\n`);
          if (task.override !== null) io.out(`  You chose ${task.override.action}: ${task.override.reason}\n`);
        }
        io.out(
          `\nThe plan frees ${hours(totals.hoursFreedPerMonth)} a month (${hours(totals.hoursFreedPerWeek)} a week), worth ${money(totals.valueFreedPerMonth)}, for ${money(totals.costPerMonth)} a month and ${money(totals.oneOffCost)} once.\n`,
        );
      }),
    );
}
