import {
  AppError,
  deletedKindLabels,
  deletedKinds,
  formatCount,
  UNDO_WINDOW_MS,
  undoExpiresAt,
  type DeletedItem,
  type DeletedKind,
} from '@bigrock/core';

import type { Clock } from '../clock.js';
import type { DeletedItemRepository, DeletedItemRow } from './deleted-item.repository.js';

export interface DeletedItemServiceDeps {
  deletedItems: DeletedItemRepository;
  clock: Clock;
  workspaceId: string;
}

const kindOf = (value: string): DeletedKind => deletedKinds.find((kind) => kind === value) ?? 'data-point';

function toDeletedItem(row: DeletedItemRow): DeletedItem {
  return {
    id: row.id,
    kind: kindOf(row.kind),
    itemId: row.item_id,
    deletedAt: row.deleted_at,
    expiresAt: undoExpiresAt(row.deleted_at),
    restoredAt: row.restored_at,
  };
}

const windowInWords = () => formatCount(UNDO_WINDOW_MS / 3_600_000, 'hour', 'hours');

/** Undo: what was deleted in the last day, and putting it back. */
export function createDeletedItemService({ deletedItems, clock, workspaceId }: DeletedItemServiceDeps) {
  return {
    /** The deleted items that can still be restored, the last deleted first. */
    async list(): Promise<DeletedItem[]> {
      return (await deletedItems.listRestorable(workspaceId, clock.now())).map(toDeletedItem);
    },

    /**
     * Puts a deleted item back exactly as it was (same id, same fields), or says why not: unknown
     * (404), restored already or in conflict with what is there now (409), past the undo window (410).
     */
    async restore(id: string): Promise<DeletedItem> {
      const result = await deletedItems.restore(workspaceId, id, clock.now());
      switch (result.outcome) {
        case 'restored':
          return toDeletedItem(result.item);
        case 'unknown':
          throw new AppError(
            'not-found',
            `No deleted item has the id "${id}"; a delete's answer gives it (the Deleted-Item header), and bigrock undo --list lists them.`,
            { field: 'id' },
          );
        case 'restored-before':
          throw new AppError(
            'conflict',
            `This ${deletedKindLabels[kindOf(result.item.kind)]} was restored already; it is back where it was.`,
            { field: 'id' },
          );
        case 'expired':
          throw new AppError(
            'gone',
            `This ${deletedKindLabels[kindOf(result.item.kind)]} was deleted more than ${windowInWords()} ago, and deleted items are kept for ${windowInWords()}; add it again by hand.`,
            { field: 'id' },
          );
      }
    },
  };
}

export type DeletedItemService = ReturnType<typeof createDeletedItemService>;
