/** What can be deleted and brought back within the undo window. */
export const deletedKinds = ['data-point', 'time-entry', 'outcome', 'activity-log'] as const;

export type DeletedKind = (typeof deletedKinds)[number];

/** Each kind in words, for "Deleted the time entry…" and "Restored the data point…". */
export const deletedKindLabels: Record<DeletedKind, string> = {
  'data-point': 'data point',
  'time-entry': 'time entry',
  outcome: 'outcome',
  'activity-log': 'activity log',
};

/** How long a deleted item can be restored: a day, as an elapsed duration (not a calendar day). */
export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The header of a delete's answer that holds the deleted item's id: `POST
 * /api/v1/deleted/{id}/restore` brings it back.
 */
export const DELETED_ITEM_HEADER = 'deleted-item';

/** A row moved aside by a delete, kept for the undo window. */
export interface DeletedItem {
  /** The id to restore it by (not the id of the row itself). */
  id: string;
  kind: DeletedKind;
  /** The id the row had, and has again once restored. */
  itemId: string;
  deletedAt: string;
  /** After this instant it can no longer be restored. */
  expiresAt: string;
  restoredAt: string | null;
}

/**
 * The instant a deletion can no longer be undone.
 *
 * @example undoExpiresAt('2026-11-21T09:00:00.000Z') // '2026-11-22T09:00:00.000Z'
 */
export function undoExpiresAt(deletedAt: string): string {
  return new Date(Date.parse(deletedAt) + UNDO_WINDOW_MS).toISOString();
}

/**
 * Whether a deleted item can still be restored at `nowMs`: not restored yet, and within the window.
 *
 * @example canRestore({ deletedAt: '2026-11-21T09:00:00.000Z', restoredAt: null }, Date.parse('2026-11-22T08:59:59Z')) // true
 */
export function canRestore(item: Pick<DeletedItem, 'deletedAt' | 'restoredAt'>, nowMs: number): boolean {
  return item.restoredAt === null && nowMs < Date.parse(item.deletedAt) + UNDO_WINDOW_MS;
}
