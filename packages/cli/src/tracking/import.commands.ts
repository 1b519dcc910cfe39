import { createReadStream, statSync } from 'node:fs';
import { once } from 'node:events';

import {
  AppError,
  dateFormatNames,
  importFormats,
  runningChoices,
  type ImportResult,
  type RunningChoice,
  type StaleRunningInterval,
} from '@bigrock/core';
import { Option, type Command } from 'commander';

import { printJson, withBigrock, type CliIo } from '../cli-context.js';
import { oneOf } from '../option-parsers.js';
import { askChoice, canAsk } from '../terminal-question.js';
import { collect, localTime } from './tracking-output.js';

const exportFormats = ['csv', 'json', 'ics'] as const;

const formatNames: Record<ImportResult['format'], string> = {
  toggl: 'a Toggl Track export',
  clockify: 'a Clockify export',
  timew: 'a Timewarrior export',
  activitywatch: 'an ActivityWatch export',
  ics: 'a calendar',
  csv: 'a CSV file',
};

export function openFile(path: string): { stream: ReturnType<typeof createReadStream>; size: number } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('invalid-input', `There is no file at ${path}.`, { field: 'file' });
  }
  return { stream: createReadStream(path, { highWaterMark: 1 << 20 }), size };
}

/** A progress bar on standard error, when it is a terminal: a million rows take a while. */
async function progressBar(io: CliIo, total: number): Promise<{ update(bytes: number): void; stop(): void }> {
  const stream = io.errStream;
  if (stream === undefined || !stream.isTTY || total < 1 << 20)
    return { update: () => undefined, stop: () => undefined };
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    { stream, format: 'Importing [{bar}] {percentage}% | {value}/{total} MB | {duration}s', hideCursor: true },
    progress.Presets.shades_classic,
  );
  const megabytes = (bytes: number) => Math.round((bytes / (1 << 20)) * 10) / 10;
  bar.start(megabytes(total), 0);
  return { update: (bytes) => bar.update(megabytes(bytes)), stop: () => bar.stop() };
}

/** Writes to standard output at the pace it drains, so that a million rows never pile up in memory. */
async function writeOut(io: CliIo, chunks: AsyncIterable<string>): Promise<void> {
  const stream = io.outStream;
  for await (const chunk of chunks) {
    if (stream === undefined) io.out(chunk);
    else if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

/** An old running interval, as a line: what it is, since when, and where `stop` would end it. */
function describeStale(interval: StaleRunningInterval, zone: string): string {
  return `line ${interval.line}: ${interval.activity}, running since ${localTime(interval.start, zone, true)} (more than a day); stop would end it at ${localTime(interval.stopAt, zone, true)}`;
}

/** Whether an import failed only for want of a choice about old running intervals. */
const needsRunningChoice = (result: ImportResult) =>
  result.status === 'failed' &&
  result.staleRunning.length > 0 &&
  result.errors.every(({ field }) => field === 'running');

function printResult(io: CliIo, result: ImportResult, zone: string): void {
  const what = formatNames[result.format];
  if (result.status === 'failed') {
    io.err(
      `${what[0]?.toUpperCase()}${what.slice(1)} with ${result.errors.length === 1 ? 'an error' : `${result.errors.length} errors`}:\n`,
    );
    for (const { line, message } of result.errors) io.err(`  line ${line}: ${message}\n`);
    return;
  }
  const counts = `${result.added} new, ${result.changed} changed, ${result.skipped} skipped`;
  if (result.status === 'dry-run') {
    io.out(`Dry run of ${what}: ${counts}. Nothing was changed.\n`);
    for (const entry of result.preview.added)
      io.out(`  + line ${entry.line}: ${entry.start} → ${entry.end ?? 'running'}  ${entry.activity}\n`);
    for (const entry of result.preview.changed)
      io.out(`  ~ line ${entry.line}: ${entry.start} → ${entry.end ?? 'running'}  ${entry.activity}\n`);
    const undecided = result.staleRunning.filter(({ choice }) => choice === null);
    for (const interval of undecided) io.out(`  ! ${describeStale(interval, zone)}\n`);
    if (undecided.length > 0) {
      io.out(
        `  To import ${undecided.length === 1 ? 'it' : 'them'}, give --running stop, keep (as the running timer) or skip (leave out).\n`,
      );
    }
  } else {
    io.out(`Imported ${what}: ${counts}.\n`);
  }
  for (const { line, message } of result.warnings) io.err(`warning, line ${line}: ${message}\n`);
}

export function registerImportCommands(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('import time entries from Toggl, Clockify, Timewarrior, ActivityWatch, a calendar or any CSV')
    .argument('<file>', 'the exported file')
    .addOption(new Option('--format <format>', 'the format, when Bigrock cannot tell').argParser(oneOf(importFormats)))
    .option('--from <date>', 'take only entries from this day, YYYY-MM-DD (and expand calendar events from it)')
    .option('--to <date>', 'take only entries up to this day, included')
    .option('--dry-run', 'show what would be added, changed and skipped; change nothing')
    .option('--map <field=header>', 'CSV: the column for a field, e.g. start=Begin (repeat for more)', collect)
    .addOption(
      new Option('--date-format <format>', 'CSV: the date format when ambiguous').argParser(oneOf(dateFormatNames)),
    )
    .option('--tz <zone>', "the time zone of the file's times (default: the workspace's)")
    .addOption(
      new Option(
        '--running <choice>',
        'an interval still running in the file since more than a day: stop it (8 hours after its start), keep it as the timer, or skip it (asked on a terminal)',
      ).argParser(oneOf(runningChoices)),
    )
    .option(
      '--json',
      'print JSON: { format, status, added, changed, skipped, errors: [{ line, field, message }], warnings, staleRunning: [{ line, activity, start, stopAt, choice }] }',
    )
    .action(
      (
        file: string,
        options: {
          format?: string;
          from?: string;
          to?: string;
          dryRun?: boolean;
          map?: string[];
          dateFormat?: string;
          tz?: string;
          running?: RunningChoice;
          json?: boolean;
        },
      ) =>
        withBigrock(io, async (bigrock) => {
          const mapping: Record<string, string> = {};
          for (const pair of options.map ?? []) {
            const at = pair.indexOf('=');
            if (at < 1)
              throw new AppError('invalid-input', `--map: write field=Header, such as start=Begin; got "${pair}".`, {
                field: 'map',
              });
            mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
          }
          const importOnce = async (running: RunningChoice | undefined): Promise<ImportResult> => {
            const { stream, size } = openFile(file);
            const bar = await progressBar(io, size);
            try {
              return await bigrock.imports.importFile(stream, {
                format: options.format,
                from: options.from,
                to: options.to,
                dryRun: options.dryRun,
                mapping,
                dateFormat: options.dateFormat,
                timeZone: options.tz,
                running,
                onProgress: bar.update,
              });
            } finally {
              bar.stop();
            }
          };
          let result = await importOnce(options.running);
          const zone = await bigrock.entries.zone();
          if (needsRunningChoice(result) && canAsk(io)) {
            for (const interval of result.staleRunning) io.err(`${describeStale(interval, zone)}\n`);
            const choice = await askChoice(
              io,
              'Stop it, keep it running, or skip it? [stop/keep/skip] ',
              runningChoices,
            );
            if (choice !== null) result = await importOnce(choice);
          }
          if (options.json) {
            const { preview: _preview, span: _span, ...rest } = result;
            printJson(io, rest);
          } else {
            printResult(io, result, zone);
          }
          if (needsRunningChoice(result)) {
            throw new AppError(
              'invalid-input',
              'Nothing was imported: say what becomes of the running interval with --running stop, keep or skip.',
              { field: 'running' },
            );
          }
          if (result.status === 'failed') {
            // Exit status 2, as for any input to fix; the errors are printed above.
            throw new AppError(
              'invalid-input',
              `Nothing was imported: fix the ${result.errors.length === 1 ? 'error' : 'errors'} above and import again.`,
            );
          }
        }),
    );

  program
    .command('export')
    .description('write entries as CSV or iCalendar, or the whole workspace as a JSON backup, to standard output')
    .addOption(
      new Option('--format <format>', 'csv, json (a full backup) or ics')
        .argParser(oneOf(exportFormats))
        .makeOptionMandatory(),
    )
    .option('--from <date>', 'first day, YYYY-MM-DD (csv and ics)')
    .option('--to <date>', 'last day, included (csv and ics)')
    .option('--client <name>', 'only entries of this client (csv and ics)')
    .option('--project <name>', 'only entries of this project (csv and ics)')
    .option('--billable', 'only billable entries (csv and ics)')
    .option('--no-billable', 'only entries that are not billable (csv and ics)')
    .option(
      '--with-credentials',
      'json: put the publishing credentials in the backup, in the clear (left out otherwise)',
    )
    .action(
      (options: {
        format: (typeof exportFormats)[number];
        from?: string;
        to?: string;
        client?: string;
        project?: string;
        billable?: boolean;
        withCredentials?: boolean;
      }) =>
        withBigrock(io, async (bigrock) => {
          const filter = { client: options.client, project: options.project, billable: options.billable };
          const range = { from: options.from, to: options.to, filter };
          if (options.format === 'json') {
            if (options.from !== undefined || options.to !== undefined) {
              throw new AppError(
                'invalid-input',
                'A backup is always the whole workspace: leave out --from and --to.',
                {
                  field: 'from',
                },
              );
            }
            if (Object.values(filter).some((value) => value !== undefined)) {
              throw new AppError(
                'invalid-input',
                'A backup is always the whole workspace: leave out --client, --project and --billable.',
                { field: 'client' },
              );
            }
            return writeOut(io, bigrock.backup.backup({ includeCredentials: options.withCredentials === true }));
          }
          return writeOut(io, options.format === 'csv' ? bigrock.exports.csv(range) : bigrock.exports.ics(range));
        }),
    );
}
