import {
  formatDuration,
  formatMoney,
  formatNumber,
  reportDimensions,
  reportRangeNames,
  type HoursReport,
} from '@bigrock/core';
import type { Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';

interface ReportOptions {
  range?: string;
  from?: string;
  to?: string;
  by?: string;
  json?: boolean;
  csv?: boolean;
}

function describeReport(io: CliIo, report: HoursReport): void {
  const withRevenue = report.revenue !== null;
  const header = [
    report.by === 'heatmap' ? 'weekday hour' : report.by,
    'time',
    'share',
    ...(withRevenue ? ['revenue', 'per hour'] : []),
  ];
  const share = (seconds: number) =>
    report.totalSeconds === 0 ? '' : `${formatNumber((100 * seconds) / report.totalSeconds, 1)} %`;
  const money = (amount: number | null) => (amount === null ? '' : formatMoney(amount, report.currency));
  const rows = report.rows
    .filter((row) => report.by !== 'heatmap' || row.seconds > 0)
    .map((row) => [
      row.key === '' ? '(no tag)' : row.key,
      formatDuration(row.seconds),
      share(row.seconds),
      ...(withRevenue
        ? [
            `${money(row.revenue)}${row.revenueApart.map((part) => ` + ${formatMoney(part.amount, part.currency)}`).join('')}`,
            money(row.effectiveRate),
          ]
        : []),
    ]);
  io.out(`${report.from} to ${report.to} (${report.timeZone}), by ${report.by}\n`);
  printTable(io, [
    header,
    ...rows,
    ['total', formatDuration(report.totalSeconds), '', ...(withRevenue ? [money(report.revenue?.total ?? 0), ''] : [])],
  ]);
  if (report.runningSeconds > 0) io.out(`Includes the running timer: ${formatDuration(report.runningSeconds)}.\n`);
  if (report.revenue?.warning) io.out(`${report.revenue.warning}\n`);
  for (const note of report.notes) io.out(`${note}\n`);
}

export function registerReportCommands(program: Command, io: CliIo): void {
  const report = program
    .command('report')
    .description('hours of a range by activity, class, tag, source, week or weekday × hour, with revenue')
    .option(
      '--range <range>',
      `a range that rolls forward: ${reportRangeNames.join(', ')} (this-month unless --from/--to)`,
    )
    .option('--from <date>', 'the first day, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'the last day, YYYY-MM-DD, included')
    .option('--by <dimension>', `what the rows are: ${reportDimensions.join(', ')} (activity unless set)`)
    .option('--json', 'print JSON: { from, to, by, rows: [{ key, seconds, revenue, ... }], totalSeconds, ... }')
    .option('--csv', 'print the rows as CSV, the total last')
    .action((options: ReportOptions) =>
      withBigrock(io, async (bigrock) => {
        const query = {
          ...(options.range !== undefined && { range: options.range }),
          ...(options.from !== undefined && { from: options.from }),
          ...(options.to !== undefined && { to: options.to }),
          ...(options.by !== undefined && { by: options.by }),
        };
        if (options.csv) return io.out(await bigrock.reports.hoursCsv(query));
        const result = await bigrock.reports.hours(query);
        if (options.json) return printJson(io, result);
        describeReport(io, result);
      }),
    );

  report
    .command('rebuild')
    .description("make the reports' rollups again from every time entry")
    .option('--json', 'print JSON: { entries, days }')
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const result = await bigrock.reports.rebuild();
        // `report --json` takes the flag wherever it stands on the line.
        if (options.json || report.opts<{ json?: boolean }>().json) return printJson(io, result);
        io.out(
          `Rebuilt the rollups from ${formatNumber(result.entries, 0)} stopped entries over ${formatNumber(result.days, 0)} days.\n`,
        );
      }),
    );
}
