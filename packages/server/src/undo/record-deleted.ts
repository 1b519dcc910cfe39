import { UNDO_WINDOW_MS, type DeletedKind } from '@bigrock/core';
import type { Kysely } from 'kysely';

import type { Database } from '../db/database.js';
import { newId } from '../db/new-id.js';

/** How long a tombstone (a deleted item past its window) answers 410 before it is forgotten. */
export const TOMBSTONE_MS = 30 * UNDO_WINDOW_MS;

export interface DeletedRow {
  kind: DeletedKind;
  workspaceId: string;
  /** The row as the delete returned it: every column. */
  row: { id: string } & Record<string, unknown>;
  deletedAt: Date;
}

/**
 * Keeps a row just deleted for undo, in the transaction that deleted it, and purges the
 * workspace's items past the undo window: their rows go (a restore then answers 410), and a month
 * later their tombstones. Returns the id to restore it by.
 */
export async function recordDeleted(trx: Kysely<Database>, { kind, workspaceId, row, deletedAt }: DeletedRow) {
  const id = newId();
  const nowMs = deletedAt.getTime();
  await trx
    .updateTable('deleted_items')
    .set({ row_json: null })
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', '<=', new Date(nowMs - UNDO_WINDOW_MS).toISOString())
    .where('row_json', 'is not', null)
    .execute();
  await trx
    .deleteFrom('deleted_items')
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', '<=', new Date(nowMs - TOMBSTONE_MS).toISOString())
    .execute();
  await trx
    .insertInto('deleted_items')
    .values({
      id,
      workspace_id: workspaceId,
      kind,
      item_id: row.id,
      row_json: JSON.stringify(row),
      deleted_at: deletedAt.toISOString(),
      restored_at: null,
    })
    .execute();
  return id;
}
