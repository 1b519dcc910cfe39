import { hash } from 'node:crypto';

import { activityNameKey, hasBilling, importedContentText, NO_BILLING, type EntryBilling } from '@bigrock/core';

import type { TimeEntryTable } from '../db/database.js';

/** What an entry holds of its source: compared on re-import to see whether the source changed. */
export type EntryContent = Pick<
  TimeEntryTable,
  | 'activity'
  | 'start_ms'
  | 'end_ms'
  | 'tags'
  | 'note'
  | 'source'
  | 'client'
  | 'project'
  | 'billable'
  | 'rate'
  | 'rate_currency'
>;

/** The billing columns of a stored entry, as core names them. */
export function billingOf(
  content: Pick<EntryContent, 'client' | 'project' | 'billable' | 'rate' | 'rate_currency'>,
): EntryBilling {
  return {
    client: content.client,
    project: content.project,
    billable: Number(content.billable) === 1,
    rate: content.rate === null ? null : Number(content.rate),
    currency: content.rate_currency,
  };
}

/** The billing columns to store for core's billing. */
export function billingColumns(
  billing: EntryBilling,
): Pick<TimeEntryTable, 'client' | 'project' | 'billable' | 'rate' | 'rate_currency'> {
  return {
    client: billing.client,
    project: billing.project,
    billable: billing.billable ? 1 : 0,
    rate: billing.rate,
    rate_currency: billing.currency,
  };
}

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
      billing: billingOf(content),
    }),
  );
}

const sameBilling = (a: EntryBilling, b: EntryBilling) =>
  a.client === b.client &&
  a.project === b.project &&
  a.billable === b.billable &&
  a.rate === b.rate &&
  a.currency === b.currency;

type BillingColumns = Pick<TimeEntryTable, 'client' | 'project' | 'billable' | 'rate' | 'rate_currency'>;

/**
 * What a re-import makes of a stored entry: the same as its source (`same`), and then perhaps the
 * billing to fill in (`fill`). An imported entry nobody changed has no `source_hash`: it is
 * compared field by field. One changed in Bigrock since (see `keepImportedContent`) is compared by
 * the hash of what it was imported as, so a re-import of the same file leaves the user's change alone.
 * Activity names that differ only by case are the same.
 *
 * An entry imported before Bigrock kept billing (migration 0008) has none, and a hash made then
 * was made without it: such an entry matches a source that now gives billing, the other fields
 * being the same, and `fill` holds the billing to write into it. A hash made since includes the
 * billing, so what the user changed of it afterwards is left alone.
 */
export function compareWithImported(
  stored: EntryContent & { source_hash: string | null },
  incoming: EntryContent,
): { same: boolean; fill: BillingColumns | null } {
  const incomingBilling = billingOf(incoming);
  const fill = hasBilling(incomingBilling) ? billingColumns(incomingBilling) : null;
  if (stored.source_hash !== null) {
    if (stored.source_hash === contentHash(incoming)) return { same: true, fill: null };
    const before0008 = stored.source_hash === contentHash({ ...incoming, ...billingColumns(NO_BILLING) });
    return { same: before0008, fill: before0008 && !hasBilling(billingOf(stored)) ? fill : null };
  }
  const storedBilling = billingOf(stored);
  const same =
    // "calls" in the file is the workspace's "Calls": the same activity, whichever was written.
    (stored.activity === incoming.activity ||
      activityNameKey(stored.activity) === activityNameKey(incoming.activity)) &&
    Number(stored.start_ms) === Number(incoming.start_ms) &&
    (stored.end_ms === null ? null : Number(stored.end_ms)) ===
      (incoming.end_ms === null ? null : Number(incoming.end_ms)) &&
    stored.tags === incoming.tags &&
    stored.note === incoming.note &&
    stored.source === incoming.source;
  if (!same) return { same: false, fill: null };
  if (sameBilling(storedBilling, incomingBilling)) return { same: true, fill: null };
  return hasBilling(storedBilling) ? { same: false, fill: null } : { same: true, fill };
}

/** Whether the source still holds what a stored entry was imported as (see `compareWithImported`). */
export function sameAsImported(stored: EntryContent & { source_hash: string | null }, incoming: EntryContent): boolean {
  return compareWithImported(stored, incoming).same;
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
