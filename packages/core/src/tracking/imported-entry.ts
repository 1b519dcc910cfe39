import { MAX_TAGS, type EntrySource } from './time-entry.js';

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
}

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
  /**
   * When the entries added and changed lie: the earliest start and the latest end (a running
   * one's start), ISO 8601 in UTC; null when there are none. The web app opens them after an import.
   */
  span: { start: string; end: string } | null;
}

/** Errors beyond this many are counted, not listed: the first ones are enough to fix the file. */
export const MAX_IMPORT_ERRORS = 100;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** An activity of at most 200 characters, its runs of spaces made one; "No activity" when empty. */
export function cleanActivity(text: string): string {
  return clip(text.trim().replace(/\s+/g, ' '), 200) || 'No activity';
}

/** At most 20 tags of 50 characters, without commas, empty tags or repeats. */
export function cleanTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  for (const text of raw) {
    const tag = clip(text.replaceAll(',', ' ').trim(), 50);
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}

/** A note of at most 2000 characters; null when empty. */
export function cleanNote(text: string | null): string | null {
  return text === null ? null : clip(text.trim(), 2000) || null;
}

/**
 * Brings text from another tool within Bigrock's limits instead of refusing the row: an activity
 * of at most 200 characters ("No activity" when empty), a note of 2000, at most 20 tags of 50
 * characters, without commas or repeats.
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

/**
 * The content of an imported entry as one text. Hashed when the entry is first changed in Bigrock,
 * so that a re-import still tells whether the source changed since (a Timewarrior interval stopped,
 * an event moved). Tags as stored: comma-separated.
 */
export function importedContentText(entry: {
  startMs: number;
  endMs: number | null;
  activity: string;
  tags: string;
  note: string | null;
  source: string;
}): string {
  const separator = '\u001f';
  return `${entry.startMs}${separator}${entry.endMs ?? ''}${separator}${entry.activity}${separator}${entry.tags}${separator}${entry.note ?? ''}${separator}${entry.source}`;
}
