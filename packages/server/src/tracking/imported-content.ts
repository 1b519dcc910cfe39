import { hash } from 'node:crypto';

import { activityNameKey, importedContentText } from '@bigrock/core';

import type { TimeEntryTable } from '../db/database.js';

/** What an entry holds of its source: compared on re-import to see whether the source changed. */
export type EntryContent = Pick<TimeEntryTable, 'activity' | 'start_ms' | 'end_ms' | 'tags' | 'note' | 'source'>;

/** A short hash of a text, for keys too long or too odd to keep as they are. */
export const hashText = (text: string) => hash('sha1', text, 'base64url').slice(0, 22);

/** The hash of what an entry holds of its source, as `source_hash` keeps it. */
export function contentHash(content: EntryContent): string {
  return hashText(
    importedContentText({
      startMs: Number(content.start_ms),
      endMs: content.end_ms === null ? null : Number(content.end_ms),
      activity: content.activity,
      tags: content.tags,
      note: content.note,
      source: content.source,
    }),
  );
}

/**
 * Whether the source still holds what a stored entry was imported as. An imported entry nobody
 * changed has no `source_hash`: it is compared field by field. One changed in Bigrock since (see
 * `keepImportedContent`) is compared by the hash of what it was imported as, so a re-import of the
 * same file leaves the user's change alone. Activity names that differ only by case are the same.
 */
export function sameAsImported(stored: EntryContent & { source_hash: string | null }, incoming: EntryContent): boolean {
  if (stored.source_hash !== null) return stored.source_hash === contentHash(incoming);
  return (
    // "calls" in the file is the workspace's "Calls": the same activity, whichever was written.
    (stored.activity === incoming.activity ||
      activityNameKey(stored.activity) === activityNameKey(incoming.activity)) &&
    Number(stored.start_ms) === Number(incoming.start_ms) &&
    (stored.end_ms === null ? null : Number(stored.end_ms)) ===
      (incoming.end_ms === null ? null : Number(incoming.end_ms)) &&
    stored.tags === incoming.tags &&
    stored.note === incoming.note &&
    stored.source === incoming.source
  );
}

/**
 * The columns to write with a change made in Bigrock to an entry: for an imported entry changed
 * for the first time, the hash of what it was imported as. Hashing only then, and not every row of
 * an import, saves a fifth of a million-row import's time.
 */
export function keepImportedContent(
  row: EntryContent & Pick<TimeEntryTable, 'source_id' | 'source_hash'>,
): Pick<TimeEntryTable, 'source_hash'> | Record<string, never> {
  return row.source_id !== null && row.source_hash === null ? { source_hash: contentHash(row) } : {};
}
