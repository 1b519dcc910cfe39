import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import {
  AppError,
  blockKinds,
  formatCount,
  formatDay,
  formatNumber,
  parseEstimate,
  rockText,
  todayText,
  weekdays,
  weekText,
  type BlockKind,
  type WeekBlock,
} from '@bigrock/core';
import { Option, type Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';
import { oneOf, parseNumber } from '../option-parsers.js';

const isKind = (value: string): value is BlockKind => blockKinds.some((kind) => kind === value.trim().toLowerCase());

/** `calls` or `deep-work`: an activity by name, or a kind of block. */
function blockContent(target: string): { activity?: string; kind?: BlockKind } {
  const trimmed = target.trim().toLowerCase();
  return isKind(trimmed) ? { kind: trimmed } : { activity: target };
}

const listOf = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const dayOption = () => new Option('--day <day>', `the weekday (${weekdays.join(', ')})`).argParser(oneOf(weekdays));

/**
 * `week template list --json`: commander gives the options of `week` (--json, --week) to `week`
 * even when they follow its subcommand, so the subcommands read them with their parent's.
 */
const wantsJson = (command: Command) => Boolean(command.optsWithGlobals<{ json?: boolean }>().json);

const whatOf = (block: Pick<WeekBlock, 'activity' | 'kind'>) => block.activity ?? block.kind ?? '-';

export function registerPlannerCommands(program: Command, io: CliIo): void {
  const week = program
    .command('week')
    .description("the week's plan: blocks, big rocks, plan against actual, capacity; templates")
    .option('--week <week>', 'the ISO week, such as 2027-W03 (default this week)')
    .option('--hours <n>', 'hours available in the week, for the capacity (default 40)', parseNumber)
    .option('--json', 'print JSON')
    .action((options: { week?: string; hours?: number; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const plan = await bigrock.planner.week({ week: options.week, hoursAvailable: options.hours });
        if (options.json) return printJson(io, plan);
        io.out(weekText(plan));
      }),
    );

  const template = week.command('template').description('weekly templates: list, show, apply');
  template
    .command('list')
    .description('list the templates: those that ship with Bigrock and your own')
    .option('--json', 'print JSON')
    .action((_options: { json?: boolean }, command: Command) =>
      withBigrock(io, async (bigrock) => {
        const list = await bigrock.planner.templates();
        if (wantsJson(command)) return printJson(io, list);
        printTable(io, [
          ['NAME', 'BLOCKS', 'H/WEEK', '', 'ABOUT'],
          ...list.map((item) => [
            item.name,
            String(item.blocks),
            formatNumber(item.hoursPerWeek),
            item.active ? 'active' : '',
            item.description ?? '',
          ]),
        ]);
      }),
    );
  template
    .command('show')
    .description("show a template's blocks")
    .argument('<name>')
    .option('--json', 'print JSON')
    .action((name: string, _options: { json?: boolean }, command: Command) =>
      withBigrock(io, async (bigrock) => {
        const shown = await bigrock.planner.template(name);
        if (wantsJson(command)) return printJson(io, shown);
        io.out(`${shown.name}${shown.active ? ' (active)' : ''}: ${shown.description ?? ''}\n`);
        printTable(
          io,
          shown.rows.map((row) => [
            `  ${row.weekday}`,
            `${row.start}-${row.end}`,
            row.activity ?? row.kind ?? '',
            row.every === 1 ? '' : `every ${formatCount(row.every, 'week', 'weeks')}`,
            row.note ?? '',
          ]),
        );
      }),
    );
  template
    .command('apply')
    .description('make the template the active one, and the week from it (its changes give way)')
    .argument('<name>')
    .option('--week <week>', 'the ISO week to make (default this week)')
    .option('--json', 'print JSON')
    .action((name: string, _options: { week?: string; json?: boolean }, command: Command) =>
      withBigrock(io, async (bigrock) => {
        const { week: weekOption } = command.optsWithGlobals<{ week?: string }>();
        const plan = await bigrock.planner.applyTemplate(name, { week: weekOption });
        if (wantsJson(command)) return printJson(io, plan);
        io.out(
          `Made ${plan.week} from ${plan.template ?? name}: ${formatCount(plan.blocks.length, 'block', 'blocks')}.\n`,
        );
        io.out(weekText(plan));
      }),
    );

  week
    .command('import-busy')
    .description(
      'make the busy time of a calendar (.ics) fixed meeting blocks: recurring events expanded, all-day and free ones left out; again, no duplicates',
    )
    .argument('<file>', 'the .ics file')
    .option('--week <week>', 'the first ISO week to import (default this week)')
    .option('--weeks <n>', 'how many weeks from it, 1 to 12 (default 1)', parseNumber)
    .option('--json', 'print JSON')
    .action((file: string, _options: { weeks?: number }, command: Command) =>
      withBigrock(io, async (bigrock) => {
        const options = command.optsWithGlobals<{ week?: string; weeks?: number }>();
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch {
          throw new AppError('invalid-input', `There is no file to read at ${file}.`, { field: 'file' });
        }
        const result = await bigrock.busyImport.importBusy(
          (async function* content() {
            yield text;
          })(),
          { week: options.week, weeks: options.weeks, fileName: basename(file) },
        );
        if (wantsJson(command)) return printJson(io, result);
        const skipped = Object.entries(result.skipped).map(([reason, count]) => `${formatNumber(count)} ${reason}`);
        io.out(
          `Busy time of ${result.weeks.join(', ')}: ${formatCount(result.added, 'block added', 'blocks added')}, ${formatNumber(result.updated)} moved, ${formatNumber(result.unchanged)} unchanged` +
            `${skipped.length === 0 ? '' : `; left out: ${skipped.join(', ')}`}.\n`,
        );
      }),
    );

  const block = program.command('block').description('blocks of the week: add, edit, skip, remove');
  block
    .command('add')
    .description('add a block: bigrock block add calls --day mon --from 09:00 --to 11:00')
    .argument('<what>', `an activity by name, or a kind (${blockKinds.join(', ')})`)
    .addOption(dayOption().makeOptionMandatory())
    .requiredOption('--from <time>', 'the start, HH:MM on your clock')
    .requiredOption('--to <time>', 'the end, HH:MM (24:00 for midnight)')
    .option('--every <n>', 'repeat every N weeks, from this week on (it goes in the active template)', parseNumber)
    .option('--until <date>', 'the last day a repeating block falls on, YYYY-MM-DD')
    .option('--except <dates>', 'days a repeating block is left out, comma-separated')
    .option('--week <week>', 'the ISO week (default this week)')
    .option('--note <text>', 'a note')
    .option('--json', 'print JSON')
    .action(
      (
        what: string,
        options: {
          day: string;
          from: string;
          to: string;
          every?: number;
          until?: string;
          except?: string;
          week?: string;
          note?: string;
          json?: boolean;
        },
      ) =>
        withBigrock(io, async (bigrock) => {
          const result = await bigrock.planner.addBlock({
            ...blockContent(what),
            weekday: options.day,
            start: options.from,
            end: options.to,
            every: options.every,
            until: options.until,
            except: options.except === undefined ? undefined : listOf(options.except),
            week: options.week,
            note: options.note,
          });
          if (options.json) return printJson(io, result);
          const added = result.block;
          const repeat = result.templateBlockId === null ? '' : ', repeating in the active template';
          io.out(
            added === null
              ? `Added the block to the template; it is left out of this week.\n`
              : `Added ${whatOf(added)} on ${formatDay(added.date)} ${added.start}-${added.end}${repeat} (${added.id}).\n`,
          );
        }),
    );

  block
    .command('edit')
    .description('move, shorten or change a block of a week (the template and other weeks keep theirs)')
    .argument('<id>')
    .addOption(dayOption())
    .option('--from <time>', 'the new start, HH:MM')
    .option('--to <time>', 'the new end, HH:MM')
    .addOption(new Option('--activity <name>', 'give it this activity').conflicts('kind'))
    .addOption(new Option('--kind <kind>', `give it this kind (${blockKinds.join(', ')})`).argParser(oneOf(blockKinds)))
    .option('--note <text>', 'a note ("" to clear it)')
    .option('--json', 'print JSON')
    .action(
      (
        id: string,
        options: {
          day?: string;
          from?: string;
          to?: string;
          activity?: string;
          kind?: string;
          note?: string;
          json?: boolean;
        },
      ) =>
        withBigrock(io, async (bigrock) => {
          const edited = await bigrock.planner.editBlock(id, {
            weekday: options.day,
            start: options.from,
            end: options.to,
            activity: options.activity,
            kind: options.kind,
            note: options.note,
          });
          if (options.json) return printJson(io, edited);
          io.out(`Block ${edited.id}: ${whatOf(edited)} on ${formatDay(edited.date)} ${edited.start}-${edited.end}.\n`);
        }),
    );

  block
    .command('skip')
    .description('skip a block of a week: it stays on the plan, out of its hours and adherence')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action((id: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const skipped = await bigrock.planner.skipBlock(id);
        if (options.json) return printJson(io, skipped);
        io.out(`Skipped ${whatOf(skipped)} on ${formatDay(skipped.date)} ${skipped.start}-${skipped.end}.\n`);
      }),
    );

  block
    .command('remove')
    .description('remove a block from its week')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action((id: string, options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.planner.removeBlock(id);
        if (options.json) return printJson(io, { removed: id });
        io.out(`Removed block ${id}.\n`);
      }),
    );

  const rock = program.command('rock').description('the big rock of the day: set, done, carry');
  rock
    .command('set')
    .description('set the big rock of a day')
    .argument('<title>')
    .option('--date <date>', 'the day, YYYY-MM-DD (default today)')
    .addOption(new Option('--goal <id>', 'the goal it moves').conflicts('activity'))
    .option('--activity <name>', 'the activity it is')
    .option('--estimate <time>', 'how long it takes: 2h, 90m, 1h30m')
    .option('--json', 'print JSON')
    .action(
      (
        title: string,
        options: { date?: string; goal?: string; activity?: string; estimate?: string; json?: boolean },
      ) =>
        withBigrock(io, async (bigrock) => {
          const set = await bigrock.planner.setRock({
            title,
            date: options.date,
            goalId: options.goal,
            activity: options.activity,
            estimateMinutes: options.estimate === undefined ? undefined : parseEstimate(options.estimate),
          });
          if (options.json) return printJson(io, set);
          io.out(`Big rock of ${formatDay(set.date)}: ${rockText(set)}.\n`);
          const start = await bigrock.planner.rockStart(set.date);
          if (!start.allowed) io.out(`${start.message}\n`);
        }),
    );

  rock
    .command('done')
    .description("mark a day's big rock done")
    .option('--date <date>', 'the day, YYYY-MM-DD (default today)')
    .option('--json', 'print JSON')
    .action((options: { date?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const done = await bigrock.planner.rockDone({ date: options.date });
        if (options.json) return printJson(io, done);
        io.out(`Done: ${done.title} (${formatDay(done.date)}).\n`);
      }),
    );

  rock
    .command('carry')
    .description("carry a day's big rock over to the next day, saying why")
    .requiredOption('--reason <text>', 'why it is carried over')
    .option('--date <date>', 'the day of the rock, YYYY-MM-DD (default today)')
    .option('--to <date>', 'the day it goes to (default the next day)')
    .option('--json', 'print JSON')
    .action((options: { reason: string; date?: string; to?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const result = await bigrock.planner.rockCarry({ reason: options.reason, date: options.date, to: options.to });
        if (options.json) return printJson(io, result);
        io.out(`Carried "${result.next.title}" over to ${formatDay(result.next.date)}.\n`);
      }),
    );

  program
    .command('today')
    .description("the day: blocks, big rock, what is behind, yesterday's plan against what happened")
    .option('--date <date>', 'another day, YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action((options: { date?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const day = await bigrock.planner.day({ date: options.date });
        if (options.json) return printJson(io, day);
        io.out(todayText(day));
      }),
    );
}
