import { AppError, deletedKindLabels, formatCount, UNDO_WINDOW_MS, type DeletedItem } from '@bigrock/core';
import type { Command } from 'commander';

import { printJson, printTable, withBigrock, type CliIo } from '../cli-context.js';

const windowInWords = () => formatCount(UNDO_WINDOW_MS / 3_600_000, 'hour', 'hours');

export function registerUndoCommands(program: Command, io: CliIo): void {
  program
    .command('undo')
    .description(`bring back what was deleted last (or the deleted item <id>), within ${windowInWords()}`)
    .argument('[id]', 'a deleted item, from --list; the last one deleted when left out')
    .option('--list', 'list what can be brought back, the last deleted first')
    .option('--json', 'print JSON')
    .action((id: string | undefined, options: { list?: boolean; json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        if (options.list) {
          const items = await bigrock.undo.list();
          if (options.json) return printJson(io, items);
          if (items.length === 0) return io.out(`Nothing was deleted in the last ${windowInWords()}.\n`);
          printTable(io, [
            ['ID', 'WHAT', 'ITS ID'],
            ...items.map((item) => [item.id, deletedKindLabels[item.kind], item.itemId]),
          ]);
          return;
        }
        let deletedId = id;
        if (deletedId === undefined) {
          const [last] = await bigrock.undo.list();
          if (last === undefined) {
            throw new AppError(
              'not-found',
              `Nothing to undo: nothing deleted in the last ${windowInWords()} is left to bring back.`,
            );
          }
          deletedId = last.id;
        }
        const restored: DeletedItem = await bigrock.undo.restore(deletedId);
        if (options.json) return printJson(io, restored);
        io.out(`Restored the ${deletedKindLabels[restored.kind]} ${restored.itemId}.\n`);
      }),
    );
}
