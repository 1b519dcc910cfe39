import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import {
  AppError,
  formatDuration,
  formatHourOfDay,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  type WeeklyReview,
} from '@bigrock/core';
import type { Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';

const classNames = {
  income: 'income-producing',
  supporting: 'supporting',
  waste: 'waste',
  unclassified: 'not an activity',
} as const;

function describeReview(io: CliIo, review: WeeklyReview): void {
  const money = (amount: number) => formatMoney(amount, review.currency);
  const duration = (seconds: number) => formatDuration(seconds);
  io.out(`Weekly review ${review.week} (${review.from} to ${review.to}, ${review.timeZone})\n\n`);
  io.out('What to change next week\n');
  for (const sentence of review.nextWeek) io.out(`  - ${sentence}\n`);

  io.out(`\nHours: ${duration(review.hours.totalSeconds)} tracked, ${duration(review.hours.targetSeconds)} targeted\n`);
  printTable(io, [
    ['  class', 'tracked', 'target'],
    ...review.hours.byClass.map((row) => [
      `  ${classNames[row.activityClass]}`,
      duration(row.seconds),
      duration(row.targetSeconds),
    ]),
  ]);
  if (review.hours.byActivity.length > 0)
    printTable(io, [
      ['  activity', 'tracked', 'target', 'units'],
      ...review.hours.byActivity.map((row) => [
        `  ${row.activity}`,
        duration(row.seconds),
        row.targetSeconds === null ? '-' : duration(row.targetSeconds),
        row.unitsLogged === null
          ? '-'
          : row.targetUnits === null
            ? formatNumber(row.unitsLogged)
            : `${formatNumber(row.unitsLogged)} of ${formatNumber(row.targetUnits)}`,
      ]),
    ]);
  if (review.bestHour !== null)
    io.out(`  best hour: ${formatHourOfDay(review.bestHour.hour)} (${duration(review.bestHour.seconds)})\n`);

  const { revenue, hourlyValue, targetHourlyRate, window } = review.money;
  io.out(`\nRevenue: ${money(revenue.total)}`);
  for (const part of revenue.unconverted) io.out(` (+ ${formatMoney(part.amount, part.currency)}, no rate)`);
  io.out(`; hourly value ${hourlyValue === null ? 'none' : money(hourlyValue)}`);
  io.out(targetHourlyRate === null ? '\n' : ` against a target of ${money(targetHourlyRate)}\n`);
  io.out(
    `Over ${window.from} to ${window.to}: hourly value ${window.hourlyValue === null ? 'none' : money(window.hourlyValue)}, buyback rate ${window.buybackRate === null ? 'none' : money(window.buybackRate)}\n`,
  );
  printTable(io, [
    ['  week', 'hours', 'revenue', 'hourly value'],
    ...review.money.trend.map((week) => [
      `  ${week.week}`,
      duration(week.seconds),
      money(week.revenue),
      week.hourlyValue === null ? '-' : money(week.hourlyValue),
    ]),
  ]);

  if (review.goals.length > 0) {
    io.out('\nGoals\n');
    printTable(io, [
      ['  goal', 'pace', 'actual', 'expected'],
      ...review.goals.map((goal) => [
        `  ${goal.title}`,
        goal.status ?? 'no pace',
        goal.actual === null ? '-' : formatQuantity(goal.actual, goal.unit),
        goal.expected === null ? '-' : formatQuantity(goal.expected, goal.unit),
      ]),
    ]);
  }
  for (const funnel of review.funnels) {
    io.out(`\nFunnel ${funnel.name}: ${formatPercent(funnel.probability)} chance\n`);
    printTable(io, [
      ['  step', 'guess', 'learned', 'logged'],
      ...funnel.conversions.map((item) => [
        `  ${item.from} -> ${item.to}`,
        formatPercent(item.guess),
        item.learned === null ? '-' : formatPercent(item.learned),
        `${formatNumber(item.successes)}/${formatNumber(item.trials)}`,
      ]),
    ]);
  }
  io.out('\nBiggest time wasters\n');
  if (review.wasters.length === 0) io.out('  none\n');
  else
    printTable(io, [
      ['  activity', 'hours', 'revenue', 'cost'],
      ...review.wasters.map((waster) => [
        `  ${waster.activity}`,
        duration(waster.seconds),
        money(waster.revenue),
        money(waster.cost),
      ]),
    ]);
  io.out('\nTriage suggestions\n');
  if (review.suggestions.length === 0) io.out('  none yet\n');
  for (const suggestion of review.suggestions)
    io.out(`  - ${suggestion.action} "${suggestion.task}": ${suggestion.why}\n`);
  for (const note of review.notes) io.out(`\nNote: ${note}\n`);
}

export function registerReviewCommands(program: Command, io: CliIo): void {
  program
    .command('review')
    .description("a week's review: hours against targets, goals, funnels, money, wasters, what to change next week")
    .option('--week <week>', 'the ISO week, such as 2027-W03 (default last week)')
    .option('--pdf <file>', 'write the review as a PDF to this file')
    .option('--json', 'print JSON: the review, as GET /api/v1/review gives it; with --pdf, { week, pdf, bytes }')
    .action((options: { week?: string; pdf?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const query = options.week === undefined ? {} : { week: options.week };
        if (options.pdf !== undefined) {
          const { review, bytes } = await bigrock.review.pdf(query);
          const file = resolve(options.pdf);
          try {
            await writeFile(file, bytes);
          } catch (error) {
            const reason = error instanceof Error && 'code' in error ? String(error.code) : 'an error';
            throw new AppError(
              'invalid-input',
              `--pdf: cannot write ${file} (${reason}); give a file in a folder that exists and that you can write to.`,
              { field: 'pdf' },
            );
          }
          if (options.json) return printJson(io, { week: review.week, pdf: file, bytes: bytes.byteLength });
          io.out(`Wrote the review of ${review.week} to ${file} (${formatNumber(bytes.byteLength / 1024, 0)} KB)\n`);
          return;
        }
        const review = await bigrock.review.review(query);
        if (options.json) return printJson(io, review);
        describeReview(io, review);
      }),
    );
}
