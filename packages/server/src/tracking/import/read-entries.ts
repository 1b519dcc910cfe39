import {
  dateFormats,
  instantOutOfRangeIssue,
  MAX_IMPORT_ERRORS,
  NO_BILLING,
  type EntryBilling,
  type CsvField,
  type DateFormatName,
  type EntrySource,
  type ImportedEntry,
  type ImportFormat,
  type ImportIssue,
  type ImportRow,
} from '@bigrock/core';

import { hashText } from '../imported-content.js';

/** What a reader needs to know besides the text: all of it plain data, to cross to a worker thread. */
export interface ReaderSettings {
  format: ImportFormat;
  /** The first bytes of the file, decoded: a CSV's delimiter is guessed from its header line. */
  head: string;
  /** The zone of the file's wall-clock times. */
  zone: string;
  mapping: Partial<Record<CsvField, string>>;
  dateFormat: DateFormatName | undefined;
  /** Only entries that overlap [startMs, endMs) are taken; a calendar's rules are expanded over them. */
  startMs: number | null;
  endMs: number | null;
}

/** An imported entry ready to be written: what the database stores of it, and the line it came from. */
export interface PreparedEntry {
  line: number;
  activity: string;
  startMs: number;
  endMs: number | null;
  /** Comma-separated, as stored. */
  tags: string;
  note: string | null;
  source: EntrySource;
  /** Provenance: the format and the source's own key, hashed when long or unprintable. */
  sourceId: string;
  billing: EntryBilling;
}

/** What one batch of rows came to: the entries to write, and the rows skipped or in error. */
export interface ReadBatch {
  entries: PreparedEntry[];
  skipped: number;
  /** The first issues (at most MAX_IMPORT_ERRORS in a whole file). */
  issues: ImportIssue[];
  /** All the issues in this batch, listed or not. */
  issueCount: number;
}

/**
 * A batch as flat arrays, to cross to another thread: one array of values copies in a fraction of
 * the time a thousand objects take, and the texts rows repeat (activity, tags, source) are sent
 * once each, the rows holding their index in `texts`.
 */
export type PackedBatch = Omit<ReadBatch, 'entries'> & { packed: Array<string | number | null>; texts: string[] };
const PACKED_FIELDS = 13;

export function packBatch({ entries, ...rest }: ReadBatch): PackedBatch {
  const packed: PackedBatch['packed'] = new Array(entries.length * PACKED_FIELDS);
  const texts: string[] = [];
  const indexes = new Map<string, number>();
  const textIndex = (text: string) => {
    let index = indexes.get(text);
    if (index === undefined) {
      index = texts.push(text) - 1;
      indexes.set(text, index);
    }
    return index;
  };
  const optionalText = (text: string | null) => (text === null ? null : textIndex(text));
  let at = 0;
  for (const entry of entries) {
    packed[at++] = entry.line;
    packed[at++] = textIndex(entry.activity);
    packed[at++] = entry.startMs;
    packed[at++] = entry.endMs;
    packed[at++] = textIndex(entry.tags);
    packed[at++] = entry.note;
    packed[at++] = textIndex(entry.source);
    packed[at++] = entry.sourceId;
    packed[at++] = optionalText(entry.billing.client);
    packed[at++] = optionalText(entry.billing.project);
    packed[at++] = entry.billing.billable ? 1 : 0;
    packed[at++] = entry.billing.rate;
    packed[at++] = optionalText(entry.billing.currency);
  }
  return { ...rest, packed, texts };
}

/** The batch `packBatch` packed. */
export function unpackBatch({ packed, texts, ...rest }: PackedBatch): ReadBatch {
  if (packed.length % PACKED_FIELDS !== 0) {
    throw new Error('A batch from the import worker has the wrong shape: the worker and this thread were built apart.');
  }
  const text = (value: string | number | null) => texts[value as number] ?? '';
  const optionalText = (value: string | number | null | undefined) =>
    value === null || value === undefined ? null : text(value);
  const entries = new Array<PreparedEntry>(packed.length / PACKED_FIELDS);
  for (let index = 0, at = 0; index < entries.length; index++, at += PACKED_FIELDS) {
    entries[index] = {
      line: packed[at] as number,
      activity: text(packed[at + 1] ?? null),
      startMs: packed[at + 2] as number,
      endMs: packed[at + 3] as number | null,
      tags: text(packed[at + 4] ?? null),
      note: packed[at + 5] as string | null,
      source: text(packed[at + 6] ?? null) as EntrySource,
      sourceId: packed[at + 7] as string,
      billing: {
        client: optionalText(packed[at + 8]),
        project: optionalText(packed[at + 9]),
        billable: packed[at + 10] === 1,
        rate: packed[at + 11] as number | null,
        currency: optionalText(packed[at + 12]),
      },
    };
  }
  return { ...rest, entries };
}

export interface EntryReader {
  batches: AsyncGenerator<ReadBatch>;
  /** What the reader had to assume (a date order, a zone), once every batch is read. */
  warnings(): ImportIssue[];
  /** Ends the reading, read to the end or not (a worker thread is stopped). */
  close(): Promise<void>;
}

/** Short printable keys are kept as they are: readable, and in time order for the index. */
function sourceIdOf(format: ImportFormat, key: string): string {
  return key.length <= 80 && /^[\x21-\x7e]*$/.test(key) ? `${format}:${key}` : `${format}:${hashText(key)}`;
}

function prepare(format: ImportFormat, entry: ImportedEntry): PreparedEntry {
  return {
    line: entry.line,
    activity: entry.activity,
    startMs: entry.startMs,
    endMs: entry.endMs,
    tags: entry.tags.join(','),
    note: entry.note,
    source: entry.source,
    sourceId: sourceIdOf(format, entry.key),
    billing: entry.billing ?? NO_BILLING,
  };
}

async function readerFor(
  settings: ReaderSettings,
  text: AsyncIterable<string>,
): Promise<{ rows: AsyncGenerator<ImportRow[]>; warnings(): ImportIssue[] }> {
  switch (settings.format) {
    case 'toggl':
    case 'clockify':
    case 'csv': {
      const { readCsv, guessDelimiter } = await import('./csv-reader.js');
      const firstLine = settings.head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
      return readCsv(text, {
        format: settings.format,
        zone: settings.zone,
        mapping: settings.mapping,
        dateOrder: settings.dateFormat && dateFormats[settings.dateFormat],
        delimiter: guessDelimiter(firstLine),
      });
    }
    case 'timew': {
      const { readTimew } = await import('./timew-reader.js');
      return { rows: readTimew(text), warnings: () => [] };
    }
    case 'activitywatch': {
      const { readActivityWatch } = await import('./activitywatch-reader.js');
      return { rows: readActivityWatch(text), warnings: () => [] };
    }
    case 'ics': {
      const { readIcs } = await import('./ics-reader.js');
      return readIcs(text, settings);
    }
  }
}

/**
 * Reads the text of a file in its format, batch by batch: every row checked, the entries outside
 * the range counted as skipped, the rest prepared for writing. After the first issue no more
 * entries are prepared (nothing will be written), but the issues are still counted.
 */
export async function readEntries(settings: ReaderSettings, text: AsyncIterable<string>): Promise<EntryReader> {
  const reader = await readerFor(settings, text);
  const { format, startMs, endMs } = settings;
  let issuesListed = 0;
  let failed = false;

  async function* batches(): AsyncGenerator<ReadBatch> {
    for await (const rows of reader.rows) {
      const batch: ReadBatch = { entries: [], skipped: 0, issues: [], issueCount: 0 };
      for (const row of rows) {
        if (row.kind === 'issue') {
          failed = true;
          batch.issueCount++;
          if (issuesListed++ < MAX_IMPORT_ERRORS) batch.issues.push(row.issue);
        } else if (row.kind === 'skip') {
          batch.skipped++;
        } else {
          const { entry } = row;
          const outOfRange = instantOutOfRangeIssue(entry);
          if (outOfRange !== null) {
            failed = true;
            batch.issueCount++;
            if (issuesListed++ < MAX_IMPORT_ERRORS) batch.issues.push(outOfRange);
            continue;
          }
          const outside =
            (startMs !== null && (entry.endMs ?? Number.POSITIVE_INFINITY) <= startMs) ||
            (endMs !== null && entry.startMs >= endMs);
          if (outside) batch.skipped++;
          else if (!failed) batch.entries.push(prepare(format, entry));
        }
      }
      if (failed) batch.entries = [];
      yield batch;
    }
  }

  return { batches: batches(), warnings: reader.warnings, close: () => Promise.resolve() };
}
