import {
  AppError,
  attributionModels,
  auditCsv,
  formatDuration,
  formatMoney,
  formatNumber,
  reportRangeNames,
  type ActivityRoi,
  type AuditReport,
  type MoneySum,
} from '@bigrock/core';
import { Option, type Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';

interface WindowOptions {
  range?: string;
  from?: string;
  to?: string;
  attribution?: string;
  lagWeeks?: string;
}

function windowOptions(command: Command, defaultRange = 'this-month'): Command {
  return command
    .addOption(
      new Option('--range <range>', `a range that rolls forward (${defaultRange} unless --from and --to)`).choices(
        reportRangeNames,
      ),
    )
    .option('--from <date>', 'first day, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD, included')
    .addOption(
      new Option('--attribution <model>', 'how revenue is credited to activities (direct unless set)').choices(
        attributionModels,
      ),
    )
    .option('--lag-weeks <weeks>', 'lagged: the weeks before revenue whose hours earned it (8 unless set)');
}

/** The options as the service's query: strings, checked there, so the CLI and the API refuse alike. */
function queryOf(options: WindowOptions): Record<string, string> {
  return Object.fromEntries(
    (['range', 'from', 'to', 'attribution', 'lagWeeks'] as const).flatMap((key) =>
      options[key] === undefined ? [] : [[key, options[key]]],
    ),
  );
}

function moneyText(sum: MoneySum): string {
  const apart = sum.unconverted.map((money) => formatMoney(money.amount, money.currency));
  return [formatMoney(sum.total, sum.currency), ...apart.map((text) => `+ ${text} (no rate)`)].join(' ');
}

function describeAudit(io: CliIo, report: AuditReport): void {
  const money = (amount: number | null) => (amount === null ? '—' : formatMoney(amount, report.currency));
  io.out(`Audit ${report.from} to ${report.to}, attribution: ${report.attribution}`);
  io.out(report.lagWeeks === null ? '\n' : ` (${formatNumber(report.lagWeeks, 0)} weeks)\n`);
  io.out(`${report.attributionDescription}\n`);
  io.out(
    `Hourly value ${money(report.hourlyValue)}, buyback rate ${money(report.buybackRate)}, target rate ${money(report.targetHourlyRate)}\n\n`,
  );
  printTable(io, [
    ['activity', 'class', 'hours', 'revenue', 'per hour', 'cost'],
    ...report.activities.map((row) => [
      row.activity,
      row.activityClass ?? 'unclassed',
      formatDuration(row.seconds),
      moneyText(row.revenue),
      money(row.effectiveRate),
      money(row.cost),
    ]),
    ['total', '', formatDuration(report.totalSeconds), moneyText(report.attributed), '', ''],
  ]);
  io.out(`\nRevenue in the range: ${moneyText(report.revenue)}; unattributed: ${moneyText(report.unattributed)}\n`);
  if (report.wasters.length > 0) {
    io.out('\nTime wasters, by cost:\n');
    report.wasters.forEach((waster, index) =>
      io.out(
        `${index + 1}. ${waster.calledOut ? '⚠ ' : ''}${waster.activity}: ${money(waster.cost)}. ${waster.message}\n`,
      ),
    );
  }
  if (report.channels.length > 0) {
    io.out('\nChannels:\n');
    printTable(io, [
      ['channel', 'hours', 'cost', 'clients', 'revenue'],
      ...report.channels.map((row) => [
        row.channel,
        formatDuration(row.seconds),
        money(row.cost),
        formatNumber(row.clients),
        moneyText(row.revenue),
      ]),
    ]);
  }
  for (const warning of report.warnings) io.out(`\nWarning: ${warning}\n`);
}

function describeRoi(io: CliIo, roi: ActivityRoi): void {
  io.out(`${roi.activity}, ${roi.from} to ${roi.to} (attribution: ${roi.attribution})\n${roi.summary}\n`);
  for (const warning of roi.warnings) io.out(`Warning: ${warning}\n`);
}

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = windowOptions(
    program
      .command('audit')
      .description('the time audit: hours and revenue per activity, effective rates, the time wasters, channels'),
  )
    .option(
      '--json',
      'print JSON: { from, to, attribution, activities: [{ activity, seconds, revenue, effectiveRate, cost }], wasters, classWeeks, channels, totalSeconds, warnings }',
    )
    .option('--csv', 'print the activity table as CSV')
    .action((options: WindowOptions & { json?: boolean; csv?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        if (options.json && options.csv) {
          throw new AppError('invalid-input', 'Choose one of --json and --csv.', { field: 'csv' });
        }
        const report = await bigrock.audit.report(queryOf(options));
        if (options.json) return printJson(io, report);
        if (options.csv) return io.out(auditCsv(report));
        describeAudit(io, report);
      }),
    );

  windowOptions(
    audit
      .command('activity')
      .description(
        "one activity's return: its hours and days, their worth at your rate, the clients and revenue it brought",
      )
      .argument('<activity>', 'the activity, by name'),
  )
    .option(
      '--json',
      'print JSON: { activity, from, to, seconds, hours, days, rate, costOfHours, revenue, clients, effectiveRate, net, paid, summary }',
    )
    // commander hands options typed after the subcommand to `audit` when it knows them too: read both.
    .action((activity: string, _options: unknown, command: Command) =>
      withBigrock(io, async (bigrock) => {
        const options = command.optsWithGlobals<WindowOptions & { json?: boolean; csv?: boolean }>();
        if (options.csv) {
          throw new AppError('invalid-input', '--csv is for the audit table; use --json here.', { field: 'csv' });
        }
        const roi = await bigrock.audit.activityRoi({ ...queryOf(options), activity });
        if (options.json) return printJson(io, roi);
        describeRoi(io, roi);
      }),
    );

  const channel = program
    .command('channel')
    .description(
      'channels (referral, LinkedIn, events) and the activities that feed them, for the channel attribution',
    );
  channel
    .command('map')
    .description("set a channel's activities (replaces its list)")
    .argument('<channel>', 'the channel, as outcomes name it')
    .argument('<activity...>', 'the activities whose hours feed it')
    .option('--json', 'print JSON: { channel, activities }')
    .action((name: string, activities: string[], options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const mapping = await bigrock.audit.setChannel(name, { activities });
        if (options.json) return printJson(io, mapping);
        io.out(`${mapping.channel} → ${mapping.activities.join(', ')}\n`);
      }),
    );
  channel
    .command('list')
    .description('the channels and their activities')
    .option('--json', 'print JSON: [{ channel, activities }]')
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const list = await bigrock.audit.listChannels();
        if (options.json) return printJson(io, list);
        if (list.length === 0) return io.out('No channel is mapped: bigrock channel map Referral Networking\n');
        printTable(
          io,
          list.map((item) => [item.channel, item.activities.join(', ')]),
        );
      }),
    );
  channel
    .command('unmap')
    .description('remove a channel mapping')
    .argument('<channel>', 'the channel')
    .option('--json', 'print JSON: { removed }')
    .action((name: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.audit.removeChannel(name);
        if (options.json) return printJson(io, { removed: name });
        io.out(`${name} is no longer mapped.\n`);
      }),
    );
}
