import { formatCount, formatDate, formatQuantity, outcomeKinds, type OutcomeKind } from '@bigrock/core';
import { InvalidArgumentError, type Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';
import { parseNumber } from '../option-parsers.js';
import { KEEP_SEPARATE } from './tracking-output.js';

/** `clients` and `leads` read as naturally as `client` and `lead`. */
function parseKind(value: string): OutcomeKind {
  const kind = outcomeKinds.find((candidate) => candidate === value || `${candidate}s` === value);
  if (kind === undefined) throw new InvalidArgumentError(`Choose one of ${outcomeKinds.join(', ')}.`);
  return kind;
}

export function registerOutcomeCommands(program: Command, io: CliIo): void {
  const outcome = program.command('outcome').description('revenue, clients and leads: what the hours brought');

  outcome
    .command('add')
    .description('record revenue, clients or leads')
    .argument('<kind>', `${outcomeKinds.join(', ')}`, parseKind)
    .argument('<amount>', 'money for revenue, a count for clients and leads', parseNumber)
    .option('--currency <code>', 'for revenue: USD, EUR... (default: the last one used)')
    .option('--activity <name>', 'the activity it came from')
    .option('--channel <name>', 'the channel it came from: referral, LinkedIn, a networking event...')
    .option('--date <date>', 'YYYY-MM-DD (default today)')
    .option('--note <text>', 'a note')
    .option('--keep-separate', KEEP_SEPARATE)
    .option('--json', 'print JSON')
    .action(
      (
        kind: OutcomeKind,
        amount: number,
        options: {
          currency?: string;
          activity?: string;
          channel?: string;
          date?: string;
          note?: string;
          keepSeparate?: boolean;
          json?: boolean;
        },
      ) =>
        withBigrock(io, async (bigrock) => {
          const { json, ...fields } = options;
          const added = await bigrock.outcomes.add({ kind, amount, ...fields });
          if (json) return printJson(io, added);
          const what =
            added.kind === 'revenue'
              ? formatQuantity(added.amount, added.currency)
              : formatCount(added.amount, added.kind, `${added.kind}s`);
          const from = [added.activity, added.channel].filter(Boolean).join(', ');
          io.out(`Recorded ${what.trim()} on ${formatDate(added.date)}${from ? ` from ${from}` : ''} (${added.id}).\n`);
        }),
    );

  outcome
    .command('list')
    .description('list outcomes by date')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action((options: { from?: string; to?: string; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const list = await bigrock.outcomes.list({ from: options.from, to: options.to });
        if (options.json) return printJson(io, list);
        if (list.length === 0)
          return io.out('No outcomes yet. Record one with: bigrock outcome add revenue 500 --activity Calls\n');
        printTable(io, [
          ['ID', 'DATE', 'KIND', 'AMOUNT', 'FROM'],
          ...list.map((item) => [
            item.id,
            item.date,
            item.kind,
            `${item.amount}${item.currency ? ` ${item.currency}` : ''}`,
            [item.activity, item.channel].filter(Boolean).join(', '),
          ]),
        ]);
      }),
    );

  outcome
    .command('delete')
    .description('delete an outcome')
    .argument('<id>')
    .action((id: string) =>
      withBigrock(io, async (bigrock) => {
        await bigrock.outcomes.remove(id);
        io.out(`Deleted ${id}. Undo with: bigrock undo\n`);
      }),
    );
}
