import { AppError, deletedKindLabels, deletedKinds, UNDO_WINDOW_MS, type DeletedKind } from '@bigrock/core';
import type { Kysely, Selectable } from 'kysely';

import { createActivityRepository } from '../activities/activity.repository.js';
import type {
  ActivityLogTable,
  Database,
  DataPointTable,
  DeletedItemTable,
  OutcomeTable,
  TimeEntryTable,
} from '../db/database.js';
import type { DialectName } from '../db/open-database.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { createGoalRepository } from '../goals/goal.repository.js';
import { createOutcomeRepository } from '../tracking/outcome.repository.js';
import { createTimeEntryRepository } from '../tracking/time-entry.repository.js';

/** A deleted item as stored, without the row it keeps. */
export type DeletedItemRow = Omit<Selectable<DeletedItemTable>, 'row_json'>;

/** What became of a restore: done, or why not. */
export type RestoreResult =
  | { outcome: 'restored'; item: DeletedItemRow }
  | { outcome: 'unknown' }
  | { outcome: 'restored-before' | 'expired'; item: DeletedItemRow };

type StoredRow = Record<string, unknown> & { id: string; workspace_id: string };

/**
 * Each kind put back through the repository that wrote it, on the restore's transaction, so a
 * restored row updates what is derived from it (a goal's day totals) the way a new one does.
 * The rows are those the deletes stored, column for column, hence the casts.
 */
const putBack: Record<DeletedKind, (trx: Kysely<Database>, dialect: DialectName, row: StoredRow) => Promise<void>> = {
  'data-point': (trx, _dialect, row) => createGoalRepository(trx).putBackDataPoint(row as unknown as DataPointTable),
  'time-entry': (trx, dialect, row) =>
    createTimeEntryRepository(trx, dialect).putBack(row as unknown as TimeEntryTable),
  outcome: (trx, _dialect, row) => createOutcomeRepository(trx).putBack(row as unknown as OutcomeTable),
  'activity-log': (trx, _dialect, row) => createActivityRepository(trx).putBackLog(row as unknown as ActivityLogTable),
};

const itemColumns = ['id', 'workspace_id', 'kind', 'item_id', 'deleted_at', 'restored_at'] as const;

function kindOf(value: string): DeletedKind {
  const kind = deletedKinds.find((candidate) => candidate === value);
  if (kind === undefined) throw new Error(`A deleted item has the kind "${value}", which this Bigrock does not know.`);
  return kind;
}

function parseRow(item: Selectable<DeletedItemTable>): StoredRow {
  const row: unknown = JSON.parse(item.row_json ?? 'null');
  if (
    typeof row !== 'object' ||
    row === null ||
    !('id' in row) ||
    row.id !== item.item_id ||
    !('workspace_id' in row) ||
    row.workspace_id !== item.workspace_id
  ) {
    throw new Error(`The deleted item ${item.id} does not hold the row it names.`);
  }
  return row as StoredRow;
}

/** The rows moved aside by deletes (undo/record-deleted.ts writes them), listed and put back. */
export function createDeletedItemRepository(db: Kysely<Database>, dialect: DialectName) {
  function find(trx: Kysely<Database>, workspaceId: string, id: string): Promise<DeletedItemRow | undefined> {
    return trx
      .selectFrom('deleted_items')
      .select(itemColumns)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  return {
    /** The items that can still be restored at `now`, the last deleted first. */
    async listRestorable(workspaceId: string, now: Date): Promise<DeletedItemRow[]> {
      return db
        .selectFrom('deleted_items')
        .select(itemColumns)
        .where('workspace_id', '=', workspaceId)
        .where('deleted_at', '>', new Date(now.getTime() - UNDO_WINDOW_MS).toISOString())
        .where('restored_at', 'is', null)
        .where('row_json', 'is not', null)
        .orderBy('deleted_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    /**
     * Puts a deleted row back as it was, in one transaction: the item is claimed first (so two
     * restores of it cannot both succeed), then the row goes back through its repository; an
     * error there (its goal is gone, another timer runs) undoes the claim too.
     */
    async restore(workspaceId: string, id: string, now: Date): Promise<RestoreResult> {
      return db.transaction().execute(async (trx) => {
        const restoredAt = now.toISOString();
        const claimed = await trx
          .updateTable('deleted_items')
          .set({ restored_at: restoredAt })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('restored_at', 'is', null)
          .where('row_json', 'is not', null)
          .where('deleted_at', '>', new Date(now.getTime() - UNDO_WINDOW_MS).toISOString())
          .returningAll()
          .executeTakeFirst();
        if (claimed === undefined) {
          const item = await find(trx, workspaceId, id);
          if (item === undefined) return { outcome: 'unknown' };
          return { outcome: item.restored_at === null ? 'expired' : 'restored-before', item };
        }
        const kind = kindOf(claimed.kind);
        try {
          await putBack[kind](trx, dialect, parseRow(claimed));
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw new AppError('conflict', `This ${deletedKindLabels[kind]} is back already: a row with its id exists.`, {
            field: 'id',
            cause: error,
          });
        }
        await trx.updateTable('deleted_items').set({ row_json: null }).where('id', '=', claimed.id).execute();
        const { row_json: _row, ...item } = claimed;
        return { outcome: 'restored', item };
      });
    },
  };
}

export type DeletedItemRepository = ReturnType<typeof createDeletedItemRepository>;
