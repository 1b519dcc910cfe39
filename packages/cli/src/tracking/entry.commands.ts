import { bucketUnits, formatDuration, type BucketUnit } from '@bigrock/core';
import { Option, type Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';
import { oneOf } from '../option-parsers.js';
import {
  addBillingOptions,
  addFilterOptions,
  billingInput,
  collect,
  describeEntry,
  entryJson,
  KEEP_SEPARATE,
  type BillingOptions,
} from './tracking-output.js';

interface RangeOptions {
  from?: string;
  to?: string;
  json?: boolean;
}

interface FilterOptions {
  client?: string;
  project?: string;
  billable?: boolean;
}

const filterOf = ({ client, project, billable }: FilterOptions) => ({ client, project, billable });

function addRangeOptions(command: Command): Command {
  return command
    .option('--from <date>', 'first day, YYYY-MM-DD (default: a week before --to)')
    .option('--to <date>', 'last day, included, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON');
}

export function registerEntryCommands(program: Command, io: CliIo): void {
  const entry = program.command('entry').description('time entries: add, list, edit, split, delete, review');

  addBillingOptions(
    entry
      .command('add')
      .description('add a time entry by hand')
      .argument('<activity>', 'what you did')
      .requiredOption('--start <datetime>', 'YYYY-MM-DD HH:mm on your clock, or ISO 8601 with an offset')
      .requiredOption('--end <datetime>', 'YYYY-MM-DD HH:mm on your clock, or ISO 8601 with an offset')
      .option('--tag <tag>', 'a tag (repeat for more)', collect)
      .option('--note <text>', 'a note')
      .option('--keep-separate', KEEP_SEPARATE),
  )
    .option('--json', 'print JSON')
    .action(
      (
        activity: string,
        options: BillingOptions & {
          start: string;
          end: string;
          tag?: string[];
          note?: string;
          keepSeparate?: boolean;
          json?: boolean;
        },
      ) =>
        withBigrock(io, async (bigrock) => {
          const added = await bigrock.entries.add({
            activity,
            start: options.start,
            end: options.end,
            tags: options.tag,
            note: options.note,
            ...billingInput(options),
            keepSeparate: options.keepSeparate,
          });
          if (options.json) return printJson(io, added);
          io.out(`Added ${added.id}: ${describeEntry(added, await bigrock.entries.zone())}\n`);
        }),
    );

  addFilterOptions(
    addRangeOptions(entry.command('list').description('list entries by day, in start order; of a client, a project')),
  ).action((options: RangeOptions & FilterOptions) =>
    withBigrock(io, async (bigrock) => {
      const list = await bigrock.entries.list({ from: options.from, to: options.to }, filterOf(options));
      if (options.json) return printJson(io, list.map(entryJson));
      if (list.length === 0)
        return io.out('No entries in these days. Start a timer with: bigrock timer start <activity>\n');
      const zone = await bigrock.entries.zone();
      for (const item of list) io.out(`${item.id}  ${describeEntry(item, zone)}\n`);
    }),
  );

  addBillingOptions(
    entry
      .command('edit')
      .description('change an entry')
      .argument('<id>')
      .option('--activity <name>', 'the activity')
      .option('--start <datetime>', 'the start')
      .option('--end <datetime>', 'the end')
      .option('--tag <tag>', 'tags, replacing the old ones (repeat for more)', collect)
      .option('--note <text>', 'the note ("" to clear it)')
      .option('--keep-separate', KEEP_SEPARATE),
  )
    .option('--json', 'print JSON')
    .action(
      (
        id: string,
        options: BillingOptions & {
          activity?: string;
          start?: string;
          end?: string;
          tag?: string[];
          note?: string;
          keepSeparate?: boolean;
          json?: boolean;
        },
      ) =>
        withBigrock(io, async (bigrock) => {
          const edited = await bigrock.entries.update(id, {
            activity: options.activity,
            start: options.start,
            end: options.end,
            tags: options.tag,
            note: options.note,
            ...billingInput(options),
            keepSeparate: options.keepSeparate,
          });
          if (options.json) return printJson(io, edited);
          io.out(`Updated ${edited.id}: ${describeEntry(edited, await bigrock.entries.zone())}\n`);
        }),
    );

  entry
    .command('split')
    .description('cut an entry in two at an instant')
    .argument('<id>')
    .requiredOption('--at <datetime>', 'where to cut: YYYY-MM-DD HH:mm or ISO 8601')
    .option('--json', 'print JSON: the two parts')
    .action((id: string, options: { at: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const parts = await bigrock.entries.split(id, { at: options.at });
        if (options.json) return printJson(io, parts);
        const zone = await bigrock.entries.zone();
        for (const part of parts) io.out(`${part.id}  ${describeEntry(part, zone)}\n`);
      }),
    );

  entry
    .command('delete')
    .description('delete an entry')
    .argument('<id>')
    .action((id: string) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.entries.remove(id);
        io.out(`Deleted ${id}. Undo with: bigrock undo\n`);
      }),
    );

  addRangeOptions(
    entry.command('review').description('the review inbox: gaps in working hours, overlaps, very long entries'),
  ).action((options: RangeOptions) =>
    withBigrock(io, async (bigrock) => {
      const items = await bigrock.entries.review({ from: options.from, to: options.to });
      if (options.json) return printJson(io, items);
      if (items.length === 0) return io.out('Nothing to review: no gaps, overlaps or very long entries.\n');
      printTable(
        io,
        items.map((item) => [item.date, item.kind.toUpperCase(), item.message]),
      );
    }),
  );

  addFilterOptions(addRangeOptions(entry.command('summary').description('time by day, week or month, per activity')))
    .addOption(new Option('--by <unit>', 'day, week or month').argParser(oneOf(bucketUnits)))
    .action((options: RangeOptions & FilterOptions & { by?: BucketUnit }) =>
      withBigrock(io, async (bigrock) => {
        const buckets = await bigrock.entries.summary(
          { from: options.from, to: options.to, unit: options.by },
          filterOf(options),
        );
        if (options.json) return printJson(io, buckets);
        for (const bucket of buckets) {
          io.out(`${bucket.start}  ${formatDuration(bucket.seconds)}\n`);
          for (const { activity, seconds } of bucket.activities)
            io.out(`  ${formatDuration(seconds).padStart(11)}  ${activity}\n`);
        }
      }),
    );
}
