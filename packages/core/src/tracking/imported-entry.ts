import { EARLIEST_DATE, isSupportedInstant, LATEST_DATE } from '../time/calendar-date.js';
import { MAX_CLIENT_PROJECT_LENGTH, MAX_TAGS, type EntrySource } from './time-entry.js';

/** The files Bigrock imports. `csv` is any CSV, its columns found by header name or mapped by hand. */
export const importFormats = ['toggl', 'clockify', 'timew', 'activitywatch', 'ics', 'csv'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** A problem with one row of a file: its line, the field (a column or property name) and what to do. */
export interface ImportIssue {
  line: number;
  field?: string;
  message: string;
}

/** A time entry read from a file, before it meets the database. */
export interface ImportedEntry {
  /** The line of the file it came from, for errors. */
  line: number;
  /**
   * What identifies it in its source: its own id, or the fields that make it itself, best in time
   * order (`1772442000000:dana@example.com`). It becomes the entry's `sourceId`, hashed when long.
   */
  key: string;
  startMs: number;
  /** Null for an interval still running in the source (Timewarrior). */
  endMs: number | null;
  activity: string;
  tags: string[];
  note: string | null;
  source: EntrySource;
  /** Client, project, billable and rate, from the files that say them (Toggl, Clockify, a CSV); left out: none. */
  billing?: EntryBilling;
}

/** What a file says of who an entry is billed to, and at what rate per hour. */
export interface EntryBilling {
  client: string | null;
  project: string | null;
  billable: boolean;
  rate: number | null;
  currency: string | null;
}

/** An entry that says nothing of billing. */
export const NO_BILLING: EntryBilling = Object.freeze({
  client: null,
  project: null,
  billable: false,
  rate: null,
  currency: null,
});

/** What a reader makes of one row: an entry, a problem, or a row that is rightly left out (with why). */
export type ImportRow =
  | { kind: 'entry'; entry: ImportedEntry }
  | { kind: 'issue'; issue: ImportIssue }
  | { kind: 'skip'; line: number; reason: string };

export interface ImportPreviewEntry {
  line: number;
  activity: string;
  start: string;
  end: string | null;
  tags: string[];
  note: string | null;
  client: string | null;
  project: string | null;
  billable: boolean;
}

/**
 * What becomes of an interval still running in a file that started more than a day before the
 * import (`STALE_RUNNING_MS`): stopped at `stopAt`, kept running as the timer, or left out.
 */
export const runningChoices = ['stop', 'keep', 'skip'] as const;
export type RunningChoice = (typeof runningChoices)[number];

/** A running interval that started longer ago than this is not made the timer without asking. */
export const STALE_RUNNING_MS = 24 * 3_600_000;
/**
 * How long an old running interval lasts when it is stopped. A file records nothing of it after
 * its start (Timewarrior keeps only the start of an open interval), so its last activity is
 * unknown: it is stopped a working day after its start.
 */
export const STOPPED_RUNNING_MS = 8 * 3_600_000;

/** An interval still running in a file, started more than a day before the import. */
export interface StaleRunningInterval {
  line: number;
  activity: string;
  start: string;
  /** Where `stop` ends it: STOPPED_RUNNING_MS after its start. */
  stopAt: string;
  /** What was done with it; null when the import was not told (a dry run shows it, an import fails). */
  choice: RunningChoice | null;
}

/** The answer to an import, dry run or not. Nothing is added unless `status` is `imported`. */
export interface ImportResult {
  format: ImportFormat;
  status: 'imported' | 'dry-run' | 'failed';
  /** Entries that are new (or would be, in a dry run). */
  added: number;
  /** Entries imported before whose source has changed since (a timer stopped, an event moved). */
  changed: number;
  /** Rows that add nothing: imported before unchanged, outside --from/--to, or not time (AFK, all-day events). 0 when the import failed. */
  skipped: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** The first entries that are (or would be) added and changed, to look at before importing. */
  preview: { added: ImportPreviewEntry[]; changed: ImportPreviewEntry[] };
  /** Intervals still running in the file that started more than a day ago: each needs a choice. */
  staleRunning: StaleRunningInterval[];
  /**
   * When the entries added and changed lie: the earliest start and the latest end (a running
   * one's start), ISO 8601 in UTC; null when there are none. The web app opens them after an import.
   */
  span: { start: string; end: string } | null;
}

/** Errors beyond this many are counted, not listed: the first ones are enough to fix the file. */
export const MAX_IMPORT_ERRORS = 100;

/** The most an entry holds: what Bigrock stores, and what its forms and API take. */
export const IMPORTED_TEXT_LIMITS = {
  activity: 200,
  note: 2000,
  tag: 50,
  tags: MAX_TAGS,
  client: MAX_CLIENT_PROJECT_LENGTH,
  project: MAX_CLIENT_PROJECT_LENGTH,
} as const;

/** An activity with its runs of spaces made one; "No activity" when empty. */
export function cleanActivity(text: string): string {
  return text.trim().replace(/\s+/g, ' ') || 'No activity';
}

/** Tags without commas, empty tags or repeats. */
export function cleanTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  for (const text of raw) {
    const tag = text.replaceAll(',', ' ').trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** A note trimmed; null when empty. */
export function cleanNote(text: string | null): string | null {
  return text === null ? null : text.trim() || null;
}

/**
 * Tidies the texts of an entry from another tool: the activity's runs of spaces made one ("No
 * activity" when empty), tags without commas or repeats, an empty note made null. Nothing is cut:
 * `checkImportedText` says what is too long.
 *
 * @example cleanImportedText({ activity: ' Calls ', tags: ['mga', 'mga', ''], note: '' }) // { activity: 'Calls', tags: ['mga'], note: null }
 */
export function cleanImportedText(fields: { activity: string; tags: readonly string[]; note: string | null }): {
  activity: string;
  tags: string[];
  note: string | null;
} {
  return { activity: cleanActivity(fields.activity), tags: cleanTags(fields.tags), note: cleanNote(fields.note) };
}

const counted = new Intl.NumberFormat('en-US');
const opening = (text: string) => JSON.stringify(text.length > 30 ? `${text.slice(0, 30)}…` : text);

/**
 * Why a text read from a file cannot be stored whole, or null when it can. An import reports a
 * text that is too long, with its line and field, rather than cut it without a word.
 *
 * @example textTooLong('tag', 'x'.repeat(51), 'Tags', 7)?.message
 * // 'Tags: the tag "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" has 51 characters, and a tag holds at most 50. Shorten it in the file and import again.'
 */
export function textTooLong(
  kind: 'activity' | 'note' | 'tag' | 'client' | 'project',
  text: string | null,
  field: string,
  line: number,
): ImportIssue | null {
  const limit = IMPORTED_TEXT_LIMITS[kind];
  if (text === null || text.length <= limit) return null;
  const what = kind === 'note' ? 'the note' : `the ${kind} ${opening(text)}`;
  const holder =
    kind === 'activity'
      ? 'an activity'
      : kind === 'client'
        ? 'a client name'
        : kind === 'project'
          ? 'a project name'
          : `a ${kind}`;
  return {
    line,
    field,
    message: `${field}: ${what} has ${counted.format(text.length)} characters, and ${holder} holds at most ${counted.format(limit)}. Shorten it in the file and import again.`,
  };
}

/**
 * Null when an entry's tags are few enough to store, else the issue.
 *
 * @example tooManyTags(Array.from({ length: 21 }, String), 'Tags', 3)?.field // 'Tags'
 */
export function tooManyTags(tags: readonly string[], field: string, line: number): ImportIssue | null {
  if (tags.length <= IMPORTED_TEXT_LIMITS.tags) return null;
  return {
    line,
    field,
    message: `${field}: ${counted.format(tags.length)} tags, and an entry holds at most ${counted.format(IMPORTED_TEXT_LIMITS.tags)}. Merge or drop some in the file and import again.`,
  };
}

/**
 * The first of an entry's tidied texts that Bigrock cannot store whole, as an issue naming the
 * field it came from; null when all fit.
 *
 * @example checkImportedText({ activity: 'Calls', tags: [], note: null }, 4, { activity: 'SUMMARY', tags: 'CATEGORIES', note: 'DESCRIPTION' }) // null
 */
export function checkImportedText(
  texts: { activity: string; tags: readonly string[]; note: string | null },
  line: number,
  fields: { activity: string; tags: string; note: string },
): ImportIssue | null {
  let issue =
    textTooLong('activity', texts.activity, fields.activity, line) ?? tooManyTags(texts.tags, fields.tags, line);
  for (const tag of texts.tags) issue ??= textTooLong('tag', tag, fields.tags, line);
  return issue ?? textTooLong('note', texts.note, fields.note, line);
}

/**
 * The issue of an entry whose start or end falls outside the days Bigrock keeps (1900 to 2999, as
 * everywhere else), or null: a file may hold year 0 or 9999, which a backup could not restore.
 *
 * @example instantOutOfRangeIssue({ line: 3, startMs: Date.parse('9999-01-01T00:00:00Z'), endMs: null })?.field // 'start'
 */
export function instantOutOfRangeIssue(entry: {
  line: number;
  startMs: number;
  endMs: number | null;
}): ImportIssue | null {
  const field = !isSupportedInstant(entry.startMs)
    ? 'start'
    : entry.endMs !== null && !isSupportedInstant(entry.endMs)
      ? 'end'
      : null;
  if (field === null) return null;
  const instant = field === 'start' ? entry.startMs : (entry.endMs ?? 0);
  const shown = Number.isFinite(instant) && Math.abs(instant) < 8.64e15 ? new Date(instant).toISOString() : 'its time';
  return {
    line: entry.line,
    field,
    message: `${field}: ${shown} falls outside the days Bigrock keeps, ${EARLIEST_DATE} to ${LATEST_DATE}. Correct the date in the file and import again.`,
  };
}

/**
 * The issue of a NUL character (U+0000) in a file being imported: it is not text (PostgreSQL
 * cannot store it), and no tool exports one in earnest, so the file is refused, not cleaned.
 *
 * @example nulIssue('Description', 12).message // 'Description: holds a NUL character (U+0000), …'
 */
export function nulIssue(field: string, line: number): ImportIssue {
  return {
    line,
    field,
    message: `${field}: holds a NUL character (U+0000), which is not text: the file is damaged, or is not a text export. Remove the character, or export the file again.`,
  };
}

/** Whether an entry says anything of billing: a client, a project, billable, or a rate. */
export function hasBilling(billing: EntryBilling): boolean {
  return (
    billing.client !== null ||
    billing.project !== null ||
    billing.billable ||
    billing.rate !== null ||
    billing.currency !== null
  );
}

/**
 * The content of an imported entry as one text. Hashed when the entry is first changed in Bigrock,
 * so that a re-import still tells whether the source changed since (a Timewarrior interval stopped,
 * an event moved). Tags as stored: comma-separated. Billing is added only when there is any, so
 * an entry without it hashes as it did before Bigrock kept billing (hashes stored then still match).
 *
 * @example importedContentText({ startMs: 0, endMs: 1000, activity: 'Calls', tags: '', note: null, source: 'import' }) // '0\u001f1000\u001fCalls\u001f\u001f\u001fimport'
 */
export function importedContentText(entry: {
  startMs: number;
  endMs: number | null;
  activity: string;
  tags: string;
  note: string | null;
  source: string;
  billing?: EntryBilling;
}): string {
  const separator = '\u001f';
  const text = `${entry.startMs}${separator}${entry.endMs ?? ''}${separator}${entry.activity}${separator}${entry.tags}${separator}${entry.note ?? ''}${separator}${entry.source}`;
  const billing = entry.billing;
  if (billing === undefined || !hasBilling(billing)) return text;
  return `${text}${separator}${billing.client ?? ''}${separator}${billing.project ?? ''}${separator}${billing.billable ? 1 : 0}${separator}${billing.rate ?? ''}${separator}${billing.currency ?? ''}`;
}
